/**
 * Security headers on the production server: every reader page carries nosniff, the referrer
 * and permissions policies, frame-ancestors 'self' and a script policy that allows each of its
 * inline scripts by hash (cached pages) or nonce (pages rendered per request), never
 * 'unsafe-inline'; then Chromium loads the pages and reports no CSP violation while the reading
 * meter and the newsletter form, both client islands, still work.
 */
import { createHash } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type Browser, chromium } from 'playwright-core'

import { BASE_URL, DEMO, get, login } from './helpers'

const READER_PAGES = [
  `/articles/${DEMO.article}`,
  `/articles/${DEMO.article}`, // the second answer comes from the cache
  `/series/${DEMO.series}`,
  `/series/${DEMO.series}`,
  '/auteurs/julien-moreau',
  '/',
  '/?page=2',
  '/newsletter/confirm?token=abc',
  '/newsletter/unsubscribe',
  '/soutenir',
  '/articles/nexiste-pas',
  '/page-inconnue',
]
const OTHER_ANSWERS = ['/feed.xml', '/sitemap.xml', `/go/${DEMO.offer}`, '/api/health', '/admin']

/** The Content-Security-Policy values of an answer (one per policy), as directive maps. */
function policies(headers: Headers): Map<string, string[]>[] {
  return (headers.get('content-security-policy') ?? '')
    .split(',')
    .filter((policy) => policy.trim())
    .map(
      (policy) =>
        new Map(
          policy.split(';').map((directive) => {
            const [name = '', ...values] = directive.trim().split(/\s+/)
            return [name, values] as const
          }),
        ),
    )
}

/** Each inline script the browser would run: its text and its nonce attribute. */
function inlineScripts(html: string) {
  const scripts: { text: string; nonce: string | null }[] = []
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? ''
    if (/\bsrc=/.test(attributes)) continue
    if (/type="application\/(ld\+)?json"/.test(attributes)) continue
    scripts.push({ text: match[2] ?? '', nonce: /nonce="([^"]*)"/.exec(attributes)?.[1] ?? null })
  }
  return scripts
}

/** get() keeps the body's bytes as latin1 characters: hash those bytes, as the browser does. */
const sha256 = (text: string) =>
  `'sha256-${createHash('sha256').update(Buffer.from(text, 'latin1')).digest('base64')}'`

function expectBaseHeaders(headers: Headers, where: string) {
  expect([where, headers.get('x-content-type-options')]).toEqual([where, 'nosniff'])
  expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  expect(headers.get('permissions-policy')).toMatch(/camera=\(\)/)
  expect(headers.get('x-frame-options')).toBe('SAMEORIGIN')
  const framing = policies(headers).map((policy) => policy.get('frame-ancestors')?.join(' '))
  expect([where, framing.includes("'self'")]).toEqual([where, true])
  // SITE_URL is http here: no HSTS (tests/lib/security-headers.test.ts covers https).
  expect(headers.get('strict-transport-security')).toBeNull()
}

