import { getSiteSettings, listFeedArticles } from '../../../lib/content'
import { rssFeed } from '../../../lib/distribution'
import { env } from '../../../lib/env'

// Per request, from the tag-cached queries: a build-time prerender would need the database and
// would freeze the build's SITE_URL.
export const dynamic = 'force-dynamic'

/** RSS 2.0 of the latest published articles. */
export async function GET() {
  const [settings, articles] = await Promise.all([getSiteSettings(), listFeedArticles()])
  const xml = rssFeed(articles, {
    publicationName: settings.publicationName,
    tagline: settings.tagline,
    siteUrl: env().SITE_URL,
  })
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } })
}
