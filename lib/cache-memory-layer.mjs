/**
 * An in-process copy of the shared cache's entries, in front of Redis (lib/next-cache-handler.mjs).
 *
 * Why: a page served from Redis costs three round trips (the entry, its tag list, the tags'
 * revalidation times), then parsing some 30 KB of JSON and decoding its base64 RSC payload, on
 * every hit. Kept in memory, a hit costs one small round trip.
 *
 * Why it is never stale: every write to the shared cache (an entry set or deleted, a tag or path
 * revalidated, on any instance or by the worker) increments one counter in Redis, the
 * generation, once the write is done. Each `get` reads the generation first:
 * - unchanged since the copies were read: the copy is served;
 * - changed: every copy is dropped and the entry is read from Redis again.
 * A copy is kept only when the generation it was read under is still the current one, so an
 * entry read while another instance was revalidating it is not kept past that revalidation.
 * Nothing depends on a message being delivered (pub/sub, keyspace events): a revalidation is
 * seen by the next request on every instance, exactly as without this layer.
 *
 * Redis unreachable: the generation cannot be read, so `get` fails like the Redis handler does
 * (Next renders without the cache) and no copy is served.
 *
 * Written here rather than taken from @fortedigital/nextjs-cache-handler: its `local-lru`
 * handler has no cross-instance invalidation (a revalidation on instance A would leave B's copy
 * stale), and its handler list only falls through to the next handler on an error.
 */

/** Memory the copies may take, estimated from their bodies. */
export const MEMORY_LAYER_MAX_BYTES = 64 * 1024 * 1024

/** Approximate size of an entry: its HTML, RSC payload, prefetch segments or query result. */
export function entryBytes(entry) {
  const value = entry?.value
  if (!value) return 64
  let bytes = 256
  if (typeof value.html === 'string') bytes += value.html.length
  if (value.rscData) bytes += value.rscData.length
  if (value.segmentData instanceof Map)
    for (const segment of value.segmentData.values()) bytes += segment.length
  if (value.body) bytes += value.body.length
  if (typeof value.data?.body === 'string') bytes += value.data.body.length
  return bytes
}

/**
 * `shared`: a handler of @fortedigital/nextjs-cache-handler (get, set, revalidateTag, delete,
 * prepare); `client`: the @redis/client it uses; `generationKey`: the counter's key, per build.
 */
export function withMemoryInFront(
  shared,
  client,
  { generationKey, timeoutMs = 1000, maxBytes = MEMORY_LAYER_MAX_BYTES },
) {
  /** key → { entry, bytes }, least recently used first (a Map keeps insertion order). */
  const copies = new Map()
  let bytes = 0
  /** The generation the copies were read under. */
  let generation = null

  const redis = () => {
    if (!client.isReady) throw new Error('Redis is not connected')
    return client.withAbortSignal(AbortSignal.timeout(timeoutMs))
  }

  function forget(key) {
    const copy = copies.get(key)
    if (!copy) return
    copies.delete(key)
    bytes -= copy.bytes
  }

  function keep(key, entry) {
    forget(key)
    const size = entryBytes(entry)
    if (size > maxBytes / 8) return
    copies.set(key, { entry, bytes: size })
    bytes += size
    while (bytes > maxBytes) forget(copies.keys().next().value)
  }

  /** Reads the generation; a new one drops every copy. */
  async function current() {
    const value = (await redis().get(generationKey)) ?? '0'
    if (value !== generation) {
      copies.clear()
      bytes = 0
      generation = value
    }
    return value
  }

  /** After a write to Redis has completed: every instance's copies are now out of date. */
  async function advance() {
    await redis().incr(generationKey)
  }

  return {
    name: `memory+${shared.name}`,

    async get(key, ctx) {
      const readUnder = await current()
      const copy = copies.get(key)
      if (copy) {
        // Most recently used goes last.
        copies.delete(key)
        copies.set(key, copy)
        return copy.entry
      }
      const entry = await shared.get(key, ctx)
      // Kept only if no newer generation was seen meanwhile (by a concurrent get).
      if (entry && generation === readUnder) keep(key, entry)
      return entry
    },

    async set(key, value, ctx) {
      forget(key)
      await shared.set(key, value, ctx)
      await advance()
    },

    async revalidateTag(tag) {
      await shared.revalidateTag(tag)
      await advance()
    },

    async delete(key) {
      forget(key)
      await shared.delete?.(key)
      await advance()
    },

    async prepare() {
      await shared.prepare?.()
    },

    /** For tests: what is held. */
    stats: () => ({ entries: copies.size, bytes, generation }),
  }
}
