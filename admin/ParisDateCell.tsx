'use client'

import { useTranslation } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'

import { adminDateTime, NEWSROOM_TIME_ZONE } from '../lib/time'

/**
 * List-view cell for dates: Paris time whatever the browser's zone (Payload's own cell uses the
 * browser's zone unless the field stores a time zone, which timestamps do not).
 */
export default function ParisDateCell({ cellData }: DefaultCellComponentProps) {
  const { i18n } = useTranslation()
  const text = adminDateTime(cellData, i18n.language)
  if (!text) return null
  const iso = new Date(cellData as string).toISOString()
  return (
    <time dateTime={iso} title={NEWSROOM_TIME_ZONE}>
      {text}
    </time>
  )
}
