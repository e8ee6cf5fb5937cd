/**
 * The soft reading meter: which articles a reader opened this calendar month (Paris time),
 * kept in a first-party cookie used for nothing else. Pure functions, shared by the client
 * island and the tests.
 */
import { NEWSROOM_TIME_ZONE } from './time'

export const METER_COOKIE = 'kiosque_lectures'
/** Enough for a heavy reader's month while keeping the cookie well under 4 KB. */
export const METER_MAX_ENTRIES = 300

export type MeterState = { month: string; entries: string[] }

/** "2024-12" for any instant of December in Paris, including 30 November 23:30 UTC. */
export function meterMonth(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: NEWSROOM_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(now)
  const year = parts.find((p) => p.type === 'year')?.value
  const month = parts.find((p) => p.type === 'month')?.value
  return `${year}-${month}`
}

/** A short, stable key for an article (FNV-1a): the cookie never holds titles or slugs. */
export function articleKey(slug: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < slug.length; i++) {
    hash ^= slug.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(36)
}

/** Reads the cookie value; anything malformed or from another month counts as nothing read. */
export function parseMeter(value: string | undefined, now: Date): MeterState {
  const month = meterMonth(now)
  if (!value) return { month, entries: [] }
  let decoded: string
  try {
    decoded = decodeURIComponent(value)
  } catch {
    return { month, entries: [] }
  }
  const [storedMonth, ...entries] = decoded.split('.')
  if (storedMonth !== month) return { month, entries: [] }
  const valid = entries.filter((entry) => /^[0-9a-z]{1,7}$/.test(entry))
  return { month, entries: [...new Set(valid)].slice(-METER_MAX_ENTRIES) }
}

export function recordRead(state: MeterState, slug: string): MeterState {
  const key = articleKey(slug)
  if (state.entries.includes(key)) return state
  return { ...state, entries: [...state.entries, key].slice(-METER_MAX_ENTRIES) }
}

export function serializeMeter(state: MeterState): string {
  return [state.month, ...state.entries].join('.')
}

/** "Vous avez lu 0 article …", "1 article", "2 articles": French keeps 0 and 1 singular. */
export function meterSentence(count: number, publicationName: string): string {
  return `Vous avez lu ${count} ${count < 2 ? 'article' : 'articles'} sur ${publicationName} ce mois-ci.`
}
