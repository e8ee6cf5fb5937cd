import type { Metadata } from 'next'

import { FEED_PATH } from './distribution'

/**
 * A page's `alternates` and `openGraph` replace the layout's (Next merges metadata key by key):
 * every page keeps the RSS link and the site name through these.
 */
export function alternatesFor(canonical?: string): Metadata['alternates'] {
  return { ...(canonical ? { canonical } : {}), types: { 'application/rss+xml': FEED_PATH } }
}

export const siteOpenGraph = (publicationName: string) =>
  ({ siteName: publicationName, locale: 'fr_FR' }) as const
