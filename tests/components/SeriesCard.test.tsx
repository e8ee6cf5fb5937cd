import { describe, expect, it } from '@jest/globals'
import { render, screen } from '@testing-library/react'

import { SeriesCard } from '../../components/SeriesCard'
import { demoCard } from '../helpers/views'

const beforeRelease = new Date('2024-12-13T07:59:59Z')

describe('SeriesCard', () => {
  it('shows the poster with its alt text and links the title to the series page', () => {
    render(<SeriesCard series={demoCard} now={beforeRelease} />)
    const card = screen.getByRole('complementary', {
      name: 'Série : Renault : anatomie d’un come-back',
    })
    expect(card).toBeInTheDocument()
    expect(
      screen.getByRole('img', {
        name: 'Affiche de la série : une route de nuit sous un losange blanc.',
      }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Renault : anatomie d’un come-back' })).toHaveAttribute(
      'href',
      '/series/renault-anatomie-dun-come-back',
    )
  })

  it('gives the platform, the production company, the episode count and running time', () => {
    render(<SeriesCard series={demoCard} now={beforeRelease} />)
    expect(screen.getByText('Prime Video')).toBeInTheDocument()
    expect(screen.getByText('Breath Film (Elephant)')).toBeInTheDocument()
    expect(screen.getByText('4 épisodes · 2 h 40')).toBeInTheDocument()
  })

  it('announces the release in Paris time before it, and availability from the instant on', () => {
    const { rerender } = render(<SeriesCard series={demoCard} now={beforeRelease} />)
    expect(
      screen.getByText('Disponible le vendredi 13 décembre 2024 à 9 h sur Prime Video'),
    ).toBeInTheDocument()
    rerender(<SeriesCard series={demoCard} now={new Date('2024-12-13T08:00:00Z')} />)
    expect(screen.getByText('Disponible sur Prime Video')).toBeInTheDocument()
  })

  it('links the trial offer through the sponsored /go/ redirect', () => {
    render(<SeriesCard series={demoCard} now={beforeRelease} />)
    const offer = screen.getByRole('link', {
      name: 'Essayer Prime Video gratuitement pendant 30 jours',
    })
    expect(offer).toHaveAttribute('href', '/go/prime-video-essai-30-jours')
    expect(offer).toHaveAttribute('rel', 'sponsored nofollow noopener')
  })

  it('leaves out what the series does not have yet: poster, company, episodes, offer', () => {
    const bare = {
      ...demoCard,
      poster: null,
      productionCompany: null,
      trialOffer: null,
      episodes: [],
    }
    render(<SeriesCard series={bare} now={beforeRelease} label="La série de cet article" />)
    expect(
      screen.getByRole('complementary', { name: 'La série de cet article' }),
    ).toBeInTheDocument()
    expect(screen.queryByRole('img')).toBeNull()
    expect(screen.queryByText(/épisode/)).toBeNull()
    expect(screen.queryByText('Production')).toBeNull()
    expect(screen.getAllByRole('link')).toHaveLength(1)
  })
})
