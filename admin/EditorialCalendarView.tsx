/**
 * /admin/calendrier: what goes out in the coming weeks, by day, Paris time. Payload serves
 * custom admin views to anyone (no login check), so this one checks the user itself.
 */
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, Link } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'

import { isStaffUser } from '../collections/shared/access'
import {
  CALENDAR_DAYS,
  CALENDAR_PATH,
  type CalendarEvent,
  type CalendarLanguage,
  formatCalendarDay,
  formatCalendarTime,
  groupByParisDay,
  listEditorialEvents,
} from '../lib/editorial-calendar'

const TEXT = {
  fr: {
    title: 'Calendrier éditorial',
    intro: (days: number) =>
      `Publications et dépublications programmées, sorties de séries et d’épisodes des ${days} prochains jours, heure de Paris.`,
    empty: 'Rien de programmé sur cette période.',
    publish: 'Publication',
    unpublish: 'Dépublication',
    seriesRelease: 'Sortie de la série',
    episodeRelease: (n: number) => `Sortie de l’épisode ${n}`,
    article: 'article',
    series: 'série',
  },
  en: {
    title: 'Editorial calendar',
    intro: (days: number) =>
      `Scheduled publications and unpublications, series and episode releases for the next ${days} days, Paris time.`,
    empty: 'Nothing scheduled in this period.',
    publish: 'Publication',
    unpublish: 'Unpublication',
    seriesRelease: 'Series release',
    episodeRelease: (n: number) => `Episode ${n} release`,
    article: 'article',
    series: 'series',
  },
} as const

type Text = (typeof TEXT)[CalendarLanguage]

function kindLabel(event: CalendarEvent, text: Text) {
  switch (event.kind) {
    case 'publish':
      return text.publish
    case 'unpublish':
      return text.unpublish
    case 'series-release':
      return text.seriesRelease
    case 'episode-release':
      return text.episodeRelease(event.episode ?? 0)
  }
}

export async function EditorialCalendarView({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) {
  const { req, permissions, locale, visibleEntities } = initPageResult
  const { payload, user } = req
  const adminRoute = payload.config.routes.admin
  if (!user) {
    const back = formatAdminURL({ adminRoute, path: CALENDAR_PATH })
    redirect(
      `${formatAdminURL({ adminRoute, path: '/login' })}?redirect=${encodeURIComponent(back)}`,
    )
  }
  if (!isStaffUser(user)) redirect(formatAdminURL({ adminRoute, path: '/unauthorized' }))

  const language: CalendarLanguage = req.i18n.language === 'en' ? 'en' : 'fr'
  const text = TEXT[language]
  const from = new Date()
  const to = new Date(from.getTime() + CALENDAR_DAYS * 24 * 60 * 60 * 1000)
  const days = groupByParisDay(await listEditorialEvents(payload, user, { from, to }))

  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={user}
      visibleEntities={{
        collections: visibleEntities.collections,
        globals: visibleEntities.globals,
      }}
    >
      <Gutter className="editorial-calendar">
        <h1>{text.title}</h1>
        <p className="editorial-calendar__intro">{text.intro(CALENDAR_DAYS)}</p>
        {days.length === 0 ? <p>{text.empty}</p> : null}
        {days.map(({ day, events }) => (
          <section key={day} className="editorial-calendar__day" aria-labelledby={`day-${day}`}>
            <h2 id={`day-${day}`}>
              <time dateTime={day}>{formatCalendarDay(day, language)}</time>
            </h2>
            <ul>
              {events.map((event) => (
                <li
                  key={`${event.kind}-${event.collection}-${event.id}-${event.episode ?? ''}-${event.at}`}
                  className={`editorial-calendar__event editorial-calendar__event--${event.kind}`}
                >
                  <time dateTime={event.at}>{formatCalendarTime(event.at, language)}</time>
                  <span className="editorial-calendar__kind">{kindLabel(event, text)}</span>
                  <Link
                    href={formatAdminURL({
                      adminRoute,
                      path: `/collections/${event.collection}/${event.id}`,
                    })}
                  >
                    {event.title}
                  </Link>
                  <span className="editorial-calendar__collection">
                    {event.collection === 'articles' ? text.article : text.series}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </Gutter>
    </DefaultTemplate>
  )
}
