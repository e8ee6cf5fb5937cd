/**
 * iCalendar (RFC 5545) files for the reader site: pure builders on view types, no Payload.
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones'
import ical, {
  type ICalTemporalInstantStub,
  type ICalTemporalZonedDateTimeStub,
} from 'ical-generator'

import { totalRunningTime } from './format'
import { absoluteUrl, hrefFor } from './routes'
import { NEWSROOM_TIME_ZONE } from './time'
import type { SeriesView } from './views'

/** A release without episodes still needs an end: an hour, as calendar apps do by default. */
const DEFAULT_DURATION_MINUTES = 60

type WallClock = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>

const pad = (value: number, width = 2) => String(value).padStart(width, '0')

function wallClock(epochMs: number, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(new Date(epochMs))
  const get = (type: keyof WallClock) => Number(parts.find((part) => part.type === type)?.value)
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  }
}

const wallClockAsUtc = (w: WallClock) =>
  Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)

/** The zone's offset from UTC at an instant, in milliseconds (whole seconds). */
const offsetMs = (epochMs: number, timeZone: string) =>
  wallClockAsUtc(wallClock(epochMs, timeZone)) - Math.floor(epochMs / 1000) * 1000

function offsetString(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000)
  return `${ms < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

function instantStub(epochMs: number): ICalTemporalInstantStub {
  const iso = new Date(epochMs).toISOString()
  return {
    epochMilliseconds: epochMs,
    toJSON: () => iso,
    toString: () => iso,
    toZonedDateTimeISO: (timeZone) => zonedDateTime(epochMs, timeZone),
  }
}

/**
 * An instant as a minimal Temporal.ZonedDateTime. ical-generator writes a native Date under a
 * TZID with the server's local-time getters (README, "Date, Time & Timezones"), which is 08:00,
 * not 09:00, on a UTC server; Node 20 has no Temporal and the @date-fns/tz in the tree (1.2,
 * from @payloadcms/ui) predates the TZDate shape ical-generator recognises.
 */
function zonedDateTime(epochMs: number, timeZone: string): ICalTemporalZonedDateTimeStub {
  const w = wallClock(epochMs, timeZone)
  const date = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`
  const local = `${date}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`
  const full = `${local}${offsetString(offsetMs(epochMs, timeZone))}[${timeZone}]`
  return {
    ...w,
    timeZoneId: timeZone,
    toInstant: () => instantStub(epochMs),
    withTimeZone: (other) => zonedDateTime(epochMs, other),
    toJSON: () => full,
    toString: () => full,
    toPlainDateTime: () => ({
      ...w,
      toJSON: () => local,
      toString: () => local,
      toPlainDate: () => ({ ...w, toJSON: () => date, toString: () => date }),
      // The same wall clock in another zone: correct outside the hour a clock change skips.
      toZonedDateTime: (other) => {
        const guess = wallClockAsUtc(w)
        return zonedDateTime(guess - offsetMs(guess - offsetMs(guess, other), other), other)
      },
    }),
  }
}

/** The VTIMEZONE for a TZID; ical-generator would silently leave out a missing one. */
function vtimezone(timeZone: string): string {
  const component = getVtimezoneComponent(timeZone)
  if (!component) throw new Error(`No VTIMEZONE available for ${timeZone}`)
  return component
}

/** The release of a series as one event in Paris time, lasting the episodes' running time. */
export function seriesCalendar(series: SeriesView, siteUrl: string, now = new Date()): string {
  const url = absoluteUrl(hrefFor({ collection: 'series', slug: series.slug }), siteUrl)
  const start = new Date(series.releaseAt).getTime()
  const minutes = totalRunningTime(series.episodes) || DEFAULT_DURATION_MINUTES
  const calendar = ical({ prodId: { company: 'Kiosque', product: 'Kiosque', language: 'FR' } })
  // No calendar-wide zone name: ical-generator would then write DTSTAMP in local time, not UTC.
  calendar.timezone({ name: null, generator: vtimezone })
  calendar.createEvent({
    id: `series-${series.slug}@${new URL(url).hostname}`,
    stamp: now,
    start: zonedDateTime(start, NEWSROOM_TIME_ZONE),
    end: zonedDateTime(start + minutes * 60_000, NEWSROOM_TIME_ZONE),
    timezone: NEWSROOM_TIME_ZONE,
    // French quotation marks hold their words with no-break spaces.
    summary: `Sortie de «\u00a0${series.title}\u00a0» sur ${series.platform}`,
    description: `${series.synopsis}\n\n${url}`,
    location: series.platform,
    url,
  })
  return calendar.toString()
}
