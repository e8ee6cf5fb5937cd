/**
 * The reader site in Chromium, on the production server and its seeded demo content: the
 * reading meter, the newsletter's double opt-in, the series page and its offer, accessibility
 * (axe-core) and screenshots of each page at phone and desktop width.
 */
import { randomBytes } from 'node:crypto'

import { describe, expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'

import {
  newContext,
  screenshot,
  seriousViolations,
  serverLog,
  chromiumForThisFile,
  VIEWPORTS,
  WAIT_MS,
  type ViewportName,
} from './browser'
import { api, BASE_URL, DEMO, login, within } from './helpers'

const browser = chromiumForThisFile()

const ARTICLE = `/articles/${DEMO.article}`
const SERIES = `/series/${DEMO.series}`
const AUTHOR = '/auteurs/julien-moreau'
const OFFER_URL = 'https://www.primevideo.com/?ref=rouages-demo'

/** Waits until the page shows exactly this text somewhere. */
async function seeText(page: Page, text: string) {
  await page.getByText(text, { exact: true }).first().waitFor({ state: 'visible' })
}

/** Scrolls through the page so lazy images load, then waits until every image has. */
async function settle(page: Page) {
  await page.waitForLoadState('load')
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y)
      await new Promise((resolve) => requestAnimationFrame(resolve))
    }
    window.scrollTo(0, 0)
  })
  await page.waitForFunction(() =>
    Array.from(document.images).every((image) => image.complete && image.naturalWidth > 0),
  )
}

async function subscribers(email: string, token: string) {
  const query = new URLSearchParams({ 'where[email][equals]': email, depth: '0' })
  return api<{ totalDocs: number; docs: { status: string }[] }>(`/api/subscribers?${query}`, {
    token,
  })
}

describe('reading meter', () => {
  it('reads "0 article", then "1 article", then "2 articles" as the reader opens articles', async () => {
    const context = await newContext(browser())
    const page = await context.newPage()
    try {
      await page.goto('/')
      await seeText(page, 'Vous avez lu 0 article sur Rouages ce mois-ci.')

      await page
        .getByRole('link', {
          name: 'Vélo électrique : cinq habitudes pour faire durer sa batterie',
        })
        .click()
      await page.waitForURL('**/articles/velo-electrique-faire-durer-sa-batterie')
      await seeText(page, 'Vous avez lu 1 article sur Rouages ce mois-ci.')

      await page.goto('/')
      await page
        .getByRole('link', {
          name: 'Recharge rapide : pourquoi vous n’obtenez presque jamais la puissance affichée',
        })
        .click()
      await page.waitForURL('**/articles/recharge-rapide-puissance-affichee')
      await seeText(page, 'Vous avez lu 2 articles sur Rouages ce mois-ci.')

      // Reading the first one again counts nothing more; the home page shows the same count.
      await page.goto('/articles/velo-electrique-faire-durer-sa-batterie')
      await seeText(page, 'Vous avez lu 2 articles sur Rouages ce mois-ci.')
      await page.goto('/')
      await seeText(page, 'Vous avez lu 2 articles sur Rouages ce mois-ci.')
    } finally {
      await context.close()
    }
  })
})

describe('newsletter', () => {
  it('refuses a bad address in French and stores nothing, then confirms a good one from the link in its mail', async () => {
    const { token } = await login(DEMO.editor)
    const context = await newContext(browser())
    const page = await context.newPage()
    try {
      await page.goto(ARTICLE)
      const form = page.locator('form.newsletter-form')
      const address = form.getByLabel('Votre adresse e-mail')
      const consent = form.getByRole('checkbox')
      const submit = form.getByRole('button', { name: 'Je m’inscris' })
      // The form posts to a server action: wait for hydration so it answers in place.
      await page.waitForLoadState('networkidle')

      const bad = `lecteur-${randomBytes(4).toString('hex')}@exemple`
      await address.fill(bad)
      await consent.check()
      await submit.click()
      await page.getByRole('alert').filter({ hasText: 'Vérifiez les champs signalés.' }).waitFor()
      await seeText(page, 'Cette adresse e-mail n’est pas valide (exemple : prenom@exemple.fr).')
      expect(await address.getAttribute('aria-invalid')).toBe('true')
      expect(await address.inputValue()).toBe(bad)
      expect((await subscribers(bad, token)).totalDocs).toBe(0)

      const good = `lecteur-${randomBytes(4).toString('hex')}@exemple.fr`
      await address.fill(good)
      if (!(await consent.isChecked())) await consent.check()
      await submit.click()
      await page
        .getByRole('status')
        .filter({ hasText: 'Merci ! Pour confirmer votre inscription' })
        .waitFor()
      expect((await subscribers(good, token)).docs.map((doc) => doc.status)).toEqual(['pending'])

      // The mail, written to the server log without SMTP_URL: its confirmation link.
      let link: string | undefined
      await within(
        WAIT_MS,
        async () => {
          const mail = serverLog().split(`E-mail to ${good}`)[1]
          link = mail?.match(/https?:\/\/\S+\/newsletter\/confirm\?token=[\w-]{43}/)?.[0]
          return link !== undefined
        },
        'the confirmation mail in the server log',
      )
      expect(new URL(link ?? '').origin).toBe(new URL(BASE_URL).origin)

      await page.setViewportSize(VIEWPORTS.phone)
      await page.goto(link ?? '')
      await page.getByRole('heading', { level: 1, name: 'Inscription confirmée' }).waitFor()
      await seeText(page, 'Merci ! Vous recevrez la prochaine lettre.')
      expect((await subscribers(good, token)).docs.map((doc) => doc.status)).toEqual(['confirmed'])
      // The link is single-use: both screenshots are of this one page, resized.
      await screenshot(page, 'newsletter-confirm', 'phone')
      await page.setViewportSize(VIEWPORTS.desktop)
      await screenshot(page, 'newsletter-confirm', 'desktop')
    } finally {
      await context.close()
    }
  })
})

