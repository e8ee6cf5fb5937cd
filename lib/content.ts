/**
 * Every query the reader site makes. Each one goes through Payload's access control as an
 * anonymous reader (`overrideAccess: false`, no user), so nothing unpublished can leak, and
 * narrows the result to the view types the components render. The preview queries
 * (`get…Preview`) read drafts as the logged-in staff member, with their access rules, and are
 * never cached.
 */
import { unstable_cache } from 'next/cache'
import type { TypedUser } from 'payload'
import { cache } from 'react'

import type { Article, Media, Series, SiteSetting, User } from '../payload-types'
import { tags } from './cache-tags'
import { getPayloadClient } from './payload'
import { readingMinutes } from './format'
import { collectAffiliateRefs, countWords, mapBodyRelations } from './richtext'
import type {
  AffiliateLinkView,
  ArticleSummaryView,
  ArticleView,
  AuthorPageView,
  AuthorView,
  DocId,
  ImageView,
  SeriesCardView,
  SeriesView,
  SiteSettingsView,
} from './views'
import { sitePath } from './routes'
import { isSlug } from './slug'

const asReader = { overrideAccess: false, draft: false } as const

/**
 * A reader query, cached by Next.js under the tags of what it reads until a change expires them
 * (collection hooks, lib/revalidate.ts), and deduplicated within a request. Outside a Next.js
 * server (tests, scripts) there is no cache to use and the query simply runs.
 */
function readerQuery<A extends (string | number)[], R>(
  name: string,
  tagsOf: (...args: A) => string[],
  query: (...args: A) => Promise<R>,
  /** Arguments no document can match (a malformed slug): answered without a cache entry. */
  nothingFor?: { valid: (...args: A) => boolean; answer: R },
): (...args: A) => Promise<R> {
  return cache(async (...args: A) => {
    if (nothingFor && !nothingFor.valid(...args)) return nothingFor.answer
    const cached = unstable_cache(() => query(...args), [name, ...args.map(String)], {
      tags: tagsOf(...args),
      revalidate: false,
    })
    try {
      return await cached()
    } catch (error) {
      if (error instanceof Error && /incrementalCache missing/.test(error.message)) {
        return query(...args)
      }
      throw error
    }
  })
}

function imageView(media: unknown, size?: 'card' | 'hero'): ImageView | null {
  if (!media || typeof media !== 'object') return null
  const m = media as Media
  const sized = size ? m.sizes?.[size] : undefined
  const url = sized?.url ?? m.url
  const width = sized?.width ?? m.width
  const height = sized?.height ?? m.height
  if (!url || !width || !height) return null
  const view: ImageView = { url: sitePath(url), alt: m.alt ?? '', width, height }
  // Only staff previews see images no published page uses yet: readers cannot fetch them, nor
  // can the image optimizer, which fetches anonymously; the browser loads them with the session.
  if (m.visibleToReaders !== true) view.direct = true
  return view
}

const SHARE_SIZES = ['hero', 'fourThree', 'square'] as const

/** The crops search engines ask for (16:9, 4:3, 1:1), as site paths; those missing are left out. */
function shareImages(media: unknown): string[] {
  if (!media || typeof media !== 'object') return []
  const sizes = (media as Media).sizes
  return SHARE_SIZES.map((size) => sizes?.[size]?.url)
    .filter((url): url is string => typeof url === 'string' && url.length > 0)
    .map((url) => sitePath(url))
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
  return { id: u.id, name: u.name, bio: u.bio ?? null, slug: isSlug(u.slug) ? u.slug : null }
}

