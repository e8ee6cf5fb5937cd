import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { EpisodeList } from '../../../../components/EpisodeList'
import { JsonLd } from '../../../../components/JsonLd'
import { LivePreviewRefresh } from '../../../../components/LivePreviewRefresh.client'
import { OfferLink } from '../../../../components/OfferLink'
import { Picture } from '../../../../components/Picture'
import { PreviewBanner } from '../../../../components/PreviewBanner'
import { ReleaseStatus } from '../../../../components/ReleaseStatus'
import { SeriesFacts } from '../../../../components/SeriesFacts'
import { getSeries, getSeriesPreview, getSiteSettings } from '../../../../lib/content'
import { env } from '../../../../lib/env'
import { alternatesFor, PREVIEW_ROBOTS, siteOpenGraph } from '../../../../lib/metadata'
import { previewUser } from '../../../../lib/preview'
import { exitPreviewHref, hrefFor, seriesCalendarHref } from '../../../../lib/routes'
import { seriesJsonLd } from '../../../../lib/structured-data'

// Rendered on first request, then served from Next's cache until a change expires its tags
// (lib/cache-tags.ts); nothing is rendered at build time, when there is no database.
export const dynamicParams = true
export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string }> }

/** The published series, or its latest draft for a staff member in draft mode (lib/preview.ts). */
async function loadSeries(slug: string) {
  const viewer = await previewUser()
  const series = viewer ? await getSeriesPreview(slug, viewer) : await getSeries(slug)
  return { series, preview: viewer !== null }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ series, preview }, { publicationName }] = await Promise.all([
    loadSeries((await params).slug),
    getSiteSettings(),
  ])
  if (!series) return {}
  const url = hrefFor({ collection: 'series', slug: series.slug })
  return {
    title: preview ? `Aperçu : ${series.title}` : series.title,
    ...(preview ? { robots: PREVIEW_ROBOTS } : {}),
    description: series.synopsis,
    alternates: alternatesFor(url),
    openGraph: {
      type: 'video.tv_show',
      url,
      title: series.title,
      description: series.synopsis,
      ...siteOpenGraph(publicationName),
      // The image is the generated opengraph-image.tsx beside this page.
    },
  }
}

export default async function SeriesPage({ params }: Props) {
  const { series, preview } = await loadSeries((await params).slug)
  if (!series) notFound()
  return (
    <>
      {preview ? (
        <>
          <PreviewBanner
            exitHref={exitPreviewHref(hrefFor({ collection: 'series', slug: series.slug }))}
          />
          <LivePreviewRefresh />
        </>
      ) : null}
      <article className="series">
        <JsonLd data={seriesJsonLd(series, env().SITE_URL)} />
        <header className="series-header">
          {series.poster ? (
            <Picture
              className="poster"
              image={series.poster}
              sizes="(min-width: 800px) 360px, 100vw"
              priority
            />
          ) : null}
          <div>
            <h1>{series.title}</h1>
            <ReleaseStatus
              releaseAt={series.releaseAt}
              platform={series.platform}
              now={new Date()}
            />
            <p className="add-to-calendar">
              <a href={seriesCalendarHref(series.slug)} type="text/calendar">
                Ajouter à mon agenda
              </a>
            </p>
            <SeriesFacts platform={series.platform} productionCompany={series.productionCompany} />
            <p>{series.synopsis}</p>
            {series.trialOffer ? (
              <p>
                <OfferLink offer={series.trialOffer} />
              </p>
            ) : null}
          </div>
        </header>
        <EpisodeList episodes={series.episodes} seriesReleaseAt={series.releaseAt} />
      </article>
    </>
  )
}
