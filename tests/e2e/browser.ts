/**
 * What the browser tests share: Debian's Chromium driven by playwright-core, French pages in
 * Paris time, screenshots under test-results/, and axe-core's accessibility audit.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll } from '@jest/globals'
import axe from 'axe-core'
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core'

import { BASE_URL, SEED_PASSWORD } from './helpers'

/** Debian's Chromium (apt-get install chromium): playwright-core downloads no browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium'

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const
export type ViewportName = keyof typeof VIEWPORTS

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots')

/** Every wait on a condition gives up after this (the machine is shared and can be slow). */
export const WAIT_MS = 30_000

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/**
 * One Chromium for the test file, closed in afterAll. Call at the top level of the file; the
 * returned function gives the running browser inside tests.
 */
export function chromiumForThisFile(): () => Browser {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })
  return () => {
    if (!browser)
      throw new Error('the browser is not running (chromiumForThisFile outside a test?)')
    return browser
  }
}

/**
 * A fresh browser profile (no cookies) that speaks French, lives in Paris time and reaches no
 * host but the test server: anything else is aborted, so no test depends on the network.
 */
export async function newContext(
  browser: Browser,
  options: BrowserContextOptions & { viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: VIEWPORTS.desktop,
    ...options,
  })
  context.setDefaultTimeout(WAIT_MS)
  context.setDefaultNavigationTimeout(60_000)
  const origin = new URL(BASE_URL).origin
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.abort('blockedbyclient'),
  )
  return context
}

/** Logs into the admin through its form, as a person does; resolves on the dashboard. */
export async function logIntoAdmin(page: Page, email: string): Promise<void> {
  await page.goto('/admin/login')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Mot de passe').fill(SEED_PASSWORD)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.waitForURL((url) => url.pathname === '/admin', { timeout: 60_000 })
}

/** A PNG (full page by default) at test-results/screenshots/<name>-<viewport>.png. */
export async function screenshot(
  page: Page,
  name: string,
  viewport: ViewportName,
  { fullPage = true } = {},
) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const file = path.join(SCREENSHOT_DIR, `${name}-${viewport}.png`)
  await page.screenshot({ path: file, fullPage, animations: 'disabled' })
  return file
}

export type AxeViolation = { id: string; impact: string; help: string; targets: string[] }

/**
 * Runs axe-core in the page and returns its serious and critical violations. The context must
 * be made with `bypassCSP: true`: the audit is a script the page's policy would refuse.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axe.source })
  const { checked, violations } = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
    })
    return {
      checked: result.passes.length + result.violations.length,
      violations: result.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? 'unknown',
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      })),
    }
  })
  // An audit that checked nothing (no document, axe not loaded) must not pass for a clean one.
  if (checked === 0) throw new Error(`axe-core checked no rule on ${page.url()}`)
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/** The server log that scripts/e2e.mjs writes (mails included, without SMTP_URL). */
export function serverLog(): string {
  const file = process.env.E2E_SERVER_LOG
  if (!file) throw new Error('E2E_SERVER_LOG is not set: run the e2e tests with `npm run test:e2e`')
  return readFileSync(file, 'utf8')
}
