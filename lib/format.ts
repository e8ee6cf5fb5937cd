import { NEWSROOM_TIME_ZONE } from './time'

type Parts = Record<'weekday' | 'day' | 'month' | 'year' | 'hour' | 'minute', string>

// Built once: an Intl.DateTimeFormat costs far more to create than to use (it loads the locale's
// and the zone's data), and an article page formats several dates.
const PARIS_PARTS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: NEWSROOM_TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
})

const PARIS_ISO_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: NEWSROOM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
})

function parisParts(date: Date | string): Parts {
  const parts = {} as Parts
  for (const part of PARIS_PARTS.formatToParts(new Date(date))) {
    if (part.type in { weekday: 1, day: 1, month: 1, year: 1, hour: 1, minute: 1 }) {
      parts[part.type as keyof Parts] = part.value
    }
  }
  return parts
}

/** "5 décembre 2024 à 14 h 32", Paris time, the French typographic way. */
export function formatDateTime(date: Date | string): string {
  const p = parisParts(date)
  return `${p.day === '1' ? '1er' : p.day} ${p.month} ${p.year} à ${Number(p.hour)} h ${p.minute}`
}

/** "5 décembre 2024", Paris time. */
export function formatDate(date: Date | string): string {
  const p = parisParts(date)
  return `${p.day === '1' ? '1er' : p.day} ${p.month} ${p.year}`
}

/** "9 h 00", "14 h 05", Paris time. */
export function formatTime(date: Date | string): string {
  const p = parisParts(date)
  return `${Number(p.hour)} h ${p.minute}`
}

/** "vendredi 13 décembre 2024", "dimanche 1er décembre 2024", Paris time. */
export function formatLongDate(date: Date | string): string {
  const p = parisParts(date)
  return `${p.weekday} ${p.day === '1' ? '1er' : p.day} ${p.month} ${p.year}`
}

/** "vendredi 13 décembre 2024 à 9 h" (minutes only when there are some), Paris time. */
export function formatReleaseDateTime(date: Date | string): string {
  const p = parisParts(date)
  const time = p.minute === '00' ? `${Number(p.hour)} h` : `${Number(p.hour)} h ${p.minute}`
  return `${p.weekday} ${p.day === '1' ? '1er' : p.day} ${p.month} ${p.year} à ${time}`
}

/** "40 min", "2 h", "2 h 40". */
export function formatDuration(totalMinutes: number): string {
  const minutes = Math.max(0, Math.round(totalMinutes))
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return `${rest} min`
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')}`
}

/** French plural: 0 and 1 take the singular. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${Math.abs(count) < 2 ? singular : pluralForm}`
}

/** A machine-readable timestamp for <time dateTime>. */
export function isoDateTime(date: Date | string): string {
  return new Date(date).toISOString()
}

/** French news readers average about 230 words a minute; never less than a minute. */
export const WORDS_PER_MINUTE = 230

export function readingMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE))
}

/** "2024-12-05T14:32:00+01:00": the instant written in Paris time with its offset. */
export function isoWithParisOffset(date: Date | string): string {
  const instant = new Date(date)
  const parts = Object.fromEntries(
    PARIS_ISO_PARTS.formatToParts(instant).map((part) => [part.type, part.value]),
  )
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName!.replace('GMT', '')
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`
}

/** ISO 8601 duration for structured data: 40 → "PT40M", 160 → "PT2H40M". */
export function isoDuration(totalMinutes: number): string {
  const minutes = Math.max(0, Math.round(totalMinutes))
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return `PT${hours ? `${hours}H` : ''}${rest || !hours ? `${rest}M` : ''}`
}

export function totalRunningTime(episodes: { durationMinutes: number }[]): number {
  return episodes.reduce((sum, episode) => sum + episode.durationMinutes, 0)
}

/** "4 épisodes · 2 h 40": the count and the total running time of a series. */
export function episodesSummary(episodes: { durationMinutes: number }[]): string {
  return `${plural(episodes.length, 'épisode')} · ${formatDuration(totalRunningTime(episodes))}`
}
