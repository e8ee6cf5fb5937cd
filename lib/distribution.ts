/**
 * Feeds and sitemaps for other programs (feed readers, search engines), built from the reader
 * queries only, so nothing unpublished can appear in them.
 */
import { Feed } from 'feed'

import type { FeedArticleView, NewsArticleView, SitemapEntryView } from './content'
import { absoluteUrl, hrefFor } from './routes'

export const FEED_PATH = '/feed.xml'
export const SITEMAP_PATH = '/sitemap.xml'
export const NEWS_SITEMAP_PATH = '/news-sitemap.xml'

/** Google News only wants articles published in the last two days. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000

type Channel = { publicationName: string; tagline: string | null; siteUrl: string }

/** The RSS 2.0 document of the given articles, newest first as the query returns them. */
export function rssFeed(articles: FeedArticleView[], channel: Channel): string {
  const { publicationName, tagline, siteUrl } = channel
  const dates = articles.flatMap((a) => (a.publishedAt ? [new Date(a.publishedAt)] : []))
  const feed = new Feed({
    title: publicationName,
    description: tagline ?? publicationName,
    id: absoluteUrl('/', siteUrl),
    link: absoluteUrl('/', siteUrl),
    language: 'fr',
    feed: absoluteUrl(FEED_PATH, siteUrl),
    updated: dates[0],
    generator: false,
    copyright: `© ${publicationName}`,
  })
  for (const article of articles) {
    if (!article.publishedAt) continue
    // No guid given: the library then writes the link as the guid, with isPermaLink="true".
    feed.addItem({
      title: article.title,
      link: absoluteUrl(hrefFor({ collection: 'articles', slug: article.slug }), siteUrl),
      date: new Date(article.publishedAt),
      description: article.standfirst,
      author: article.authors.map((name) => ({ name })),
      image: article.image
        ? {
            url: absoluteUrl(article.image.url, siteUrl),
            type: article.image.type ?? undefined,
            length: article.image.length ?? undefined,
          }
        : undefined,
    })
  }
  return feed.rss2()
}

/**
 * The sitemap entries: the home page, every published article and series, and the page of
 * every author of a published article.
 */
export function sitemapEntries(
  articles: SitemapEntryView[],
  series: SitemapEntryView[],
  authors: SitemapEntryView[],
  siteUrl: string,
): { url: string; lastModified?: string }[] {
  return [
    // The home page changes whenever an article does.
    {
      url: absoluteUrl('/', siteUrl),
      lastModified: articles
        .map((a) => a.updatedAt)
        .sort()
        .at(-1),
    },
    ...articles.map((a) => ({
      url: absoluteUrl(hrefFor({ collection: 'articles', slug: a.slug }), siteUrl),
      lastModified: a.updatedAt,
    })),
    ...series.map((s) => ({
      url: absoluteUrl(hrefFor({ collection: 'series', slug: s.slug }), siteUrl),
      lastModified: s.updatedAt,
    })),
    // An author page changes with the latest change to one of the articles it lists.
    ...authors.map((a) => ({
      url: absoluteUrl(hrefFor({ collection: 'users', slug: a.slug }), siteUrl),
      lastModified: a.updatedAt,
    })),
  ]
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/** Escapes a text or attribute value for XML. */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char)
}

/** An instant in W3C datetime format with an explicit offset (UTC), as Google News asks. */
export function w3cDateTime(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, '+00:00')
}

/**
 * The Google News sitemap of the articles published in the 48 hours before `now`. Hand-written
 * XML (no maintained library covers the news extension): every text value goes through escapeXml.
 */
export function newsSitemap(
  articles: NewsArticleView[],
  publicationName: string,
  siteUrl: string,
  now: Date = new Date(),
): string {
  const since = now.getTime() - NEWS_WINDOW_MS
  const recent = articles.filter((a) => {
    const published = new Date(a.publishedAt).getTime()
    return published >= since && published <= now.getTime()
  })
  const urls = recent.map((a) =>
    [
      '  <url>',
      `    <loc>${escapeXml(absoluteUrl(hrefFor({ collection: 'articles', slug: a.slug }), siteUrl))}</loc>`,
      '    <news:news>',
      '      <news:publication>',
      `        <news:name>${escapeXml(publicationName)}</news:name>`,
      '        <news:language>fr</news:language>',
      '      </news:publication>',
      `      <news:publication_date>${escapeXml(w3cDateTime(a.publishedAt))}</news:publication_date>`,
      `      <news:title>${escapeXml(a.title)}</news:title>`,
      '    </news:news>',
      '  </url>',
    ].join('\n'),
  )
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n')
}
