/**
 * Next.js's cache (rendered pages and `unstable_cache` entries) for every app instance.
 *
 * With REDIS_URL, entries live in Redis through @fortedigital/nextjs-cache-handler's
 * `redis-strings` handler: `revalidateTag` on any instance deletes the tagged entries from Redis,
 * so the next request on every instance renders fresh (docs/DEPLOYMENT.md says why this library).
 * Without REDIS_URL this module is Next's own file-system cache, unchanged: next.config.ts sets it
 * without REDIS_URL only in the standalone image, which decides at run time.
 *
 * Plain JavaScript: Next imports this file as it is, outside its bundles.
 */
import { CacheHandler } from '@fortedigital/nextjs-cache-handler'
import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings'
import { createClient } from '@redis/client'
import fileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js'

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
    return {
      handlers: [
        {
          ...redis,
          async revalidateTag(tag) {
            try {
              await redis.revalidateTag(tag)
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

export default redisUrl ? redisCacheHandler(redisUrl) : FileSystemCache
