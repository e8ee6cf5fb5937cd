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
}

export type AuthorView = { id: DocId; name: string; bio: string | null }

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

export type ArticleSummaryView = {
  title: string
  slug: string
  standfirst: string
  publishedAt: string | null
  image: ImageView | null
}

export type ArticleView = ArticleSummaryView & {
  updatedAt: string
  category: string
  authors: AuthorView[]
  body: SerializedEditorState
  series: Pick<SeriesView, 'title' | 'slug' | 'platform' | 'releaseAt'> | null
  /** The affiliate offers the body links to: the disclosure is shown when there is one. */
  affiliateLinks: AffiliateLinkView[]
}

export type SiteSettingsView = {
  publicationName: string
  tagline: string | null
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
