import type { MetadataRoute } from 'next'

import { listArticlesForSitemap, listAuthorsForSitemap, listSeriesForSitemap } from '../lib/content'
import { sitemapEntries } from '../lib/distribution'
import { env } from '../lib/env'

// Per request, from the tag-cached queries: a build-time prerender would need the database and
// would freeze the build's SITE_URL.
export const dynamic = 'force-dynamic'

/** /sitemap.xml: the home page, every published article and series, their authors' pages. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [articles, series, authors] = await Promise.all([
    listArticlesForSitemap(),
    listSeriesForSitemap(),
    listAuthorsForSitemap(),
  ])
  return sitemapEntries(articles, series, authors, env().SITE_URL)
}
