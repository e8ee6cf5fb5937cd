/**
 * After a publication, the changed pages are fetched again through the caching proxy in front
 * (deploy/nginx.conf), with the key it accepts in X-Kiosque-Refresh: nginx then asks the app,
 * whose cache is already expired, and stores the new page for every reader. Without it a
 * reader would see the old page until the micro-cache expires, which nginx counts in whole
 * seconds (one to two seconds for a one-second cache).
 *
 * Only the pages a tag names are refreshed: an article's or a series' own page, and for the
 * lists of articles the home page, the feed and the sitemaps. Broader tags (settings, media,
 * every page showing a series) are left to the micro-cache, as are the RSC answers of client
 * navigations, which nginx keys apart.
 */
import { request } from 'node:http'
import { request as requestTls } from 'node:https'

import { tags } from './cache-tags'
import { FEED_PATH, NEWS_SITEMAP_PATH, SITEMAP_PATH } from './distribution'
import { env } from './env'
import { hrefFor } from './routes'

const REFRESH_HEADER = 'x-kiosque-refresh'

/** The tags of one page, as lib/cache-tags.ts spells them, and the collection of that page. */
const PAGE_TAGS = [
  { prefix: tags.article(''), collection: 'articles' },
  { prefix: tags.seriesPage(''), collection: 'series' },
] as const

/** The reader paths whose page shows exactly what these tags name. */
export function pagesFor(expired: string[]): string[] {
  const pages = new Set<string>()
  for (const tag of expired) {
    if (tag === tags.articles) {
      for (const page of ['/', FEED_PATH, SITEMAP_PATH, NEWS_SITEMAP_PATH]) pages.add(page)
      continue
    }
    const page = PAGE_TAGS.find(({ prefix }) => tag.startsWith(prefix))
    const slug = page && tag.slice(page.prefix.length)
    if (page && slug) pages.add(hrefFor({ collection: page.collection, slug }))
  }
  return [...pages]
}

/** One GET through the proxy, as a reader of SITE_URL would send it, plus the refresh key. */
function refresh(proxy: URL, host: string, key: string, page: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const send = proxy.protocol === 'https:' ? requestTls : request
    const outgoing = send(
      {
        hostname: proxy.hostname,
        port: proxy.port || undefined,
        path: page,
        method: 'GET',
        // The proxy keys its cache by the Host readers send.
        headers: { Host: host, [REFRESH_HEADER]: key },
        timeout: 10_000,
      },
      (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
        response.on('error', reject)
      },
    )
    outgoing.on('timeout', () => outgoing.destroy(new Error('timed out')))
    outgoing.on('error', reject)
    outgoing.end()
  })
}

/**
 * How long after the first refresh the second one goes: a safety net that bounds the worst case
 * near one second should the first store the old page. The known cause of that, a refresh sent
 * before the app's cache was expired, is closed (lib/revalidate.ts waits for it). A reader's
 * request that started nginx's own update of the page just before the publication, stored after
 * the first refresh, would be another; it has not been seen.
 */
export const SECOND_PASS_MS = 1000

/**
 * Refreshes the pages of these tags through the proxy, when one is configured, now and once
 * more SECOND_PASS_MS later. Never throws: a proxy that cannot be reached only means readers
 * wait for its micro-cache.
 */
export async function refreshProxy(
  tags: string[],
  log: (message: string) => void = console.error,
  secondPassMs = SECOND_PASS_MS,
): Promise<void> {
  const { PROXY_REFRESH_URL, PROXY_REFRESH_KEY, SITE_URL } = env()
  if (!PROXY_REFRESH_URL || !PROXY_REFRESH_KEY) return
  const pages = pagesFor(tags)
  if (pages.length === 0) return
  const proxy = new URL(PROXY_REFRESH_URL)
  const site = new URL(SITE_URL)
  const host = site.host
  const prefix = site.pathname.replace(/\/+$/, '')
  const pass = (last: boolean) =>
    Promise.all(
      pages.map(async (page) => {
        try {
          const status = await refresh(proxy, host, PROXY_REFRESH_KEY, `${prefix}${page}`)
          if (status >= 500 && last) log(`proxy refresh of ${page}: ${status}`)
        } catch (error) {
          if (last) log(`proxy refresh of ${page} not delivered: ${(error as Error).message}`)
        }
      }),
    )
  await pass(false)
  await new Promise((resolve) => setTimeout(resolve, secondPassMs))
  await pass(true)
}
