import { episodesSummary } from '../lib/format'
import { hrefFor } from '../lib/routes'
import type { SeriesCardView } from '../lib/views'
import { OfferLink } from './OfferLink'
import { Picture } from './Picture'
import { ReleaseStatus } from './ReleaseStatus'
import { SeriesFacts } from './SeriesFacts'

type Props = {
  series: SeriesCardView
  now: Date
  /** The landmark's name; give another when the page shows the same series twice. */
  label?: string
}

/** A series at a glance, in an article: poster, facts, release status and trial offer. */
export function SeriesCard({ series, now, label = `Série : ${series.title}` }: Props) {
  return (
    <aside className="series-card" aria-label={label}>
      {series.poster ? (
        <Picture
          className="series-card-poster"
          image={series.poster}
          sizes="(min-width: 640px) 10rem, 8rem"
        />
      ) : null}
      <div className="series-card-body">
        <p className="series-card-title">
          <a href={hrefFor({ collection: 'series', slug: series.slug })}>{series.title}</a>
        </p>
        <ReleaseStatus releaseAt={series.releaseAt} platform={series.platform} now={now} />
        <SeriesFacts
          className="series-card-facts"
          platform={series.platform}
          productionCompany={series.productionCompany}
        />
        {series.episodes.length > 0 ? (
          <p className="series-card-episodes">{episodesSummary(series.episodes)}</p>
        ) : null}
        {series.trialOffer ? (
          <p className="series-card-offer">
            <OfferLink offer={series.trialOffer} />
          </p>
        ) : null}
      </div>
    </aside>
  )
}
