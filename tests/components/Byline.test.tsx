import { describe, expect, it } from '@jest/globals'
import { render, screen } from '@testing-library/react'

import { Byline } from '../../components/Byline'

const authors = [
  { id: 1, name: 'Julien Moreau', bio: null, slug: null },
  { id: 2, name: 'Claire Dubois', bio: null, slug: null },
]

describe('Byline', () => {
  it('names the authors and gives the publication time in French, Paris time', () => {
    render(
      <Byline
        authors={authors}
        publishedAt="2024-12-05T13:32:00.000Z"
        updatedAt="2024-12-05T13:33:00.000Z"
      />,
    )
    expect(screen.getByText('Par Julien Moreau et Claire Dubois')).toBeInTheDocument()
    expect(screen.queryByRole('link')).toBeNull()
    expect(screen.getByText('5 décembre 2024 à 14 h 32')).toHaveAttribute(
      'datetime',
      '2024-12-05T13:32:00.000Z',
    )
    expect(screen.queryByText(/modifié/)).toBeNull()
  })

  it('links each author with a page to it and leaves an author without one as text', () => {
    render(
      <Byline
        authors={[
          { id: 1, name: 'Julien Moreau', bio: null, slug: 'julien-moreau' },
          { id: 3, name: 'Alexandra Martin', bio: null, slug: null },
          { id: 2, name: 'Claire Dubois', bio: null, slug: 'claire-dubois' },
        ]}
        publishedAt={null}
        updatedAt="2024-12-05T13:33:00.000Z"
      />,
    )
    const links = screen.getAllByRole('link')
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Julien Moreau', '/auteurs/julien-moreau'],
      ['Claire Dubois', '/auteurs/claire-dubois'],
    ])
    expect(links[0]).toHaveAttribute('rel', 'author')
    expect(links[0]?.closest('p')).toHaveTextContent(
      /^Par Julien Moreau, Alexandra Martin et Claire Dubois$/,
    )
  })

  it('gives the reading time when it is known', () => {
    render(
      <Byline
        authors={authors}
        publishedAt={null}
        updatedAt="2024-12-05T13:33:00.000Z"
        readingMinutes={4}
      />,
    )
    expect(screen.getByText('Temps de lecture : 4 min')).toBeInTheDocument()
  })

  it('adds the modification time when the article changed later', () => {
    render(
      <Byline
        authors={authors.slice(0, 1)}
        publishedAt="2024-12-05T13:32:00.000Z"
        updatedAt="2024-12-06T08:00:00.000Z"
      />,
    )
    expect(screen.getByText(/modifié le/)).toBeInTheDocument()
    expect(screen.getByText('6 décembre 2024 à 9 h 00')).toBeInTheDocument()
  })
})
