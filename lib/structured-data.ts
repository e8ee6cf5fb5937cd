/**
 * Structured data (JSON-LD) for search engines, typed with schema-dts: NewsArticle and its
 * breadcrumb for an article, TVSeries with its TVEpisodes for a series, Person for an author.
 */
import type { BreadcrumbList, NewsArticle, Person, TVSeries, WithContext } from 'schema-dts'

import { isoDuration, isoWithParisOffset } from './format'
import { absoluteUrl, hrefFor } from './routes'
import type { ArticleView, AuthorPageView, AuthorView, SeriesView, SiteSettingsView } from './views'

/** Stored media may already be absolute (a storage adapter's CDN); site paths are made so. */
const mediaUrl = (url: string, siteUrl: string) =>
  /^https?:\/\//.test(url) ? url : absoluteUrl(url, siteUrl)

/** An author as an article names them: with the URL of their page when they have one. */
function authorRef(author: AuthorView, siteUrl: string) {
  return {
    '@type': 'Person' as const,
    name: author.name,
    ...(author.slug
      ? { url: absoluteUrl(hrefFor({ collection: 'users', slug: author.slug }), siteUrl) }
      : {}),
  }
}

export function articleJsonLd(
  article: ArticleView,
  settings: SiteSettingsView,
  siteUrl: string,
): WithContext<NewsArticle> {
  const url = absoluteUrl(hrefFor({ collection: 'articles', slug: article.slug }), siteUrl)
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.standfirst,
    url,
    mainEntityOfPage: url,
    inLanguage: 'fr-FR',
    ...(article.shareImages.length > 0
      ? { image: article.shareImages.map((image) => mediaUrl(image, siteUrl)) }
      : article.image
        ? { image: [mediaUrl(article.image.url, siteUrl)] }
        : {}),
    ...(article.publishedAt ? { datePublished: isoWithParisOffset(article.publishedAt) } : {}),
    dateModified: isoWithParisOffset(article.updatedAt),
    author: article.authors.map((author) => authorRef(author, siteUrl)),
    publisher: {
      '@type': 'Organization',
      name: settings.publicationName,
      url: siteUrl,
      ...(settings.logo
        ? {
            logo: {
              '@type': 'ImageObject' as const,
              url: mediaUrl(settings.logo.url, siteUrl),
              width: { '@type': 'QuantitativeValue' as const, value: settings.logo.width },
              height: { '@type': 'QuantitativeValue' as const, value: settings.logo.height },
            },
          }
        : {}),
    },
    isAccessibleForFree: true,
    ...(article.series
      ? {
          about: {
            '@type': 'TVSeries' as const,
            name: article.series.title,
            url: absoluteUrl(hrefFor({ collection: 'series', slug: article.series.slug }), siteUrl),
          },
        }
      : {}),
  }
}

/** Home (the publication) › the page. */
function breadcrumbJsonLd(
  settings: SiteSettingsView,
  siteUrl: string,
  page: { name: string; href: string },
): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [
      { '@type': 'ListItem', position: 1, name: settings.publicationName, item: `${siteUrl}/` },
      { '@type': 'ListItem', position: 2, name: page.name, item: absoluteUrl(page.href, siteUrl) },
    ],
  }
}

export function articleBreadcrumbJsonLd(
  article: ArticleView,
  settings: SiteSettingsView,
  siteUrl: string,
): WithContext<BreadcrumbList> {
  const href = hrefFor({ collection: 'articles', slug: article.slug })
  return breadcrumbJsonLd(settings, siteUrl, { name: article.title, href })
}

export function authorJsonLd(
  author: AuthorPageView,
  settings: SiteSettingsView,
  siteUrl: string,
): WithContext<Person> {
  const url = absoluteUrl(hrefFor({ collection: 'users', slug: author.slug }), siteUrl)
  return {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: author.name,
    url,
    mainEntityOfPage: url,
    ...(author.bio ? { description: author.bio } : {}),
    worksFor: { '@type': 'Organization', name: settings.publicationName, url: siteUrl },
  }
}

export function authorBreadcrumbJsonLd(
  author: AuthorPageView,
  settings: SiteSettingsView,
  siteUrl: string,
): WithContext<BreadcrumbList> {
  const href = hrefFor({ collection: 'users', slug: author.slug })
  return breadcrumbJsonLd(settings, siteUrl, { name: author.name, href })
}

export function seriesJsonLd(series: SeriesView, siteUrl: string): WithContext<TVSeries> {
  return {
    '@context': 'https://schema.org',
    '@type': 'TVSeries',
    name: series.title,
    description: series.synopsis,
    url: absoluteUrl(hrefFor({ collection: 'series', slug: series.slug }), siteUrl),
    inLanguage: 'fr-FR',
    ...(series.poster ? { image: mediaUrl(series.poster.url, siteUrl) } : {}),
    datePublished: isoWithParisOffset(series.releaseAt),
    ...(series.productionCompany
      ? { productionCompany: { '@type': 'Organization' as const, name: series.productionCompany } }
      : {}),
    // The streaming platform that offers the series.
    provider: { '@type': 'Organization', name: series.platform },
    numberOfEpisodes: series.episodes.length,
    episode: series.episodes.map((episode) => ({
      '@type': 'TVEpisode' as const,
      episodeNumber: episode.number,
      name: episode.title,
      duration: isoDuration(episode.durationMinutes),
      datePublished: isoWithParisOffset(episode.releaseAt ?? series.releaseAt),
      ...(episode.synopsis ? { description: episode.synopsis } : {}),
    })),
  }
}

/** JSON for a <script> element: "<" is escaped, so no field can close the script early. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'))
}
