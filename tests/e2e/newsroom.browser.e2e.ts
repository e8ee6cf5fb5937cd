/**
 * The newsroom in Chromium, on the production server: a journalist writes an article in the
 * admin (heading, uploaded image, inline affiliate link) and hands it to the editors; the editor
 * schedules its publication from the publish button's drawer; readers get 404 until that second,
 * then the article with its affiliate disclosure and a sponsored /go/ link.
 */
import { randomBytes } from 'node:crypto'

import { expect, it } from '@jest/globals'
import type { Page } from 'playwright-core'
import sharp from 'sharp'

import { chromiumForThisFile, logIntoAdmin, newContext, screenshot } from './browser'
import { api, DEMO, get, login } from './helpers'

const browser = chromiumForThisFile()

/** The draft fields this test checks, read back over REST as the server stored them. */
type Draft = {
  title: string
  slug: string
  reviewState: string
  heroImage: number | string | null
  body: unknown
  scheduledPublishAt?: string | null
}

const paris = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})
/** Paris day and "HH:mm" of an instant, as the drawer's calendar and time list show them. */
function parisClock(at: Date): { day: string; time: string } {
  const parts = Object.fromEntries(paris.formatToParts(at).map((part) => [part.type, part.value]))
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` }
}

/**
 * The first whole minute at least `marginMs` ahead, on today's Paris date: the drawer schedules
 * to the minute and only offers today's remaining times in its list. Past 23:58 it waits for
 * the next day rather than drive the calendar.
 */
async function nextSchedulableMinute(marginMs: number): Promise<Date> {
  for (;;) {
    const now = new Date()
    const at = new Date(Math.ceil((now.getTime() + marginMs) / 60_000) * 60_000)
    if (parisClock(at).day === parisClock(now).day) return at
    await new Promise((resolve) => setTimeout(resolve, at.getTime() - now.getTime() + 1000))
  }
}

/** Polls the REST answer until `ready` holds for it; returns the last answer. */
async function readUntil<T>(read: () => Promise<T>, ready: (value: T) => boolean, what: string) {
  const deadline = Date.now() + 60_000
  for (;;) {
    const value = await read()
    if (ready(value)) return value
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

function nodesOf(body: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    out.push(node as Record<string, unknown>)
    const children = (node as { children?: unknown[]; root?: unknown }).children
    for (const child of children ?? []) walk(child)
    walk((node as { root?: unknown }).root)
  }
  walk(body)
  return out
}

async function writeArticle(page: Page, title: string) {
  await page.goto('/admin/collections/articles/create')
  // Autosave creates the draft at once and moves to its address.
  await page.waitForURL((url) =>
    /\/admin\/collections\/articles\/(?!create)[^/]+$/.test(url.pathname),
  )
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '')

  await page.getByRole('textbox', { name: 'Titre *' }).fill(title)
  await page
    .getByRole('textbox', { name: 'Chapô *' })
    .fill('Un article écrit dans le navigateur, de l’admin jusqu’au lecteur.')

  // The hero image: a new upload, drawn here.
  await page.getByRole('button', { name: 'Créer un(e) nouveau ou nouvelle' }).click()
  const upload = page.getByRole('dialog', { name: /^doc-drawer_media/ })
  const png = await sharp({
    create: { width: 1600, height: 900, channels: 3, background: '#2a6f97' },
  })
    .png()
    .toBuffer()
  await upload.locator('input[type="file"]').setInputFiles({
    name: `essai-${randomBytes(3).toString('hex')}.png`,
    mimeType: 'image/png',
    buffer: png,
  })
  // The drawer's labels are not tied to their inputs (Payload 3.90): the field's name it is.
  await upload.locator('input[name="alt"]').fill('Un aplat bleu canard')
  await upload.getByRole('button', { name: 'Sauvegarder' }).click()
  await upload.waitFor({ state: 'hidden', timeout: 60_000 })

  // The body: a heading from the slash menu, then a paragraph with an internal link to the offer.
  await page.locator('[data-lexical-editor="true"]').click()
  await page.keyboard.type('/')
  await page
    .getByRole('listbox', { name: 'Slash menu' })
    .getByRole('option', { name: 'En-tête 2' })
    .click()
  await page.keyboard.type('Ce que montre le premier épisode')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Pour la regarder, ')
  const linkText = 'essayez l’offre'
  await page.keyboard.type(linkText)
  for (let i = 0; i < linkText.length; i++) await page.keyboard.press('Shift+ArrowLeft')
  // The toolbar's buttons have no accessible name in Payload 3.90; their feature key it is.
  await page.locator('.fixed-toolbar button[data-button-key="link"]').click()
  const link = page.getByRole('dialog', { name: /lexical-rich-text-link/ })
  await link.getByText('Lien interne', { exact: true }).click()
  await link.getByRole('combobox').click()
  await page.keyboard.type('Prime')
  await link
    .getByRole('option', { name: 'Essayer Prime Video gratuitement pendant 30 jours' })
    .click()
  await link.getByRole('button', { name: 'Sauvegarder les modifications' }).click()
  await link.waitFor({ state: 'hidden', timeout: 5_000 }).catch(async () => {
    await page.screenshot({ path: 'test-results/link-drawer-open.png' })
    await link.getByRole('button', { name: 'Sauvegarder les modifications' }).click()
    await link.waitFor({ state: 'hidden' })
  })

  // Handed to the editors.
  await page.locator('#field-reviewState').getByRole('combobox').click()
  await page.getByRole('option', { name: 'À relire', exact: true }).click()
  return id
}

it('goes from a journalist’s draft to a scheduled publication that readers see at its second', async () => {
  const started = Date.now()
  const step = (what: string) =>
    console.log(`[newsroom] ${what} at ${((Date.now() - started) / 1000).toFixed(1)} s`)
  const tag = randomBytes(3).toString('hex')
  const title = `Essai en navigateur ${tag}`
  const slug = `essai-en-navigateur-${tag}`
  const [journalist, editor] = await Promise.all([login(DEMO.journalist), login(DEMO.editor)])
  const offer = await api<{ docs: { id: number | string }[] }>(
    `/api/affiliate-links?where[slug][equals]=${DEMO.offer}&depth=0`,
    { token: editor.token },
  )
  const offerId = offer.docs[0]?.id

  // 1. The journalist writes and submits for review.
  const newsroom = await newContext(browser())
  const page = await newsroom.newPage()
  await logIntoAdmin(page, DEMO.journalist)
  const id = await writeArticle(page, title)
  // A journalist has no publish button.
  expect(await page.getByRole('button', { name: /^Publier/ }).count()).toBe(0)

  // What autosave stored, read back as the journalist.
  const draft = await readUntil(
    () => api<Draft>(`/api/articles/${id}?draft=true&depth=0`, { token: journalist.token }),
    (doc) => {
      const nodes = nodesOf(doc.body)
      return (
        doc.reviewState === 'review' &&
        doc.heroImage !== null &&
        nodes.some((node) => node.type === 'heading' && node.tag === 'h2') &&
        // The toolbar inserts a custom link before the drawer makes it internal, and autosave
        // may store that first state: wait for the final one.
        nodes.some(
          (node) =>
            node.type === 'link' &&
            (node.fields as { linkType?: string } | undefined)?.linkType === 'internal',
        )
      )
    },
    'the submitted draft',
  )
  expect(draft).toMatchObject({ title, slug, reviewState: 'review' })
  const linkNode = nodesOf(draft.body).find((node) => node.type === 'link')
  expect(linkNode?.fields).toMatchObject({
    linkType: 'internal',
    doc: { relationTo: 'affiliate-links', value: offerId },
  })
  await newsroom.close()
  step('the journalist submitted the draft for review')

  // 2. The editor finds it in the review queue and schedules it from the publish button.
  const desk = await newContext(browser())
  const editorPage = await desk.newPage()
  await logIntoAdmin(editorPage, DEMO.editor)
  await editorPage
    .getByRole('region', { name: /^À relire/ })
    .getByRole('link', { name: title })
    .click()
  await editorPage.waitForURL(`**/admin/collections/articles/${id}`)
  await editorPage.getByRole('button', { name: 'Publier les modifications' }).waitFor()

  const at = await nextSchedulableMinute(20_000)
  await editorPage.locator('#action-save-popup button.popup-button').click()
  await editorPage.getByRole('button', { name: 'Programmer la publication' }).click()
  const drawer = editorPage.getByRole('dialog', { name: `schedule-publish-${id}` })
  // Payload preselects "Dépublier" for a document never published: choose explicitly.
  await drawer.getByText('Publier', { exact: true }).click()
  await drawer.locator('#time input').click()
  await drawer.getByRole('option', { name: parisClock(at).time, exact: true }).click()
  await drawer.getByRole('button', { name: 'Sauvegarder', exact: true }).click()
  await editorPage.getByText('Programmé avec succès.').waitFor()
  // The drawer covers the screen: the page behind it would only lengthen the picture.
  await screenshot(editorPage, 'admin-schedule-drawer', 'desktop', { fullPage: false })
  const scheduled = await readUntil(
    () => api<Draft>(`/api/articles/${id}?draft=true&depth=0`, { token: editor.token }),
    (doc) => Boolean(doc.scheduledPublishAt),
    'the scheduled publication time',
  )
  expect(new Date(scheduled.scheduledPublishAt ?? '').toISOString()).toBe(at.toISOString())
  await desk.close()
  step(`the editor scheduled it for ${at.toISOString()}`)

  // 3. Readers: 404 until the second, never early, then the article.
  const reader = await newContext(browser())
  const readerPage = await reader.newPage()
  try {
    expect(Date.now()).toBeLessThan(at.getTime())
    expect((await readerPage.goto(`/articles/${slug}`))?.status()).toBe(404)
    let liveAt: number | undefined
    while (Date.now() < at.getTime() + 30_000) {
      const answer = await get(`/articles/${slug}`)
      if (answer.status === 200) {
        liveAt = Date.now()
        break
      }
      expect(answer.status).toBe(404)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(liveAt).toBeDefined()
    expect(liveAt ?? 0).toBeGreaterThanOrEqual(at.getTime())
    step(`live ${(liveAt ?? 0) - at.getTime()} ms after the scheduled minute`)

    const response = await readerPage.goto(`/articles/${slug}`)
    expect(response?.status()).toBe(200)
    await readerPage.getByRole('heading', { level: 1, name: title }).waitFor()
    await readerPage
      .getByRole('heading', { level: 2, name: 'Ce que montre le premier épisode' })
      .waitFor()
    await readerPage.getByRole('img', { name: 'Un aplat bleu canard' }).waitFor()
    const disclosure = readerPage.getByRole('complementary', { name: 'Liens d’affiliation' })
    expect(await disclosure.textContent()).toContain('Cet article contient des liens d’affiliation')
    const affiliate = readerPage.getByRole('link', { name: 'essayez l’offre' })
    expect(await affiliate.getAttribute('href')).toBe(`/go/${DEMO.offer}`)
    expect(await affiliate.getAttribute('rel')).toBe('sponsored nofollow noopener')
  } finally {
    await reader.close()
  }
  // The admin's first pages are slow on a shared machine, and the drawer schedules to the
  // minute: up to a minute of waiting for it.
}, 300_000)
