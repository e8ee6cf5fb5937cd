import type { Payload } from 'payload'

import type { Article } from '../../payload-types'
import { doc, p } from '../../seed/lexical'

/** A minimal valid Lexical body. */
export function bodyOf(text: string): Article['body'] {
  return doc(p(text))
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