function seriesView(series: Series): SeriesView {
  return {
    title: series.title,
    slug: series.slug,
    synopsis: series.synopsis,
    platform: series.platform,
    productionCompany: series.productionCompany ?? null,
    // The original, as on the series card: a 16:9 crop cut the portrait poster in half on the
    // series page and in its social image (a portrait slot).
    poster: imageView(series.poster),
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

/** What a series card needs of a series, wherever it is populated (article field or body block). */
const SERIES_CARD_FIELDS = {
  title: true,
  slug: true,
  platform: true,
  productionCompany: true,
  poster: true,
  releaseAt: true,
  trialOffer: true,
  episodes: { durationMinutes: true },
} as const

// The file name too: Payload derives the original's url from it.
const MEDIA_FIELDS = {
  alt: true,
  url: true,
  filename: true,
  width: true,
  height: true,
  sizes: true,
  visibleToReaders: true,
} as const

/** A series as a card shows it; null for an id or nothing (readers may not see that series). */
function seriesCardView(series: unknown): SeriesCardView | null {
  if (!series || typeof series !== 'object') return null
  const s = series as Series
  if (typeof s.slug !== 'string' || typeof s.title !== 'string') return null
  return {
    title: s.title,
    slug: s.slug,
    platform: s.platform,
    productionCompany: s.productionCompany ?? null,
    // The original, not a 16:9 crop: a poster is portrait.
    poster: imageView(s.poster),
    releaseAt: s.releaseAt,
    trialOffer: affiliateView(s.trialOffer),
    episodes: (s.episodes ?? []).map((episode) => ({ durationMinutes: episode.durationMinutes })),
  }
}

const DEFAULT_SETTINGS: SiteSettingsView = {
  publicationName: 'Kiosque',
  tagline: null,
  logo: null,
  membership: { offerName: '', title: '', reasons: [], buttonLabel: '', buttonUrl: '/' },
  newsletter: { name: '', pitch: '' },
  affiliateDisclosure: { text: '', explanationUrl: '/' },
  meterEnabled: false,
}

export const getSiteSettings = readerQuery(
  'site-settings',
  () => [tags.settings, tags.media],
  async (): Promise<SiteSettingsView> => {
    const payload = await getPayloadClient()
    const s: SiteSetting = await payload.findGlobal({
      slug: 'site-settings',
      depth: 1,
      populate: { media: MEDIA_FIELDS },
      ...asReader,
    })
    return {
      publicationName: s.publicationName || DEFAULT_SETTINGS.publicationName,
      tagline: s.tagline ?? null,
      logo: imageView(s.logo),
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
  },
)

export const ARTICLES_PER_PAGE = 12

export type ArticlePage = {
  articles: ArticleSummaryView[]
  page: number
  totalPages: number
}

export const listLatestArticles = readerQuery(
  'latest-articles',
  (_page: number) => [tags.articles, tags.media],
  async (page: number): Promise<ArticlePage> => {
    const payload = await getPayloadClient()
    const result = await payload.find({
      collection: 'articles',
      ...asReader,
      depth: 1,
      page,
      limit: ARTICLES_PER_PAGE,
      sort: '-publishedAt',
      select: { title: true, slug: true, standfirst: true, publishedAt: true, heroImage: true },
      populate: { media: MEDIA_FIELDS },
    })
    return {
      articles: result.docs.map(articleSummary),
      page: result.page ?? page,
      totalPages: result.totalPages,
    }
  },
)

/** How a query reads: as an anonymous reader (published only) or as a staff member's preview. */
type ReadAs = typeof asReader | { overrideAccess: false; draft: true; user: TypedUser }

/** The latest draft, as `user` may see it (their access rules apply). */
const asPreview = (user: TypedUser) => ({ overrideAccess: false, draft: true, user }) as const

async function findArticle(slug: string, readAs: ReadAs): Promise<ArticleView | null> {
  if (!isSlug(slug)) return null
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    ...readAs,
    where: { slug: { equals: slug } },
    limit: 1,
    // A slug names one article: no count query for a page count nobody reads.
    pagination: false,
    // What the page shows: not the review state, the images' list or the virtual schedule
    // fields (their hooks would query the jobs queue for a staff preview).
    select: {
      title: true,
      slug: true,
      standfirst: true,
      publishedAt: true,
      updatedAt: true,
      category: true,
      heroImage: true,
      authors: true,
      body: true,
      series: true,
    },
    // 2: the series (field and body blocks), then their posters and trial offers.
    depth: 2,
    populate: {
      users: { name: true, bio: true, slug: true },
      series: SERIES_CARD_FIELDS,
      'affiliate-links': { slug: true, label: true, merchant: true },
      media: MEDIA_FIELDS,
    },
  })
  const doc = docs[0]
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
    body: mapBodyRelations(doc.body, {
      series: seriesCardView,
      image: (media) => imageView(media),
    }) as ArticleView['body'],
    readingMinutes: readingMinutes(countWords(doc.body)),
    series: seriesCardView(series),
    // The series card below the article links its trial offer too.
    affiliateLinks: collectAffiliateRefs(doc.body, [series?.trialOffer])
      .map((ref) => affiliateView(ref.doc))
      .filter((link): link is AffiliateLinkView => link !== null),
    shareImages: shareImages(doc.heroImage),
  }
}

export const getArticle = readerQuery(
  'article',
  (slug: string) => [tags.article(slug), tags.series, tags.affiliateLinks, tags.media, tags.users],
  (slug: string) => findArticle(slug, asReader),
  { valid: isSlug, answer: null },
)

