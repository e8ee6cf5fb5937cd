import { afterEach, describe, expect, it } from '@jest/globals'
import ICAL from 'ical.js'

import { seriesCalendar } from '../../lib/ical'
import type { SeriesView } from '../../lib/views'
import { SERIES, TRIAL_OFFER } from '../../seed/content'
import { parseCalendar } from '../helpers/ical'

const demo: SeriesView = {
  title: SERIES.title,
  slug: SERIES.slug,
  synopsis: SERIES.synopsis,
  platform: SERIES.platform,
  productionCompany: SERIES.productionCompany,
  poster: null,
  releaseAt: SERIES.releaseAt,
  trialOffer: { slug: TRIAL_OFFER.slug, label: TRIAL_OFFER.label, merchant: TRIAL_OFFER.merchant },
  episodes: SERIES.episodes.map((episode) => ({
    number: episode.number,
    title: `Épisode ${episode.number}`,
    durationMinutes: episode.durationMinutes,
    synopsis: null,
    releaseAt: null,
  })),
}

const seriesUrl = 'https://rouages.example/series/renault-anatomie-dun-come-back'

const originalTz = process.env.TZ

afterEach(() => {
  process.env.TZ = originalTz
})

describe('seriesCalendar', () => {
  it('gives the demo release as one event at 9:00 Paris time, 08:00 UTC, with its VTIMEZONE', () => {
    const { zones, events, event } = parseCalendar(seriesCalendar(demo, 'https://rouages.example'))
    expect(events).toHaveLength(1)
    expect(zones.map((zone) => zone.getFirstPropertyValue('tzid'))).toEqual(['Europe/Paris'])
    expect(event.startDate.zone.tzid).toBe('Europe/Paris')
    expect(event.startDate.toString()).toBe('2024-12-13T09:00:00')
    expect(event.startDate.toJSDate().toISOString()).toBe('2024-12-13T08:00:00.000Z')
  })

  it('lasts the running time of the four 40-minute episodes', () => {
    const { event } = parseCalendar(seriesCalendar(demo, 'https://rouages.example'))
    const minutes =
      (event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()) / 60_000
    expect(minutes).toBe(160)
    expect(event.endDate.toString()).toBe('2024-12-13T11:40:00')
  })

  it('lasts an hour when no episode is listed yet', () => {
    const { event } = parseCalendar(
      seriesCalendar({ ...demo, episodes: [] }, 'https://rouages.example'),
    )
    expect(event.endDate.toJSDate().toISOString()).toBe('2024-12-13T09:00:00.000Z')
  })

  it('names the series and the platform in French and links to the series page', () => {
    const { event, events } = parseCalendar(seriesCalendar(demo, 'https://rouages.example/'))
    expect(event.summary).toBe(
      'Sortie de «\u00a0Renault : anatomie d’un come-back\u00a0» sur Prime Video',
    )
    expect(event.location).toBe('Prime Video')
    expect(events[0]!.getFirstPropertyValue('url')).toBe(seriesUrl)
    expect(event.description).toContain('Luca de Meo')
    expect(event.description).toContain(seriesUrl)
    expect(event.uid).toBe('series-renault-anatomie-dun-come-back@rouages.example')
  })

  it('stamps the event in UTC', () => {
    const { events } = parseCalendar(
      seriesCalendar(demo, 'https://rouages.example', new Date('2024-12-05T13:32:00Z')),
    )
    const stamp = events[0]!.getFirstPropertyValue('dtstamp') as InstanceType<typeof ICAL.Time>
    expect(stamp.toJSDate().toISOString()).toBe('2024-12-05T13:32:00.000Z')
  })

  it('writes the same file whatever the server’s time zone', () => {
    const now = new Date('2024-12-05T13:32:00Z')
    process.env.TZ = 'UTC'
    const onUtc = seriesCalendar(demo, 'https://rouages.example', now)
    process.env.TZ = 'America/New_York'
    const onNewYork = seriesCalendar(demo, 'https://rouages.example', now)
    process.env.TZ = 'Asia/Tokyo'
    const onTokyo = seriesCalendar(demo, 'https://rouages.example', now)
    expect(onNewYork).toBe(onUtc)
    expect(onTokyo).toBe(onUtc)
    expect(onUtc).toContain('DTSTART;TZID=Europe/Paris:20241213T090000')
  })
})
