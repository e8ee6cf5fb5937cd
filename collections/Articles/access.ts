import type { Access, FieldAccess, Where } from 'payload'

import { hasRole, isEditorUser } from '../shared/access'

const wantsPublished = (data: unknown) =>
  typeof data === 'object' &&
  data !== null &&
  (data as { _status?: unknown })._status === 'published'

/** Editors create anything; a journalist creates drafts only. */
export const canCreateArticle: Access = ({ req, data }) => {
  if (isEditorUser(req.user)) return true
  return hasRole(req.user, 'journalist') && !wantsPublished(data)
}

/**
 * Editors change any article. A journalist changes only the drafts they sign, and never
 * publishes: Payload asks this rule with `_status: 'published'` to decide on the publish button,
 * on a version restore (with the restored version's status) and on a bulk edit. The filter is
 * matched against the stored document, so a published article is out of reach, and so is
 * unpublishing it.
 */
export const canUpdateArticle: Access = ({ req, data }) => {
  if (isEditorUser(req.user)) return true
  if (!hasRole(req.user, 'journalist') || !req.user || wantsPublished(data)) return false
  const ownDrafts: Where = {
    and: [{ authors: { equals: req.user.id } }, { _status: { not_equals: 'published' } }],
  }
  return ownDrafts
}

/**
 * Field rule on `_status`: anyone but an editor may only write "draft". Denied, the value is
 * dropped and Payload falls back to the stored status (update) or the default, draft (create).
 * This closes the paths where the document rule never sees a status: a duplicate of a published
 * article (`POST /api/articles/:id/duplicate?draft=false` copied the original's "published").
 */
export const canWriteStatus: FieldAccess = ({ req, data }) =>
  isEditorUser(req.user) || (data as { _status?: unknown } | undefined)?._status === 'draft'
