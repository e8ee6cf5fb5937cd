import type { MetadataRoute } from 'next'

import { listArticlesForSitemap, listSeriesForSitemap } from '../lib/content'
import { sitemapEntries } from '../lib/distribution'
import { env } from '../lib/env'

// Per request, from the tag-cached queries: a build-time prerender would need the database and
// would freeze the build's SITE_URL.
export const dynamic = 'force-dynamic'

/** /sitemap.xml: the home page, every published article and series. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [articles, series] = await Promise.all([listArticlesForSitemap(), listSeriesForSitemap()])
  return sitemapEntries(articles, series, env().SITE_URL)
}
