/**
 * The security headers of every answer, and the Content-Security-Policy of reader pages.
 *
 * Plain JavaScript because Next.js imports the cache handler (lib/next-cache-handler.mjs), which needs the
 * script hashes, at run time without compiling it; proxy.ts and the tests import it too.
 *
 * Reader pages carry two policies, and the browser enforces both:
 * - the base one, on every answer including the admin: no framing by other sites, no plugins,
 *   no <base> hijack, forms post to this site only;
 * - the reader one, on reader HTML only: scripts from this origin plus the inline scripts Next.js
 *   writes (React's flight data), allowed by SHA-256 hash on cached pages (computed from the HTML
 *   when it is cached, see lib/next-cache-handler.mjs) and by a per-request nonce on pages rendered for
 *   each request (see proxy.ts). The admin keeps only the base policy: Payload's admin is not
 *   ours to audit script by script.
 */
import { createHash, randomBytes } from 'node:crypto'

/** `<script …>content</script>` without a `src`: what CSP calls an inline script. */
const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi
/** Script types a browser executes (https://html.spec.whatwg.org/#javascript-mime-type). */
const EXECUTABLE_TYPE = /^(|module|(text|application)\/(x-)?(java|ecma)script)$/i

/**
 * The type attribute of a script element's attribute string, lower-cased, or '' without one.
 * @param {string} attributes
 */
function scriptType(attributes) {
  const match = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes)
  return (match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim()
}

/**
 * The CSP source expressions (`'sha256-…'`) of every inline script the browser would execute in
 * this HTML, deduplicated and sorted. Data blocks such as JSON-LD are not scripts to CSP.
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
  const hashes = new Set()
  for (const match of html.matchAll(SCRIPT_ELEMENT)) {
    const attributes = match[1] ?? ''
    if (/\bsrc\s*=/i.test(attributes)) continue
    if (!EXECUTABLE_TYPE.test(scriptType(attributes))) continue
    // The browser hashes the element's text as UTF-8; script text has no character references.
    const digest = createHash('sha256')
      .update(match[2] ?? '', 'utf8')
      .digest('base64')
    hashes.add(`'sha256-${digest}'`)
  }
  return [...hashes].sort()
}

/** A nonce for one request: 128 random bits, base64. */
export function newNonce() {
  return randomBytes(16).toString('base64')
}

/**
 * @param {string | undefined} siteUrl
 * @returns {boolean}
 */
function isHttps(siteUrl) {
  try {
    return new URL(siteUrl ?? '').protocol === 'https:'
  } catch {
    return false
  }
}

/**
 * The reader pages' policy. `scripts` are the extra script sources: the page's hashes or
 * `'nonce-…'`. Styles may be inline: next/image writes style attributes, and a style cannot run
 * code.
 * @param {{ scripts: string[], siteUrl?: string }} options
 */
export function readerPolicy({ scripts, siteUrl }) {
  const directives = [
    "default-src 'self'",
    `script-src ${["'self'", ...scripts].join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ]
  if (isHttps(siteUrl)) directives.push('upgrade-insecure-requests')
  return directives.join('; ')
}

/** The base policy of every answer, the admin's included. */
export const BASE_POLICY = [
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ')

/** Browser features no page of the site uses. */
export const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'browsing-topics=()',
].join(', ')

/**
 * The headers of every answer. HSTS only when the site is served over https in production: on
 * http it would be ignored, and on localhost it would pin the developer's browser to https.
 * @param {{ production: boolean, siteUrl?: string }} options
 * @returns {Record<string, string>}
 */
export function baseHeaders({ production, siteUrl }) {
  /** @type {Record<string, string>} */
  const headers = {
    'Content-Security-Policy': BASE_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'SAMEORIGIN',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
  }
  if (production && isHttps(siteUrl)) {
    headers['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains'
  }
  return headers
}
