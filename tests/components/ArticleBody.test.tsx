import { describe, expect, it } from '@jest/globals'
import { render, screen } from '@testing-library/react'

import { ArticleBody } from '../../components/ArticleBody'
import type { ArticleView } from '../../lib/views'
import { affiliateLink, doc, h2, link, p } from '../../seed/lexical'

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
})
