/**
 * Every query the reader site makes. Each one goes through Payload's access control as an
 * anonymous reader (`overrideAccess: false`, no user), so nothing unpublished can leak, and
 * narrows the result to the view types the components render.
 */
import { cache } from 'react'

import type { Article, Media, Series, SiteSetting, User } from '../payload-types'
import { getPayloadClient } from './payload'
import { collectAffiliateRefs } from './richtext'
import type {
  AffiliateLinkView,
  ArticleSummaryView,
  ArticleView,
  AuthorView,
  ImageView,
  SeriesView,
  SiteSettingsView,
} from './views'
import { isSlug } from './slug'

const asReader = { overrideAccess: false, draft: false } as const

function imageView(media: unknown, size?: 'card' | 'hero'): ImageView | null {
  if (!media || typeof media !== 'object') return null
  const m = media as Media
  const sized = size ? m.sizes?.[size] : undefined
  const url = sized?.url ?? m.url
  const width = sized?.width ?? m.width
  const height = sized?.height ?? m.height
  if (!url || !width || !height) return null
  return { url, alt: m.alt ?? '', width, height }
}

function affiliateView(doc: unknown): AffiliateLinkView | null {
  if (!doc || typeof doc !== 'object') return null
  const { slug, label, merchant } = doc as Record<string, unknown>
  if (typeof slug !== 'string' || typeof label !== 'string') return null
  return { slug, label, merchant: typeof merchant === 'string' ? merchant : '' }
}

function authorView(user: unknown): AuthorView | null {
  if (!user || typeof user !== 'object') return null
  const u = user as User
  return { id: u.id, name: u.name, bio: u.bio ?? null }
}

function seriesView(series: Series): SeriesView {
  return {
    title: series.title,
    slug: series.slug,
    synopsis: series.synopsis,
    platform: series.platform,
    productionCompany: series.productionCompany ?? null,
    poster: imageView(series.poster, 'hero'),
    releaseAt: series.releaseAt,
    trialOffer: affiliateView(series.trialOffer),
    episodes: (series.episodes ?? [])
      .map((episode) => ({
        number: episode.number,
        title: episode.title?.trim() || `Épisode ${episode.number}`,
        durationMinutes: episode.durationMinutes,
        synopsis: episode.synopsis ?? null,
        releaseAt: episode.releaseAt ?? null,
      }))
      .sort((a, b) => a.number - b.number),
  }
}

const DEFAULT_SETTINGS: SiteSettingsView = {
  publicationName: 'Kiosque',
  tagline: null,
  membership: { offerName: '', title: '', reasons: [], buttonLabel: '', buttonUrl: '/' },
  newsletter: { name: '', pitch: '' },
  affiliateDisclosure: { text: '', explanationUrl: '/' },
  meterEnabled: false,
}

export const getSiteSettings = cache(async (): Promise<SiteSettingsView> => {
  const payload = await getPayloadClient()
  const s: SiteSetting = await payload.findGlobal({ slug: 'site-settings', depth: 0, ...asReader })
  return {
    publicationName: s.publicationName || DEFAULT_SETTINGS.publicationName,
    tagline: s.tagline ?? null,
    membership: {
      offerName: s.membership?.offerName ?? '',
      title: s.membership?.title ?? '',
      reasons: (s.membership?.reasons ?? []).map((reason) => reason.text),
      buttonLabel: s.membership?.buttonLabel ?? '',
      buttonUrl: s.membership?.buttonUrl || '/',
    },
    newsletter: { name: s.newsletter?.name ?? '', pitch: s.newsletter?.pitch ?? '' },
    affiliateDisclosure: {
      text: s.affiliateDisclosure?.text ?? '',
      explanationUrl: s.affiliateDisclosure?.explanationUrl || '/',
    },
    meterEnabled: s.meterEnabled ?? false,
  }
})

export const ARTICLES_PER_PAGE = 12

export type ArticlePage = {
  articles: ArticleSummaryView[]
  page: number
  totalPages: number
}

export const listLatestArticles = cache(async (page = 1): Promise<ArticlePage> => {
  const payload = await getPayloadClient()
  const result = await payload.find({
    collection: 'articles',
    ...asReader,
    depth: 1,
    page,
    limit: ARTICLES_PER_PAGE,
    sort: '-publishedAt',
    select: { title: true, slug: true, standfirst: true, publishedAt: true, heroImage: true },
    populate: { media: { alt: true, url: true, width: true, height: true, sizes: true } },
  })
  return {
    articles: result.docs.map((doc) => ({
      title: doc.title,
      slug: doc.slug,
      standfirst: doc.standfirst,
      publishedAt: doc.publishedAt ?? null,
      image: imageView(doc.heroImage, 'card'),
    })),
    page: result.page ?? page,
    totalPages: result.totalPages,
  }
})

export const getArticle = cache(async (slug: string): Promise<ArticleView | null> => {
  if (!isSlug(slug)) return null
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    ...asReader,
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 1,
    populate: {
      users: { name: true, bio: true },
      series: { title: true, slug: true, platform: true, releaseAt: true },
      'affiliate-links': { slug: true, label: true, merchant: true },
    },
  })
  const doc: Article | undefined = docs[0]
  if (!doc) return null
  const series = doc.series && typeof doc.series === 'object' ? doc.series : null
  return {
    title: doc.title,
    slug: doc.slug,
    standfirst: doc.standfirst,
    publishedAt: doc.publishedAt ?? null,
    updatedAt: doc.updatedAt,
    category: doc.category,
    image: imageView(doc.heroImage, 'hero'),
    authors: doc.authors.map(authorView).filter((a): a is AuthorView => a !== null),
    body: doc.body as ArticleView['body'],
    series: series
      ? {
          title: series.title,
          slug: series.slug,
          platform: series.platform,
          releaseAt: series.releaseAt,
        }
      : null,
    affiliateLinks: collectAffiliateRefs(doc.body)
      .map((ref) => affiliateView(ref.doc))
      .filter((link): link is AffiliateLinkView => link !== null),
  }
})

export const getSeries = cache(async (slug: string): Promise<SeriesView | null> => {
  if (!isSlug(slug)) return null
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'series',
    ...asReader,
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 1,
    populate: {
      media: { alt: true, url: true, width: true, height: true, sizes: true },
      'affiliate-links': { slug: true, label: true, merchant: true },
    },
  })
  const doc: Series | undefined = docs[0]
  return doc ? seriesView(doc) : null
})
