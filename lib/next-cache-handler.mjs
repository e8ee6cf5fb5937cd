/**
 * Next.js's cache (rendered pages, route answers, `unstable_cache` entries), as every app
 * instance uses it (next.config.ts `cacheHandler`; Next imports this file as it is, uncompiled).
 *
 * Where entries live, decided at run time:
 * - with REDIS_URL, in Redis through @fortedigital/nextjs-cache-handler's `redis-strings`
 *   handler: `revalidateTag` on any instance deletes the tagged entries from Redis, so the next
 *   request on every instance renders fresh (docs/DEPLOYMENT.md says why this library). Each
 *   instance keeps copies of what it read in memory, checked against a generation counter in
 *   Redis on every request (lib/cache-memory-layer.mjs);
 * - without it, in Next's own file-system cache (one instance).
 *
 * What every entry gets, either way:
 * 1. Every cached HTML page carries its reader Content-Security-Policy, with the SHA-256 hash of
 *    each inline script it holds. Next.js sends a cached page's stored headers with it, on the
 *    render that fills the cache as on every hit, so cached pages get a strict policy without a
 *    per-request nonce, which would make them render on every request.
 * 2. On one instance (no Redis), a revalidated tag survives a restart. Next keeps the times tags
 *    were revalidated in memory only, while the pages they expire stay on disk: an article
 *    unpublished, then the server restarted before anyone asked for it, came back from the disk
 *    cache (seen with `next start`, 16.4.6). The times are written to
 *    `.next/cache/kiosque-expired-tags.json` before `revalidateTag` returns, and put back into
 *    Next's manifest when the server starts. (With Redis, revalidation deletes the entries.)
 * 3. On one instance (no Redis), "nothing here" is not written to disk: a 404 page and an
 *    `unstable_cache` entry holding `null` (a reader query for a slug that does not exist) stay
 *    in a small in-memory LRU, so a crawler asking for random slugs cannot grow the cache without
 *    limit. With Redis they go to Redis like the rest (bounded by its `maxmemory` policy): an
 *    in-memory 404 on one instance would outlive a publication made on another.
 *
 * 4. Every revalidation it starts is recorded until done (lib/pending-revalidations.mjs): Next
 *    does not wait for them before answering, and the proxy refresh must.
 * 5. With Redis, a page's lifetime is stored with it (`withLifetime`), so that an instance that
 *    has just started serves it as a HIT rather than STALE with a render in the background.
 *
 * Built on an internal module of Next.js (pinned at 16.4.6 in package.json);
 * tests/e2e/headers.e2e.ts and tests/lib/cache-handler.test.ts check these behaviours.
 */
import { CacheHandler } from '@fortedigital/nextjs-cache-handler'
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings'
import { createClient } from '@redis/client'
import { mkdirSync, readFileSync } from 'node:fs'
import { rename, writeFile } from 'node:fs/promises'
import path from 'node:path'

import fileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js'
import tagsManifestModule from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js'

import { withMemoryInFront } from './cache-memory-layer.mjs'
import { trackRevalidation } from './pending-revalidations.mjs'
import { inlineScriptHashes, readerPolicy } from './security-headers.mjs'

const redisUrl = process.env.REDIS_URL

/** How long a request waits for Redis before rendering without the cache. */
const TIMEOUT_MS = 1000

function log(message, error) {
  console.error(`[cache] ${message}${error ? `: ${error.message ?? error}` : ''}`)
}

/**
 * The handler Next calls. Redis unreachable: reads miss (pages render, uncached), writes are
 * dropped, and a revalidation that could not reach Redis is logged, never silently lost.
 */
function redisCacheHandler(url) {
  let lastError = 0
  const client = createClient({
    url,
    socket: {
      connectTimeout: 2000,
      // Reconnect forever, at most every 2 s: the app keeps serving meanwhile.
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000),
    },
  })
  client.on('error', (error) => {
    // One line per 10 s at most while Redis is away.
    if (Date.now() - lastError > 10_000)
      log('Redis unavailable, rendering without the cache', error)
    lastError = Date.now()
  })

  CacheHandler.onCreation(async ({ buildId }) => {
    const connected = client.connect().catch((error) => log('cannot connect to Redis', error))
    await Promise.race([connected, new Promise((resolve) => setTimeout(resolve, 2000))])
    const redis = createRedisHandler({
      client,
      // Entries hold the RSC payload of one build: a new build starts from an empty cache.
      keyPrefix: `kiosque:${buildId ?? 'dev'}:`,
      timeoutMs: TIMEOUT_MS,
      keyExpirationStrategy: 'EXAT',
    })
    const shared = withMemoryInFront(redis, client, {
      generationKey: `kiosque:${buildId ?? 'dev'}:generation`,
      timeoutMs: TIMEOUT_MS,
    })
    return {
      handlers: [
        {
          ...shared,
          async revalidateTag(tag) {
            try {
              await shared.revalidateTag(tag)
            } catch (error) {
              log(`tag "${tag}" not expired in Redis`, error)
              throw error
            }
          },
        },
      ],
    }
  })
  return CacheHandler
}

