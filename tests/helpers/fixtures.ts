import type { Payload } from 'payload'

import type { Article } from '../../payload-types'

/** A minimal valid Lexical body. */
export function bodyOf(text: string): Article['body'] {
  return {
    root: {
      type: 'root',
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: 'ltr',
          format: '',
          indent: 0,
          textFormat: 0,
          children: [
            { type: 'text', text, version: 1, format: 0, detail: 0, mode: 'normal', style: '' },
          ],
        },
      ],
    },
  }
}

let count = 0

/** Article data as a journalist would fill the form. */
export function articleData(
  authorId: Article['authors'][number],
  overrides: Partial<Article> = {},
) {
  count += 1
  return {
    title: `Article de test ${count}`,
    slug: `article-de-test-${count}`,
    standfirst: 'Un chapô de test.',
    body: bodyOf(`Texte numéro ${count}.`),
    authors: [authorId],
    category: 'tech' as const,
    ...overrides,
  }
}

/** Creates an article past access control, for tests that need one to exist. */
export async function makeArticle(
  payload: Payload,
  authorId: Article['authors'][number],
  status: 'draft' | 'published',
  overrides: Partial<Article> = {},
) {
  const data = { ...articleData(authorId, overrides), _status: status }
  return status === 'draft'
    ? payload.create({ collection: 'articles', data, draft: true, overrideAccess: true })
    : payload.create({ collection: 'articles', data, overrideAccess: true })
}
