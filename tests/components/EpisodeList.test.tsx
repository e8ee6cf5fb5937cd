import { describe, expect, it } from '@jest/globals'
import { render, screen, within } from '@testing-library/react'

import { EpisodeList } from '../../components/EpisodeList'
import type { EpisodeView } from '../../lib/views'

const releaseAt = '2024-12-13T08:00:00.000Z'
const episodes: EpisodeView[] = [1, 2, 3, 4].map((number) => ({
  number,
  title: `Épisode ${number}`,
  durationMinutes: 40,
  synopsis: number === 1 ? 'Les enjeux.' : null,
  releaseAt: null,
}))

describe('EpisodeList', () => {
  it('lists every episode in order with its duration, and the total running time', () => {
    render(<EpisodeList episodes={episodes} seriesReleaseAt={releaseAt} />)
    const items = within(screen.getByRole('list')).getAllByRole('listitem')
    expect(items).toHaveLength(4)
    expect(items.map((item) => within(item).getByRole('heading').textContent)).toEqual([
      'Épisode 1',
      'Épisode 2',
      'Épisode 3',
      'Épisode 4',
    ])
    expect(items[0]).toHaveTextContent('40 min')
    expect(items[0]).toHaveTextContent('Les enjeux.')
    expect(screen.getByText('4 épisodes · 2 h 40')).toBeInTheDocument()
  })

  it('shows an episode’s own release time in Paris time when it differs from the series', () => {
    const late = [{ ...episodes[0]!, releaseAt: '2024-12-20T17:00:00.000Z' }]
    render(<EpisodeList episodes={late} seriesReleaseAt={releaseAt} />)
    expect(screen.getByText('vendredi 20 décembre 2024 à 18 h')).toBeInTheDocument()
    expect(screen.getByText('1 épisode · 40 min')).toBeInTheDocument()
  })

  it('renders nothing for a series without episodes', () => {
    const { container } = render(<EpisodeList episodes={[]} seriesReleaseAt={releaseAt} />)
    expect(container).toBeEmptyDOMElement()
  })
})