/**
 * The latest draft of an article for a staff member's preview (draft mode). Never cached: it
 * bypasses `unstable_cache`, so a preview cannot put a draft in the public cache. Deduplicated
 * within the request only.
 */
export const getArticlePreview = cache(
  (slug: string, user: TypedUser): Promise<ArticleView | null> =>
    findArticle(slug, asPreview(user)),
)

/** The series to highlight on the home page: the most recently released (or announced) one. */
export const getFeaturedSeries = readerQuery(
  'featured-series',
  () => [tags.series, tags.affiliateLinks, tags.media],
  async (): Promise<SeriesCardView | null> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'series',
      ...asReader,
      sort: '-releaseAt',
      limit: 1,
      depth: 1,
      select: SERIES_CARD_FIELDS,
      populate: {
        media: MEDIA_FIELDS,
        'affiliate-links': { slug: true, label: true, merchant: true },
      },
    })
    return seriesCardView(docs[0])
  },
)

async function findSeries(slug: string, readAs: ReadAs): Promise<SeriesView | null> {
  if (!isSlug(slug)) return null
  const payload = await getPayloadClient()
  const { docs } = await payload.find({
    collection: 'series',
    ...readAs,
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 1,
    populate: {
      media: MEDIA_FIELDS,
      'affiliate-links': { slug: true, label: true, merchant: true },
    },
  })
  const doc: Series | undefined = docs[0]
  return doc ? seriesView(doc) : null
}

export const getSeries = readerQuery(
  'series',
  (slug: string) => [tags.seriesPage(slug), tags.series, tags.affiliateLinks, tags.media],
  (slug: string) => findSeries(slug, asReader),
  { valid: isSlug, answer: null },
)

/** The latest draft of a series for a staff member's preview: never cached, like getArticlePreview. */
export const getSeriesPreview = cache((slug: string, user: TypedUser): Promise<SeriesView | null> =>
  findSeries(slug, asPreview(user)),
)

// Authors

const articleSummary = (
  doc: Pick<Article, 'title' | 'slug' | 'standfirst' | 'publishedAt' | 'heroImage'>,
): ArticleSummaryView => ({
  title: doc.title,
  slug: doc.slug,
  standfirst: doc.standfirst,
  publishedAt: doc.publishedAt ?? null,
  image: imageView(doc.heroImage, 'card'),
})

/**
 * An author page: the user with this slug and one page of the published articles they signed.
 * Null for a bad or unknown slug, for a page past the last, and for an account that signed no
 * published article (staff who never wrote for readers get no public page).
 */
export const getAuthorPage = readerQuery(
  'author',
  (_slug: string, _page: number) => [tags.articles, tags.users, tags.media],
  async (slug: string, page: number): Promise<AuthorPageView | null> => {
    const payload = await getPayloadClient()
    const { docs: users } = await payload.find({
      collection: 'users',
      ...asReader,
      where: { slug: { equals: slug } },
      limit: 1,
      depth: 0,
      select: { name: true, bio: true, slug: true },
    })
    const user = users[0]
    if (!user) return null
    const result = await payload.find({
      collection: 'articles',
      ...asReader,
      where: { authors: { in: [user.id] } },
      depth: 1,
      page,
      limit: ARTICLES_PER_PAGE,
      sort: '-publishedAt',
      select: { title: true, slug: true, standfirst: true, publishedAt: true, heroImage: true },
      populate: { media: MEDIA_FIELDS },
    })
    if (result.docs.length === 0) return null
    return {
      name: user.name,
      slug,
      bio: user.bio ?? null,
      articles: result.docs.map(articleSummary),
      page: result.page ?? page,
      totalPages: result.totalPages,
    }
  },
  {
    valid: (slug: string, page: number) => isSlug(slug) && Number.isInteger(page) && page >= 1,
    answer: null,
  },
)

// Distribution: feeds and sitemaps

/** How many items the RSS feed carries: the latest ones, as feed readers poll often. */
export const FEED_SIZE = 20

/** Google News reads at most 1000 URLs per news sitemap. */
export const NEWS_SITEMAP_LIMIT = 1000

/** The sitemaps protocol caps one file at 50,000 URLs. */
const SITEMAP_LIMIT = 50_000

export type FeedImageView = { url: string; type: string | null; length: number | null }

export type FeedArticleView = {
  title: string
  slug: string
  standfirst: string
  publishedAt: string | null
  authors: string[]
  image: FeedImageView | null
}

