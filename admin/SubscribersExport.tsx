/**
 * Export links above the subscribers' list (admin.components.beforeListTable). The endpoint
 * checks the role itself; the links are only shown to those it will answer.
 */
import type { Payload, PayloadRequest } from 'payload'

import { isEditorUser } from '../collections/shared/access'

type Props = {
  payload: Payload
  user?: PayloadRequest['user']
  i18n?: { language?: string }
}

export function SubscribersExport({ payload, user, i18n }: Props) {
  if (!isEditorUser(user)) return null
  const href = `${payload.config.routes.api}/subscribers/export`
  const en = i18n?.language === 'en'
  return (
    <p className="subscribers-export">
      <a href={href} download>
        {en ? 'Export all (CSV)' : 'Exporter tout (CSV)'}
      </a>
      {' · '}
      <a href={`${href}?status=confirmed`} download>
        {en ? 'Export confirmed subscribers (CSV)' : 'Exporter les abonnés confirmés (CSV)'}
      </a>
    </p>
  )
}
