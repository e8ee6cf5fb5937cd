/**
 * Next.js's own file-system cache (pages, route answers, `unstable_cache` data) with two
 * additions (next.config.ts `cacheHandler`; Next.js imports this file at run time, uncompiled):
 *
 * 1. Every cached HTML page carries its reader Content-Security-Policy, with the SHA-256 hash of
 *    each inline script it holds. Next.js sends a cached page's stored headers with it, on the
 *    render that fills the cache as on every hit, so cached pages get a strict policy without a
 *    per-request nonce, which would make them render on every request.
 * 2. "Nothing here" is not written to disk: a 404 page and an `unstable_cache` entry holding
 *    `null` (a reader query for a slug that does not exist) stay in a small in-memory LRU, so a
 *    crawler asking for random slugs cannot grow the cache without limit.
 *
 * Built on an internal module of Next.js (pinned at 16.4.6 in package.json); tests/e2e/headers.e2e.ts
 * and tests/e2e/not-found-cache.e2e.ts check both behaviours against the production build.
 */
import fileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js'

import { inlineScriptHashes, readerPolicy } from './lib/security-headers.mjs'

const FileSystemCache = fileSystemCacheModule.default ?? fileSystemCacheModule

/** How many "nothing here" entries (404 pages, empty query results) are kept. */
export const MISSING_ENTRIES_MAX = 500

const CSP = 'content-security-policy'

/** Adds the reader policy, with the page's script hashes, to a cached page's headers. */
function withReaderPolicy(value) {
  if (value?.kind !== 'APP_PAGE' || typeof value.html !== 'string') return value
  value.headers ??= {}
  if (!value.headers[CSP]) {
    value.headers[CSP] = readerPolicy({
      scripts: inlineScriptHashes(value.html),
      siteUrl: process.env.SITE_URL,
    })
  }
  return value
}

/** A 404 page or the cached `null` of a reader query. */
function isMissing(data, ctx) {
  if (data?.kind === 'APP_PAGE') return data.status === 404
  if (data?.kind === 'FETCH') {
    return (
      typeof ctx?.fetchUrl === 'string' &&
      ctx.fetchUrl.startsWith('unstable_cache') &&
      data.data?.body === 'null'
    )
  }
  return false
}

/** Least recently used first: a Map keeps insertion order. */
const missing = new Map()

function rememberMissing(key, data) {
  missing.delete(key)
  missing.set(key, { lastModified: Date.now(), value: data })
  while (missing.size > MISSING_ENTRIES_MAX) missing.delete(missing.keys().next().value)
}

export default class KiosqueCacheHandler extends FileSystemCache {
  async get(key, ctx) {
    const remembered = missing.get(key)
    if (remembered) {
      if (remembered.value.kind === 'FETCH' && ctx?.kind !== 'FETCH') return null
      missing.delete(key)
      missing.set(key, remembered)
      withReaderPolicy(remembered.value)
      return remembered
    }
    const entry = await super.get(key, ctx)
    // Pages cached before this handler, or prerendered at build time (the 404 page), get their
    // policy on first read; the entry is the memory cache's object, so this happens once.
    if (entry?.value) withReaderPolicy(entry.value)
    return entry
  }

  async set(key, data, ctx) {
    // The same object is then sent to the reader who caused this render: set its policy first.
    withReaderPolicy(data)
    if (isMissing(data, ctx)) {
      rememberMissing(key, data)
      return
    }
    missing.delete(key)
    return super.set(key, data, ctx)
  }
}
