/**
 * The editorial calendar of the admin (/admin/calendrier): scheduled publications and
 * unpublications (Payload's jobs queue) and series releases (the series' and each episode's own
 * release instant), grouped by day in Paris time.
 */
import type { Payload, PayloadRequest, Where } from 'payload'

import { isStaffUser } from '../collections/shared/access'
import { findPendingSchedules } from '../collections/shared/schedule'
import { formatLongDate, formatTime } from './format'
import { NEWSROOM_TIME_ZONE } from './time'
import type { DocId } from './views'

/** Where the calendar lives under the admin route. */
export const CALENDAR_PATH = '/calendrier'

/** How far ahead the calendar looks. */
export const CALENDAR_DAYS = 42

export type CalendarCollection = 'articles' | 'series'

export type CalendarEvent = {
  /** The instant, ISO 8601 UTC. */
  at: string
  kind: 'publish' | 'unpublish' | 'series-release' | 'episode-release'
  collection: CalendarCollection
  id: DocId
  title: string
  /** The episode number of an episode's own release. */
  episode?: number
}

export type CalendarDay = {
  /** The Paris calendar day, YYYY-MM-DD. */
  day: string
  events: CalendarEvent[]
}

export type CalendarLanguage = 'fr' | 'en'

/** "2024-12-13": the calendar day of an instant in Paris. */
export function parisDay(date: Date | string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: NEWSROOM_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(date))
}

/** Events between `from` (included) and `to` (excluded), by Paris day, in time order. */
export function groupByParisDay(
  events: CalendarEvent[],
  range?: { from: Date; to: Date },
): CalendarDay[] {
  const inRange = range
    ? events.filter((event) => {
        const time = new Date(event.at).getTime()
        return time >= range.from.getTime() && time < range.to.getTime()
      })
    : events
  const sorted = [...inRange].sort(
    (a, b) =>
      new Date(a.at).getTime() - new Date(b.at).getTime() || a.title.localeCompare(b.title, 'fr'),
  )
  const days: CalendarDay[] = []
  for (const event of sorted) {
    const day = parisDay(event.at)
    const last = days.at(-1)
    if (last?.day === day) last.events.push(event)
    else days.push({ day, events: [event] })
  }
  return days
}

/** "9 h 00" in French, "09:00" in English, Paris time. */
export function formatCalendarTime(date: Date | string, language: CalendarLanguage = 'fr') {
  if (language === 'fr') return formatTime(date)
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: NEWSROOM_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(date))
}

/** "vendredi 13 décembre 2024" / "Friday, 13 December 2024" for a YYYY-MM-DD day. */
export function formatCalendarDay(day: string, language: CalendarLanguage = 'fr') {
  // Noon UTC of that date is the same date in Paris, whatever the season.
  const noon = new Date(`${day}T12:00:00Z`)
  if (language === 'fr') return formatLongDate(noon)
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: NEWSROOM_TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(noon)
}

type SeriesRow = {
  id: DocId
  title: string
  releaseAt?: string | null
  episodes?: { number: number; title?: string | null; releaseAt?: string | null }[] | null
}

const isCalendarCollection = (value: unknown): value is CalendarCollection =>
  value === 'articles' || value === 'series'

/**
 * Everything planned between `from` and `to`, as the given user may see it.
 *
 * The schedules are read from payload-jobs with overrideAccess: that collection is readable by
 * editors only, while journalists (staff too) see the calendar; the staff check is therefore
 * made here, explicitly. The titles and the series are read with the user's own access rules.
 */
export async function listEditorialEvents(
  payload: Payload,
  user: PayloadRequest['user'],
  range: { from: Date; to: Date },
): Promise<CalendarEvent[]> {
  if (!isStaffUser(user)) throw new Error('The editorial calendar is for staff only')
  const from = range.from.toISOString()
  const to = range.to.toISOString()

  const schedules = (await findPendingSchedules(payload, { from, to })).flatMap(
    ({ at, type, collection, id }) =>
      isCalendarCollection(collection) ? [{ at, kind: type, collection, id }] : [],
  )

  const titles = new Map<string, { id: DocId; title: string }>()
  for (const collection of ['articles', 'series'] as const) {
    const ids = [...new Set(schedules.filter((s) => s.collection === collection).map((s) => s.id))]
    if (ids.length === 0) continue
    const { docs } = await payload.find({
      collection,
      where: { id: { in: ids } },
      draft: true,
      pagination: false,
      depth: 0,
      select: { title: true },
      overrideAccess: false,
      user,
    })
    for (const doc of docs) titles.set(`${collection}:${String(doc.id)}`, doc)
  }

  const events: CalendarEvent[] = []
  for (const schedule of schedules) {
    // A document the user may not read (or that no longer exists) is left out.
    const doc = titles.get(`${schedule.collection}:${schedule.id}`)
    if (doc) events.push({ ...schedule, id: doc.id, title: doc.title })
  }

  const releaseWindow = (path: string): Where => ({
    and: [{ [path]: { greater_than_equal: from } }, { [path]: { less_than: to } }],
  })
  const { docs: series } = await payload.find({
    collection: 'series',
    where: { or: [releaseWindow('releaseAt'), releaseWindow('episodes.releaseAt')] },
    draft: true,
    pagination: false,
    depth: 0,
    select: { title: true, releaseAt: true, episodes: { number: true, releaseAt: true } },
    overrideAccess: false,
    user,
  })
  for (const row of series as SeriesRow[]) {
    const base = { collection: 'series' as const, id: row.id, title: row.title }
    if (row.releaseAt) {
      events.push({ ...base, kind: 'series-release', at: new Date(row.releaseAt).toISOString() })
    }
    for (const episode of row.episodes ?? []) {
      if (!episode.releaseAt) continue
      events.push({
        ...base,
        kind: 'episode-release',
        episode: episode.number,
        at: new Date(episode.releaseAt).toISOString(),
      })
    }
  }
  // The series query matched on any of its instants: keep only those inside the window.
  return events.filter((event) => event.at >= from && event.at < to)
}
