import { describe, expect, it } from '@jest/globals'
import { render, screen } from '@testing-library/react'

import { Byline } from '../../components/Byline'

const authors = [
  { id: 1, name: 'Julien Moreau', bio: null },
  { id: 2, name: 'Claire Dubois', bio: null },
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
    expect(screen.getByText('5 décembre 2024 à 14 h 32')).toHaveAttribute(
      'datetime',
      '2024-12-05T13:32:00.000Z',
    )
    expect(screen.queryByText(/modifié/)).toBeNull()
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
