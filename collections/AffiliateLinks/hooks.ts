import type { CollectionBeforeDeleteHook, FieldHook } from 'payload'

import { isEditorUser } from '../shared/access'

/**
 * The number of recorded clicks, counted when an editor reads the link: readers never see it,
 * and their reads cost no query. Null otherwise, which also hides any counter stored before.
 */
export const countClicks: FieldHook = async ({ data, req }) => {
  if (!isEditorUser(req.user)) return null
  const id: unknown = data?.id
  if (typeof id !== 'number' && typeof id !== 'string') return null
  const { totalDocs } = await req.payload.count({
    collection: 'affiliate-clicks',
    where: { link: { equals: id } },
    req,
  })
  return totalDocs
}

/**
 * Deletes a link's clicks with it: on SQLite they would block the deletion (required foreign
 * key), on MongoDB they would be left pointing at nothing.
 */
export const deleteClicks: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: 'affiliate-clicks',
    where: { link: { equals: id } },
    // Clicks are deleted by admins only; whoever may delete the link may delete its history.
    overrideAccess: true,
    req,
  })
}
