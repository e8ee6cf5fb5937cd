import type { CollectionBeforeChangeHook } from 'payload'

/** An article gets its publication date the first time it goes out, unless one was set. */
export const stampPublicationDate: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (data._status !== 'published') return data
  if (data.publishedAt || originalDoc?.publishedAt) return data
  return { ...data, publishedAt: new Date().toISOString() }
}
