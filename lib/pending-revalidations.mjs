/**
 * The cache revalidations this process has started and not finished, shared between the cache
 * handler (which Next loads on its own, outside the app's bundle) and the app's code through a
 * global symbol.
 *
 * Why: Next applies the revalidations a request asked for alongside its answer, not before it
 * (`waitUntil` in `next start`, for route handlers, pages and server actions alike, 16.4.6).
 * Code that runs once the answer is sent (`after`), or a caller that reads the answer, could
 * otherwise act while the old page is still in the cache: a proxy refresh then stored the old
 * page again for a micro-cache lifetime.
 */
const KEY = Symbol.for('kiosque.pendingRevalidations')

function pending() {
  globalThis[KEY] ??= new Set()
  return globalThis[KEY]
}

/** Records a revalidation until it settles; returns it unchanged. */
export function trackRevalidation(promise) {
  const set = pending()
  set.add(promise)
  const forget = () => set.delete(promise)
  promise.then(forget, forget)
  return promise
}

/**
 * Resolves once every revalidation started before this call has settled (done or failed: a
 * failure is the cache handler's to log). Later ones are not waited for, so a steady flow of
 * publications cannot hold a caller forever.
 */
export async function revalidationsSettled() {
  const started = [...pending()]
  if (started.length > 0) await Promise.allSettled(started)
}
