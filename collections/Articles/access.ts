import type { Access, Where } from 'payload'

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
 * publishes: Payload asks this rule with `_status: 'published'` to decide on the publish button.
 */
export const canUpdateArticle: Access = ({ req, data }) => {
  if (isEditorUser(req.user)) return true
  if (!hasRole(req.user, 'journalist') || !req.user || wantsPublished(data)) return false
  const ownDrafts: Where = {
    and: [{ authors: { equals: req.user.id } }, { _status: { not_equals: 'published' } }],
  }
  return ownDrafts
}
