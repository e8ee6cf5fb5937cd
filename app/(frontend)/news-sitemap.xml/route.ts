import { getSiteSettings, listNewsArticles } from '../../../lib/content'
import { newsSitemap } from '../../../lib/distribution'
import { env } from '../../../lib/env'

// Per request: the 48-hour window moves with the clock; the article list itself is tag-cached.
export const dynamic = 'force-dynamic'

/** The Google News sitemap: articles published in the last two days. */
export async function GET() {
  const [settings, articles] = await Promise.all([getSiteSettings(), listNewsArticles()])
  return new Response(newsSitemap(articles, settings.publicationName, env().SITE_URL), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  })
}
