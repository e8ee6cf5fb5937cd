'use client'

import { useDocumentInfo, useTranslation } from '@payloadcms/ui'

import { adminDateTime, NEWSROOM_TIME_ZONE } from '../lib/time'

/**
 * "Last modified" and "created" of the open document in Paris time, whatever the browser's zone.
 * Payload's own pair in the document header formats them in the browser's zone, with no option
 * to change it; custom.scss hides that pair and this one takes its place beside the buttons.
 */
export function ParisTimestamps() {
  const { data } = useDocumentInfo()
  const { i18n, t } = useTranslation()
  const stamps = [
    { label: t('general:lastModified'), value: data?.updatedAt },
    { label: t('general:created'), value: data?.createdAt },
  ]
    .map(({ label, value }) => ({ label, text: adminDateTime(value, i18n.language), value }))
    .filter((stamp) => stamp.text)
  if (stamps.length === 0) return null
  return (
    <ul className="paris-timestamps" title={NEWSROOM_TIME_ZONE}>
      {stamps.map((stamp) => (
        <li key={stamp.label}>
          <span className="paris-timestamps__label">{stamp.label} : </span>
          <time dateTime={new Date(stamp.value as string).toISOString()}>{stamp.text}</time>
        </li>
      ))}
    </ul>
  )
}
