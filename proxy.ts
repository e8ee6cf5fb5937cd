/**
 * Security headers on every answer (lib/security-headers.mjs), read from the environment at run
 * time: HSTS depends on the SITE_URL the server runs with, not the one of the build.
 *
 * Pages rendered for each request also get the reader policy with a fresh nonce, which Next.js
 * reads from the request's Content-Security-Policy header and writes on its scripts. Cached
 * pages do not: their policy, with the hashes of their scripts, is stored with them
 * (lib/next-cache-handler.mjs), so that they keep being served from the cache.
 */
import { type NextRequest, NextResponse } from 'next/server'

import { baseHeaders, newNonce, readerPolicy } from './lib/security-headers.mjs'

/**
 * Reader pages rendered on every request (`dynamic = 'force-dynamic'`); tests/lib/proxy.test.ts
 * fails when a page of app/(frontend) renders per request and is missing here.
 */
export const PER_REQUEST_PAGES = new Set([
  '/',
  '/newsletter/confirm',
  '/newsletter/unsubscribe',
  '/soutenir',
])
/** Reader pages served from Next's cache, rendered per request only in draft mode or on a POST. */
const CACHED_PAGE = /^\/(?:articles|series)\/[^/]+\/?$|^\/auteurs\/[^/]+(?:\/page\/[^/]+)?\/?$/
const DRAFT_MODE_COOKIE = '__prerender_bypass'

function rendersPerRequest(request: NextRequest): boolean {
  const { pathname } = request.nextUrl
  if (PER_REQUEST_PAGES.has(pathname)) return true
  if (!CACHED_PAGE.test(pathname)) return false
  // A form posted without JavaScript (the newsletter's server action) renders the page again;
  // so does draft mode (previews).
  return request.method === 'POST' || request.cookies.has(DRAFT_MODE_COOKIE)
}

export function proxy(request: NextRequest) {
  const siteUrl = process.env.SITE_URL
  const headers = baseHeaders({ production: process.env.NODE_ENV === 'production', siteUrl })
  // A client must not choose the nonce Next.js writes into a page that may then be cached.
  const requestHeaders = new Headers(request.headers)
  requestHeaders.delete('content-security-policy')
  requestHeaders.delete('content-security-policy-report-only')
  if (rendersPerRequest(request)) {
    const policy = readerPolicy({ scripts: [`'nonce-${newNonce()}'`], siteUrl })
    requestHeaders.set('content-security-policy', policy)
    headers['Content-Security-Policy'] = policy
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  return response
}

export const config = {
  // Everything but Next's hashed static files and optimised images.
  matcher: ['/((?!_next/static|_next/image).*)'],
}
