/**
 * The narrowed shapes reader components receive: plain data, no Payload types, so that
 * components stay presentational and testable without a database.
 */
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

export type DocId = number | string

export type ImageView = {
  url: string
  alt: string
  width: number
  height: number
  /** Not yet on any published page (a preview): loaded as is, not through the optimizer. */
  direct?: true
}

/** A byline's author; `slug` is null for an account that has no author page address yet. */
export type AuthorView = { id: DocId; name: string; bio: string | null; slug: string | null }

export type AffiliateLinkView = { slug: string; label: string; merchant: string }

export type EpisodeView = {
  number: number
  title: string
  durationMinutes: number
  synopsis: string | null
  /** The episode's own release instant (ISO), when it differs from the series'. */
  releaseAt: string | null
}

export type SeriesView = {
  title: string
  slug: string
  synopsis: string
  platform: string
  productionCompany: string | null
  poster: ImageView | null
  releaseAt: string
  trialOffer: AffiliateLinkView | null
  episodes: EpisodeView[]
}

/** What a series card shows: the series' facts, how long its episodes run, its trial offer. */
export type SeriesCardView = Pick<
  SeriesView,
  'title' | 'slug' | 'platform' | 'productionCompany' | 'poster' | 'releaseAt' | 'trialOffer'
> & { episodes: Pick<EpisodeView, 'durationMinutes'>[] }

/** A series card block's fields in an article body: null when readers may not see the series. */
export type SeriesCardBlockView = { blockType: 'seriesCard'; series: SeriesCardView | null }

export type ArticleSummaryView = {
  title: string
  slug: string
  standfirst: string
  publishedAt: string | null
  image: ImageView | null
}

/** An author page: the person and one page of their published articles, newest first. */
export type AuthorPageView = {
  name: string
  slug: string
  bio: string | null
  articles: ArticleSummaryView[]
  page: number
  totalPages: number
}

export type ArticleView = ArticleSummaryView & {
  /** Estimated reading time of the body, in minutes. */
  readingMinutes: number
  updatedAt: string
  category: string
  authors: AuthorView[]
  /** Lexical JSON; each series card block carries a SeriesCardBlockView. */
  body: SerializedEditorState
  series: SeriesCardView | null
  /** The live affiliate offers the page links (body, series cards): one means a disclosure. */
  affiliateLinks: AffiliateLinkView[]
  /** Site paths of the hero cropped 16:9, 4:3 and 1:1, for search engines. */
  shareImages: string[]
}

export type SiteSettingsView = {
  publicationName: string
  tagline: string | null
  logo: ImageView | null
  membership: {
    offerName: string
    title: string
    reasons: string[]
    buttonLabel: string
    buttonUrl: string
  }
  newsletter: { name: string; pitch: string }
  affiliateDisclosure: { text: string; explanationUrl: string }
  meterEnabled: boolean
}