describe('security headers', () => {
  it.each(READER_PAGES)(
    '%s allows each of its inline scripts by hash or nonce only',
    async (url) => {
      const answer = await get(url)
      expect([200, 404]).toContain(answer.status)
      expectBaseHeaders(answer.headers, url)
      const scriptPolicies = policies(answer.headers).filter((policy) => policy.has('script-src'))
      expect(scriptPolicies).toHaveLength(1)
      const sources = scriptPolicies[0]?.get('script-src') ?? []
      expect(sources).not.toContain("'unsafe-inline'")
      expect(sources).not.toContain("'unsafe-eval'")
      expect(sources[0]).toBe("'self'")
      const scripts = inlineScripts(answer.text)
      expect(scripts.length).toBeGreaterThan(0)
      for (const script of scripts) {
        const allowed =
          sources.includes(sha256(script.text)) ||
          (script.nonce !== null && sources.includes(`'nonce-${script.nonce}'`))
        expect([url, script.text.slice(0, 60), allowed]).toEqual([
          url,
          script.text.slice(0, 60),
          true,
        ])
      }
    },
  )

  it('gives each per-request page a fresh nonce', async () => {
    const nonces = await Promise.all(
      [1, 2, 3].map(async () => {
        const sources = policies((await get('/')).headers).find((p) => p.has('script-src'))
        return sources?.get('script-src')?.find((source) => source.startsWith("'nonce-"))
      }),
    )
    expect(nonces.every(Boolean)).toBe(true)
    expect(new Set(nonces).size).toBe(3)
  })

  it('ignores a nonce a client sends in its own Content-Security-Policy request header', async () => {
    const answer = await get('/', {
      headers: { 'Content-Security-Policy': "script-src 'nonce-choisiparmoi'" },
    })
    expect(answer.text).not.toContain('choisiparmoi')
  })

  it.each(OTHER_ANSWERS)('%s carries the base headers', async (url) => {
    expectBaseHeaders((await get(url)).headers, url)
  })

  it('renders a preview in draft mode with nonces, the cached page stays hashed', async () => {
    const editor = await login(DEMO.editor)
    const preview = await get(`/preview?collection=articles&slug=${DEMO.article}`, {
      headers: { Cookie: `payload-token=${editor.token}`, 'Sec-Fetch-Site': 'same-origin' },
    })
    expect(preview.status).toBe(307)
    const draftCookie = /(__prerender_bypass=[^;]+)/.exec(
      preview.headers.get('set-cookie') ?? '',
    )?.[1]
    expect(draftCookie).toBeDefined()
    const answer = await get(`/articles/${DEMO.article}`, {
      headers: {
        Cookie: `payload-token=${editor.token}; ${draftCookie}`,
        'Sec-Fetch-Site': 'same-origin',
      },
    })
    // get() reads the body as latin1: decode it to find the preview's title.
    expect(Buffer.from(answer.text, 'latin1').toString('utf8')).toContain('Aperçu')
    const sources = policies(answer.headers)
      .find((p) => p.has('script-src'))
      ?.get('script-src')
    const nonce = sources?.find((source) => source.startsWith("'nonce-"))
    expect(nonce).toBeDefined()
    for (const script of inlineScripts(answer.text)) {
      expect(`'nonce-${script.nonce}'`).toBe(nonce)
    }
  })
})

describe('in Chromium', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    })
  })

  afterAll(async () => {
    await browser?.close()
  })

  it('runs the pages and their islands without a CSP violation', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const cspMessages: string[] = []
    page.on('console', (message) => {
      if (/content security policy/i.test(message.text())) cspMessages.push(message.text())
    })
    await page.addInitScript(() => {
      const w = window as unknown as { violations: string[] }
      w.violations = []
      document.addEventListener('securitypolicyviolation', (event) =>
        w.violations.push(`${event.violatedDirective} ${event.blockedURI}`),
      )
    })
    const violations = () =>
      page.evaluate(() => (window as unknown as { violations: string[] }).violations)

    for (const url of [
      `/articles/${DEMO.article}`,
      '/',
      `/series/${DEMO.series}`,
      '/auteurs/julien-moreau',
    ]) {
      await page.goto(new URL(url, BASE_URL).href, { waitUntil: 'networkidle' })
      expect([url, await violations()]).toEqual([url, []])
    }

    // The meter counted the article read above; the form answers through its server action.
    await page.goto(new URL(`/articles/${DEMO.article}`, BASE_URL).href, {
      waitUntil: 'networkidle',
    })
    await expect(page.locator('.meter p[aria-live]').textContent()).resolves.toMatch(/Vous avez lu/)
    await page.getByLabel('Votre adresse e-mail').fill(`csp-${Date.now()}@exemple.fr`)
    await page.locator('.newsletter-form .field--checkbox input').check()
    await page.locator('.newsletter-form button[type="submit"]').click()
    await expect(page.locator('.form-success').textContent()).resolves.toContain('Merci')
    expect(await violations()).toEqual([])
    expect(cspMessages).toEqual([])

    // The listener does see a violation: an injected inline script is refused.
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.injected = true'
      document.body.append(script)
    })
    await page.waitForFunction(
      () => (window as unknown as { violations: string[] }).violations.length > 0,
    )
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBe(
      undefined,
    )
    await context.close()
  })
})
