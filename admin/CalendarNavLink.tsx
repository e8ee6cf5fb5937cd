/** The editorial calendar's entry in the admin's side navigation, for staff. */
import { Link } from '@payloadcms/ui'
import type { Payload, PayloadRequest } from 'payload'
import { formatAdminURL } from 'payload/shared'

import { isStaffUser } from '../collections/shared/access'
import { CALENDAR_PATH } from '../lib/editorial-calendar'

type Props = {
  payload: Payload
  user?: PayloadRequest['user']
  i18n?: { language?: string }
}

export function CalendarNavLink({ payload, user, i18n }: Props) {
  if (!isStaffUser(user)) return null
  const href = formatAdminURL({ adminRoute: payload.config.routes.admin, path: CALENDAR_PATH })
  return (
    <Link className="nav__link" href={href} id="nav-editorial-calendar">
      <span className="nav__link-label">
        {i18n?.language === 'en' ? 'Editorial calendar' : 'Calendrier éditorial'}
      </span>
    </Link>
  )
}
