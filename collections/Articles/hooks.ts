import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
} from 'payload'

import { tags } from '../../lib/cache-tags'
import { expireAfterCommit, touchesPublic } from '../shared/revalidate'

/** An article gets its publication date the first time it goes out, unless one was set. */
export const stampPublicationDate: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (data._status !== 'published') return data
  if (data.publishedAt || originalDoc?.publishedAt) return data
  return { ...data, publishedAt: new Date().toISOString() }
}

/** A published article changed, went out or came back: its page and every list expire. */
export const revalidateArticle: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (!touchesPublic(doc, previousDoc)) return doc
  const slugs = new Set([doc.slug, previousDoc?.slug].filter(Boolean) as string[])
  await expireAfterCommit(req, [...[...slugs].map(tags.article), tags.articles])
  return doc
}

export const revalidateDeletedArticle: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await expireAfterCommit(req, [tags.article(doc.slug), tags.articles])
  return doc
}
