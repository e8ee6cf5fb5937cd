import { episodesSummary, formatDuration, formatReleaseDateTime } from '../lib/format'
import type { EpisodeView } from '../lib/views'

type Props = { episodes: EpisodeView[]; seriesReleaseAt: string }

export function EpisodeList({ episodes, seriesReleaseAt }: Props) {
  if (episodes.length === 0) return null
  return (
    <section className="episodes" aria-labelledby="episodes-title">
      <h2 id="episodes-title">Épisodes</h2>
      <p className="episodes-summary">{episodesSummary(episodes)}</p>
      <ol className="episode-list">
        {episodes.map((episode) => (
          <li key={episode.number} className="episode">
            <h3>{episode.title}</h3>
            <p className="episode-meta">
              <span>{formatDuration(episode.durationMinutes)}</span>
              {episode.releaseAt && episode.releaseAt !== seriesReleaseAt ? (
                <span>
                  {' · '}
                  <time dateTime={new Date(episode.releaseAt).toISOString()}>
                    {formatReleaseDateTime(episode.releaseAt)}
                  </time>
                </span>
              ) : null}
            </p>
            {episode.synopsis ? <p>{episode.synopsis}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  )
}
