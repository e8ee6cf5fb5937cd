/**
 * The cache tags of the reader site. A reader query declares the tags of what it reads; a
 * change in the admin expires the tags of what it touched (collection hooks), so every cached
 * page that shows a document is refreshed when, and only when, that document changes.
 */
export const tags = {
  /** One article's page. */
  article: (slug: string) => `article:${slug}`,
  /** Every list of articles: the home page, feeds, sitemaps. */
  articles: 'articles',
  /** One series' page. */
  seriesPage: (slug: string) => `series:${slug}`,
  /** Anything that shows a series: its page, the cards in articles, the home highlight. */
  series: 'series',
  /** Anything that shows an affiliate link (articles, series). */
  affiliateLinks: 'affiliate-links',
  /** Anything that shows an image or a byline. */
  media: 'media',
  users: 'users',
  /** The site settings, used by the layout of every page. */
  settings: 'settings',
} as const

const TAG_PATTERN = /^[a-z-]+(?::[a-z0-9-]{1,120})?$/

export function isCacheTag(value: unknown): value is string {
  return typeof value === 'string' && TAG_PATTERN.test(value)
}
