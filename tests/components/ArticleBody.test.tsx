import { describe, expect, it } from '@jest/globals'
import { render, screen } from '@testing-library/react'

import { ArticleBody } from '../../components/ArticleBody'
import type { ArticleView } from '../../lib/views'
import { affiliateLink, doc, h2, image, link, p, seriesCard } from '../../seed/lexical'
import { demoCard } from '../helpers/views'

const body = (...children: Parameters<typeof p>) =>
  doc(h2('Sous-titre'), p(...children)) as unknown as ArticleView['body']

describe('ArticleBody', () => {
  it('renders headings and turns an affiliate offer into a sponsored /go/ link', () => {
    const offer = { id: 1, slug: 'prime-video-essai-30-jours' }
    render(<ArticleBody body={body('Essayez ', affiliateLink(offer, 'l’offre d’essai'))} />)
    expect(screen.getByRole('heading', { level: 2, name: 'Sous-titre' })).toBeInTheDocument()
    const anchor = screen.getByRole('link', { name: 'l’offre d’essai' })
    expect(anchor).toHaveAttribute('href', '/go/prime-video-essai-30-jours')
    expect(anchor).toHaveAttribute('rel', 'sponsored nofollow noopener')
  })

  it('keeps the words but drops the link of an offer readers cannot follow', () => {
    // An offer readers may not read stays an id: Payload did not populate it for them.
    render(<ArticleBody body={body(affiliateLink(7, 'offre retirée'))} />)
    expect(screen.getByText('offre retirée')).toBeInTheDocument()
    expect(screen.queryByRole('link')).toBeNull()
  })

  it('shows an embedded image readers may see, and nothing for one they may not', () => {
    const view = {
      url: '/api/media/file/usine.jpg',
      alt: 'La chaîne de Flins',
      width: 1600,
      height: 900,
    }
    const { container } = render(
      <ArticleBody
        body={
          doc(
            p('Avant.'),
            image(view as never, 'a'),
            // lib/content leaves null where readers may not see the image.
            image(null as never, 'b'),
            image(42, 'c'),
          ) as unknown as ArticleView['body']
        }
      />,
    )
    const pictures = container.querySelectorAll('figure img')
    expect(pictures).toHaveLength(1)
    expect(screen.getByRole('img', { name: 'La chaîne de Flins' })).toHaveAttribute(
      'src',
      '/api/media/file/usine.jpg',
    )
  })

  it('never renders a javascript: URL as a link', () => {
    render(<ArticleBody body={body(link('javascript:alert(1)', 'piège'))} />)
    expect(screen.getByText('piège')).toBeInTheDocument()
    expect(screen.queryByRole('link')).toBeNull()
  })

  it('keeps ordinary site and web links', () => {
    render(
      <ArticleBody
        body={body(
          link('/soutenir', 'Rouages Plus'),
          ' et ',
          link('https://example.org/', 'ailleurs'),
        )}
      />,
    )
    expect(screen.getByRole('link', { name: 'Rouages Plus' })).toHaveAttribute('href', '/soutenir')
    expect(screen.getByRole('link', { name: 'ailleurs' })).toHaveAttribute(
      'href',
      'https://example.org/',
    )
  })

  it('renders a series card block with the series lib/content narrowed for it', () => {
    const withCard = doc(p('Avant.'), seriesCard(demoCard, 'carte'), p('Après.'))
    render(
      <ArticleBody
        body={withCard as unknown as ArticleView['body']}
        now={new Date('2024-12-01T00:00:00Z')}
      />,
    )
    const card = screen.getByRole('complementary', {
      name: 'Série : Renault : anatomie d’un come-back',
    })
    expect(card).toHaveTextContent('4 épisodes · 2 h 40')
    expect(card).toHaveTextContent('Disponible le vendredi 13 décembre 2024 à 9 h sur Prime Video')
    expect(
      screen.getByRole('link', { name: 'Essayer Prime Video gratuitement pendant 30 jours' }),
    ).toHaveAttribute('href', '/go/prime-video-essai-30-jours')
  })

  it('renders nothing for a series card whose series readers cannot see (an id or null)', () => {
    for (const series of [3, 'abc123', null]) {
      const { container, unmount } = render(
        <ArticleBody
          body={doc(p('Texte.'), seriesCard(series, 'carte')) as unknown as ArticleView['body']}
        />,
      )
      expect(screen.queryByRole('complementary')).toBeNull()
      expect(container).toHaveTextContent('Texte.')
      unmount()
    }
  })
})