export type SitemapEntryView = { slug: string; updatedAt: string }

export type NewsArticleView = { title: string; slug: string; publishedAt: string }

/** The original upload, with what an RSS enclosure must declare (its type and byte length). */
function feedImageView(media: unknown): FeedImageView | null {
  if (!media || typeof media !== 'object') return null
  const m = media as Media
  if (!m.url) return null
  return { url: sitePath(m.url), type: m.mimeType ?? null, length: m.filesize ?? null }
}

export const listFeedArticles = readerQuery(
  'feed-articles',
  () => [tags.articles, tags.media, tags.users],
  async (): Promise<FeedArticleView[]> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'articles',
      ...asReader,
      depth: 1,
      limit: FEED_SIZE,
      sort: '-publishedAt',
      select: {
        title: true,
        slug: true,
        standfirst: true,
        publishedAt: true,
        heroImage: true,
        authors: true,
      },
      populate: {
        users: { name: true },
        media: { url: true, filename: true, mimeType: true, filesize: true },
      },
    })
    return docs.map((doc) => ({
      title: doc.title,
      slug: doc.slug,
      standfirst: doc.standfirst,
      publishedAt: doc.publishedAt ?? null,
      authors: doc.authors
        .map(authorView)
        .filter((a): a is AuthorView => a !== null)
        .map((a) => a.name),
      image: feedImageView(doc.heroImage),
    }))
  },
)

export const listArticlesForSitemap = readerQuery(
  'sitemap-articles',
  () => [tags.articles],
  async (): Promise<SitemapEntryView[]> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'articles',
      ...asReader,
      depth: 0,
      limit: SITEMAP_LIMIT,
      sort: '-publishedAt',
      select: { slug: true, updatedAt: true },
    })
    return docs.map((doc) => ({ slug: doc.slug, updatedAt: doc.updatedAt }))
  },
)

export const listSeriesForSitemap = readerQuery(
  'sitemap-series',
  () => [tags.articles, tags.series],
  async (): Promise<SitemapEntryView[]> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'series',
      ...asReader,
      depth: 0,
      limit: SITEMAP_LIMIT,
      sort: '-releaseAt',
      select: { slug: true, updatedAt: true },
    })
    return docs.map((doc) => ({ slug: doc.slug, updatedAt: doc.updatedAt }))
  },
)

/**
 * The authors who signed at least one published article, with the last modification of those
 * articles (what their page lists). Accounts without a slug have no page and are left out.
 */
export const listAuthorsForSitemap = readerQuery(
  'sitemap-authors',
  () => [tags.articles, tags.users],
  async (): Promise<SitemapEntryView[]> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'articles',
      ...asReader,
      depth: 0,
      limit: SITEMAP_LIMIT,
      select: { authors: true, updatedAt: true },
    })
    const latest = new Map<string, { id: DocId; updatedAt: string }>()
    for (const doc of docs) {
      for (const author of doc.authors) {
        const id = typeof author === 'object' ? author.id : author
        const seen = latest.get(String(id))
        if (!seen || seen.updatedAt < doc.updatedAt) {
          latest.set(String(id), { id, updatedAt: doc.updatedAt })
        }
      }
    }
    if (latest.size === 0) return []
    const { docs: users } = await payload.find({
      collection: 'users',
      ...asReader,
      where: { id: { in: [...latest.values()].map((a) => a.id) } },
      depth: 0,
      limit: latest.size,
      sort: 'name',
      select: { slug: true },
    })
    return users.flatMap((user) => {
      const updatedAt = latest.get(String(user.id))?.updatedAt
      return isSlug(user.slug) && updatedAt ? [{ slug: user.slug, updatedAt }] : []
    })
  },
)

/**
 * The latest published articles for the news sitemap. The 48-hour window is applied by the
 * caller at request time, so the cached list stays correct as time passes without an edit.
 */
export const listNewsArticles = readerQuery(
  'news-articles',
  () => [tags.articles],
  async (): Promise<NewsArticleView[]> => {
    const payload = await getPayloadClient()
    const { docs } = await payload.find({
      collection: 'articles',
      ...asReader,
      depth: 0,
      limit: NEWS_SITEMAP_LIMIT,
      sort: '-publishedAt',
      where: { publishedAt: { exists: true } },
      select: { title: true, slug: true, publishedAt: true },
    })
    return docs.flatMap((doc) =>
      doc.publishedAt ? [{ title: doc.title, slug: doc.slug, publishedAt: doc.publishedAt }] : [],
    )
  },
)
