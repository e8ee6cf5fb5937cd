import type { MetadataRoute } from 'next'

import { NEWS_SITEMAP_PATH, SITEMAP_PATH } from '../lib/distribution'
import { env } from '../lib/env'
import { absoluteUrl, PREVIEW_PATH } from '../lib/routes'

// Per request: SITE_URL is read at start, not at build.
export const dynamic = 'force-dynamic'

/** /robots.txt: the reader site is open, the admin, API, tracked redirects and previews are not. */
export default function robots(): MetadataRoute.Robots {
  const siteUrl = env().SITE_URL
  return {
    rules: {
      userAgent: '*',
      allow: '/',
      disallow: ['/admin', '/api', '/go/', '/newsletter/', PREVIEW_PATH],
    },
    sitemap: [absoluteUrl(SITEMAP_PATH, siteUrl), absoluteUrl(NEWS_SITEMAP_PATH, siteUrl)],
  }
}
