import { describe, expect, it } from '@jest/globals'
import { render, screen } from '@testing-library/react'

import { ArticleBody } from '../../components/ArticleBody'
import type { ArticleView } from '../../lib/views'

const text = (value: string) => ({
  type: 'text',
  text: value,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

const linkNode = (fields: Record<string, unknown>, label: string) => ({
  type: 'link',
  version: 3,
  direction: 'ltr',
  format: '',
  indent: 0,
  fields,
  children: [text(label)],
})

function body(...children: unknown[]): ArticleView['body'] {
  return {
    root: {
      type: 'root',
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
      children: [
        {
          type: 'heading',
          tag: 'h2',
          version: 1,
          direction: 'ltr',
          format: '',
          indent: 0,
          children: [text('Sous-titre')],
        },
        { type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, children },
      ],
    },
  } as unknown as ArticleView['body']
}

describe('ArticleBody', () => {
  it('renders headings and turns an affiliate offer into a sponsored /go/ link', () => {
    render(
      <ArticleBody
        body={body(
          text('Essayez '),
          linkNode(
            {
              linkType: 'internal',
              doc: {
                relationTo: 'affiliate-links',
                value: { id: 1, slug: 'prime-video-essai-30-jours' },
              },
            },
            'l’offre d’essai',
          ),
        )}
      />,
    )
    expect(screen.getByRole('heading', { level: 2, name: 'Sous-titre' })).toBeInTheDocument()
    const link = screen.getByRole('link', { name: 'l’offre d’essai' })
    expect(link).toHaveAttribute('href', '/go/prime-video-essai-30-jours')
    expect(link).toHaveAttribute('rel', 'sponsored nofollow noopener')
  })

  it('keeps the words but drops the link of an offer readers cannot follow', () => {
    render(
      <ArticleBody
        body={body(
          linkNode(
            { linkType: 'internal', doc: { relationTo: 'affiliate-links', value: 7 } },
            'offre retirée',
          ),
        )}
      />,
    )
    expect(screen.getByText('offre retirée')).toBeInTheDocument()
    expect(screen.queryByRole('link')).toBeNull()
  })

  it('never renders a javascript: URL as a link', () => {
    render(
      <ArticleBody
        body={body(linkNode({ linkType: 'custom', url: 'javascript:alert(1)' }, 'piège'))}
      />,
    )
    expect(screen.getByText('piège')).toBeInTheDocument()
    expect(screen.queryByRole('link')).toBeNull()
  })

  it('keeps ordinary web links', () => {
    render(
      <ArticleBody
        body={body(linkNode({ linkType: 'custom', url: '/soutenir' }, 'Rouages Plus'))}
      />,
    )
    expect(screen.getByRole('link', { name: 'Rouages Plus' })).toHaveAttribute('href', '/soutenir')
  })
})
