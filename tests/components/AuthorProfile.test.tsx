import { describe, expect, it } from '@jest/globals'
import { render, screen } from '@testing-library/react'

import { AuthorProfile } from '../../components/AuthorProfile'
import type { AuthorPageView } from '../../lib/views'

const author: AuthorPageView = {
  name: 'Julien Moreau',
  slug: 'julien-moreau',
  bio: 'Journaliste, il suit l’industrie automobile et les écrans.',
  articles: [
    {
      title: 'Renault, premier épisode',
      slug: 'renault-premier-episode',
      standfirst: 'Chapô.',
      publishedAt: '2024-12-05T13:32:00.000Z',
      image: null,
    },
  ],
  page: 1,
  totalPages: 1,
}

describe('AuthorProfile', () => {
  it('shows the name, the bio and links each article', () => {
    render(<AuthorProfile author={author} />)
    expect(screen.getByRole('heading', { level: 1, name: 'Julien Moreau' })).toBeInTheDocument()
    expect(screen.getByText(author.bio!)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Renault, premier épisode' })).toHaveAttribute(
      'href',
      '/articles/renault-premier-episode',
    )
    expect(screen.queryByRole('navigation', { name: 'Pages' })).toBeNull()
  })

  it('links the neighbouring pages in the path, page 1 being the author page itself', () => {
    render(<AuthorProfile author={{ ...author, page: 2, totalPages: 3 }} />)
    expect(screen.getByRole('link', { name: 'Articles plus récents' })).toHaveAttribute(
      'href',
      '/auteurs/julien-moreau',
    )
    expect(screen.getByRole('link', { name: 'Articles plus anciens' })).toHaveAttribute(
      'href',
      '/auteurs/julien-moreau/page/3',
    )
  })
})