describe('series page', () => {
  it('shows the release status and the four episodes', async () => {
    const context = await newContext(browser())
    const page = await context.newPage()
    try {
      await page.goto(SERIES)
      await page
        .getByRole('heading', { level: 1, name: 'Renault : anatomie d’un come-back' })
        .waitFor()
      // Released on 13 December 2024, 09:00 Paris time.
      const status = page.locator('.release')
      expect((await status.textContent())?.trim()).toBe('Disponible sur Prime Video')
      expect(await status.locator('time').getAttribute('datetime')).toBe('2024-12-13T08:00:00.000Z')
      const episodes = page.getByRole('region', { name: 'Épisodes' })
      const items = episodes.getByRole('listitem')
      expect(await items.count()).toBe(4)
      expect(await episodes.getByRole('heading', { level: 3 }).allTextContents()).toHaveLength(4)
      await seeText(page, '4 épisodes · 2 h 40')
      // The poster is shown whole, portrait, not a 16:9 band cut from it.
      const poster = await page.getByRole('img', { name: /^Affiche/ }).boundingBox()
      expect(poster?.height ?? 0).toBeGreaterThan(poster?.width ?? 0)
    } finally {
      await context.close()
    }
  })

  it('sends a click on the offer through /go/ to the offer’s https address', async () => {
    const context = await newContext(browser())
    // The merchant's site is never reached: the navigation to it is answered here.
    await context.route('https://www.primevideo.com/**', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><title>Offre</title><p>Offre du marchand</p>',
      }),
    )
    const page = await context.newPage()
    try {
      await page.goto(SERIES)
      const offer = page.getByRole('link', {
        name: 'Essayer Prime Video gratuitement pendant 30 jours',
      })
      expect(await offer.getAttribute('href')).toBe(`/go/${DEMO.offer}`)
      expect(await offer.getAttribute('rel')).toBe('sponsored nofollow noopener')

      const landing = page.waitForRequest((request) => request.url().startsWith(OFFER_URL))
      await offer.click()
      const request = await landing
      expect(request.url()).toBe(OFFER_URL)
      expect(request.redirectedFrom()?.url()).toBe(`${BASE_URL}/go/${DEMO.offer}`)
      await page.waitForURL(OFFER_URL)
      await seeText(page, 'Offre du marchand')
    } finally {
      await context.close()
    }
  })
})

describe('accessibility (axe-core)', () => {
  it.each([
    ['the home page', '/'],
    ['an article', ARTICLE],
    ['a series', SERIES],
    ['an author page', AUTHOR],
  ])('finds no serious or critical violation on %s', async (_name, pathname) => {
    const context = await newContext(browser(), { bypassCSP: true })
    const page = await context.newPage()
    try {
      await page.goto(pathname)
      await settle(page)
      expect(await seriousViolations(page)).toEqual([])
    } finally {
      await context.close()
    }
  })
})

describe('screenshots', () => {
  const pages = [
    ['home', '/'],
    ['article', ARTICLE],
    ['series', SERIES],
    ['author', AUTHOR],
  ] as const

  it.each(Object.keys(VIEWPORTS) as ViewportName[])(
    'saves each reader page at %s width under test-results/',
    async (viewport) => {
      const context = await newContext(browser(), { viewport: VIEWPORTS[viewport] })
      const page = await context.newPage()
      try {
        for (const [name, pathname] of pages) {
          const response = await page.goto(pathname)
          expect(response?.status()).toBe(200)
          await settle(page)
          // Nothing wider than the screen: a phone never scrolls sideways.
          expect(
            await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
          ).toBeLessThanOrEqual(0)
          await screenshot(page, name, viewport)
        }
      } finally {
        await context.close()
      }
    },
  )
})
