/**
 * The affiliate redirect behind /go/<slug>: finds the live link a reader may follow and records
 * each real click as its own document, so that concurrent clicks never overwrite each other.
 */
import { isbot } from 'isbot'

import { SOURCE_MAX_LENGTH } from '../collections/AffiliateClicks'
import type { AffiliateLink } from '../payload-types'
import { env } from './env'
import { getPayloadClient } from './payload'
import { isSlug } from './slug'

export type LiveAffiliateLink = { id: AffiliateLink['id']; url: string }

/** The stored URL, serialised, when it is https without credentials; null for anything else. */
export function safeRedirectUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' || url.username || url.password) return null
  return url.href
}

/** The active, unexpired affiliate link with this slug, as an anonymous reader sees it. */
export async function findLiveAffiliateLink(slug: unknown): Promise<LiveAffiliateLink | null> {
  if (!isSlug(slug)) return null
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'affiliate-links',
    // No user: the anonymous read rule keeps only active, unexpired links.
    overrideAccess: false,
    where: { slug: { equals: slug } },
    select: { url: true },
    depth: 0,
    limit: 1,
    pagination: false,
  })
  const doc = docs[0]
  // Validated on save already; checked again because this value becomes a Location header.
  const url = safeRedirectUrl(doc?.url)
  return doc && url ? { id: doc.id, url } : null
}

/** False for HEAD requests, bots (or no User-Agent at all) and browser prefetches. */
export function shouldCount(request: Request): boolean {
  if (request.method !== 'GET') return false
  const userAgent = request.headers.get('user-agent')?.trim()
  if (!userAgent || isbot(userAgent)) return false
  const purpose = request.headers.get('purpose') ?? ''
  const secPurpose = request.headers.get('sec-purpose') ?? ''
  return !/prefetch/i.test(purpose) && !/prefetch/i.test(secPurpose)
}

/** The path of the page of this site the reader came from (Referer), or null. */
export function sourcePath(request: Request): string | null {
  const referer = request.headers.get('referer')
  if (!referer) return null
  let from: URL
  try {
    from = new URL(referer)
  } catch {
    return null
  }
  const ours = [new URL(request.url).origin, new URL(env().SITE_URL).origin]
  if (!ours.includes(from.origin)) return null
  const path = from.pathname
  return path.startsWith('/') && path.length <= SOURCE_MAX_LENGTH ? path : null
}

/**
 * Records one click on a link. Returns false, after logging, when the database refuses: the
 * reader still gets their redirect.
 */
export async function recordClick(link: LiveAffiliateLink, request: Request): Promise<boolean> {
  const payload = await getPayloadClient()
  try {
    await payload.create({
      collection: 'affiliate-clicks',
      data: { link: link.id, source: sourcePath(request) },
      // Nobody may create clicks through the API; this server-side route is their only writer.
      overrideAccess: true,
      depth: 0,
    })
    return true
  } catch (error) {
    payload.logger.error({ err: error, link: link.id }, 'Affiliate click not recorded')
    return false
  }
}