const FileSystemCache = fileSystemCacheModule.default ?? fileSystemCacheModule

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

/** How many "nothing here" entries (404 pages, empty query results) are kept. */
export const MISSING_ENTRIES_MAX = 500

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

const { tagsManifest } = tagsManifestModule.default ?? tagsManifestModule

/** The file that keeps revalidated tags across restarts, beside Next's data cache. */
export const expiredTagsFile = (serverDistDir) =>
  path.join(serverDistDir, '..', 'cache', 'kiosque-expired-tags.json')

/** Puts revalidation times written by an earlier process back into Next's manifest. */
export function restoreExpiredTags(file) {
  let stored
  try {
    stored = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    if (error.code !== 'ENOENT') log(`${file} unreadable, starting without it`, error)
    return
  }
  // Each tag keeps its latest times.
  for (const [tag, times] of Object.entries(stored)) {
    const current = tagsManifest.get(tag) ?? {}
    const merged = { ...current }
    for (const field of ['stale', 'expired']) {
      if (typeof times[field] === 'number' && !(current[field] >= times[field]))
        merged[field] = times[field]
    }
    tagsManifest.set(tag, merged)
  }
}

/** One write at a time, each with the whole manifest, replacing the file atomically. */
let persisting = Promise.resolve()
function persistExpiredTags(file) {
  const write = async () => {
    mkdirSync(path.dirname(file), { recursive: true })
    const temporary = `${file}.${process.pid}.tmp`
    await writeFile(temporary, JSON.stringify(Object.fromEntries(tagsManifest)))
    await rename(temporary, file)
  }
  persisting = persisting.then(write, write)
  return persisting
}

/** Files restored in this process: Next makes a handler per request, the file is read once. */
const restored = new Set()

/**
 * Next's file-system cache, with the reader policy, revalidations that survive a restart and
 * the bounded memory of missing entries.
 */
export class KiosqueCacheHandler extends FileSystemCache {
  constructor(ctx) {
    super(ctx)
    this.expiredTagsFile = ctx.serverDistDir ? expiredTagsFile(ctx.serverDistDir) : null
    if (this.expiredTagsFile && this.flushToDisk && !restored.has(this.expiredTagsFile)) {
      restored.add(this.expiredTagsFile)
      restoreExpiredTags(this.expiredTagsFile)
    }
  }

  revalidateTag(tags, durations) {
    return trackRevalidation(this.#revalidateTag(tags, durations))
  }

  async #revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations)
    if (this.expiredTagsFile && this.flushToDisk) {
      try {
        await persistExpiredTags(this.expiredTagsFile)
      } catch (error) {
        log('revalidated tags not written to disk (a restart would forget them)', error)
        throw error
      }
    }
  }

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

/** Where a page's lifetime travels inside the value stored in Redis. */
const LIFETIME = 'kiosqueCacheControl'

/**
 * Keeps a page's lifetime (`cacheControl`: revalidate, expire) with its entry. The Redis
 * library stores the value only, and Next gives a page whose lifetime it does not know a
 * lifetime of one second: after an instance started (a restart, a replica added), the first
 * request of every cached page on it answered STALE and rendered the page again in the
 * background, which also made every instance drop its memory copies (each write moves the
 * generation on). Next uses the lifetime an entry carries (`entry.cacheControl`) when there
 * is one. Query results (FETCH) carry their own and are left as they are.
 */
export function withLifetime(data, ctx) {
  if (!ctx?.cacheControl || !data || data.kind === 'FETCH') return data
  return { ...data, [LIFETIME]: ctx.cacheControl }
}

/**
 * Gives Next the lifetime stored with a value, beside it where Next reads it. In place: the
 * memory layer hands out the same entry again, and Next ignores the value's extra field.
 */
export function liftLifetime(entry) {
  const lifetime = entry?.value?.[LIFETIME]
  if (lifetime && !entry.cacheControl) entry.cacheControl = lifetime
  return entry
}

/** Redis, shared by every instance, with the reader policy on every page it stores. */
function sharedCacheHandler(url) {
  const Base = redisCacheHandler(url)
  return class SharedCacheHandler extends Base {
    async get(key, ctx) {
      const entry = liftLifetime(await super.get(key, ctx))
      if (entry?.value) withReaderPolicy(entry.value)
      return entry
    }

    async set(key, data, ctx) {
      withReaderPolicy(data)
      return super.set(key, withLifetime(data, ctx), ctx)
    }

    revalidateTag(tags, durations) {
      return trackRevalidation(super.revalidateTag(tags, durations))
    }
  }
}

export default redisUrl ? sharedCacheHandler(redisUrl) : KiosqueCacheHandler
