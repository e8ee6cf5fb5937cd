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

/** A preview is for the newsroom: search engines must not keep it even if they reach it. */
export const PREVIEW_ROBOTS = { index: false, follow: false } as const satisfies Metadata['robots']
