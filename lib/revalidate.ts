/**
 * Expires cache tags. Inside a Next.js request (the admin, REST, a server action) Next's own
 * revalidateTag does it. Outside one (a scheduled job, the seed, a worker) revalidateTag throws
 * (payloadcms/payload#16392), so the tags are posted to the server's /api/revalidate route,
 * signed with a key derived from PAYLOAD_SECRET.
 *
 * Either way, once the app's cache is expired, the changed pages are fetched again through the
 * caching proxy when one is configured (lib/proxy-refresh.ts).
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

import { revalidateTag } from 'next/cache'
import { after } from 'next/server'

import { env } from './env'
import { revalidationsSettled } from './pending-revalidations.mjs'
import { refreshProxy } from './proxy-refresh'

export const REVALIDATE_ROUTE = '/api/revalidate'

export function revalidationKey(): string {
  return createHmac('sha256', env().PAYLOAD_SECRET).update('kiosque:revalidate').digest('hex')
}

export function isRevalidationKey(candidate: string | null): boolean {
  if (!candidate) return false
  const expected = Buffer.from(revalidationKey())
  const given = Buffer.from(candidate)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** Expires now: the next request renders fresh content (never a stale unpublished page). */
export function expireTagsInRequest(list: string[]) {
  for (const tag of list) revalidateTag(tag, { expire: 0 })
}

/**
 * The answer of /api/revalidate. Next starts a route's revalidations once its handler has
 * returned, and sends the answer alongside them: this body is written only once they are done,
 * so that the caller (expireTagsOverHttp, which then refreshes the proxy) knows this server's
 * cache is expired when the answer ends. `highWaterMark: 0`: nothing is pulled before Next
 * reads the body, which is after the revalidations have started.
 */
export function answerOnceExpired(
  body: unknown,
  settled: () => Promise<void> = revalidationsSettled,
): Response {
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        await settled()
        controller.enqueue(new TextEncoder().encode(JSON.stringify(body)))
        controller.close()
      },
    },
    { highWaterMark: 0 },
  )
  return new Response(stream, {
    headers: { 'Cache-Control': 'no-store', 'Content-Type': 'application/json' },
  })
}

/** The app servers to tell when no Next.js request is at hand: REVALIDATE_URLS, or this one. */
function servers(): string[] {
  return env().REVALIDATE_URLS ?? [`http://127.0.0.1:${env().PORT}`]
}

/** Refreshes the proxy once the revalidations started in this process are done. */
export async function refreshProxyOnceExpired(
  tags: string[],
  log: (message: string) => void,
  refresh: typeof refreshProxy = refreshProxy,
): Promise<void> {
  await revalidationsSettled()
  await refresh(tags, log)
}

type ExpireOptions = { log?: (message: string) => void; servers?: string[] }

export async function expireTags(list: string[], options: ExpireOptions = {}): Promise<void> {
  const { log = console.error, servers: targets = servers() } = options
  const unique = [...new Set(list)]
  if (unique.length === 0) return
  try {
    expireTagsInRequest(unique)
  } catch {
    // Not inside a Next.js request: ask the server over HTTP (below).
    return expireTagsOverHttp(unique, targets, log)
  }
  // Next applies the request's revalidations alongside its answer, and `after` runs once the
  // answer is sent: the refresh first waits for them (lib/pending-revalidations.mjs).
  try {
    after(() => refreshProxyOnceExpired(unique, log))
  } catch {
    // A request scope without `after` (none known): the micro-cache expires on its own.
  }
}

async function expireTagsOverHttp(
  unique: string[],
  targets: string[],
  log: (message: string) => void,
): Promise<void> {
  await Promise.all(
    targets.map(async (server) => {
      try {
        const response = await fetch(`${server}${REVALIDATE_ROUTE}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${revalidationKey()}`,
          },
          body: JSON.stringify({ tags: unique }),
          signal: AbortSignal.timeout(5000),
        })
        // The body ends once the server's cache is expired (answerOnceExpired).
        await response.arrayBuffer()
        if (!response.ok) log(`revalidation refused by ${server}: ${response.status}`)
      } catch (error) {
        // No server running (a script on its own): nothing is cached anywhere to expire.
        log(`revalidation not delivered to ${server}: ${(error as Error).message}`)
      }
    }),
  )
  // Not awaited: a job (a scheduled publication) need not wait for the second pass.
  void refreshProxy(unique, log)
}
