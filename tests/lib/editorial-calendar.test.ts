import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import {
  type CalendarEvent,
  formatCalendarDay,
  formatCalendarTime,
  groupByParisDay,
  listEditorialEvents,
  parisDay,
} from '../../lib/editorial-calendar'
import type { User } from '../../payload-types'
import { makeArticle } from '../helpers/fixtures'
import { scheduleAs } from '../helpers/jobs'
import { startPayload, type TestContext } from '../helpers/payload'

const event = (at: string, title: string, kind: CalendarEvent['kind'] = 'publish') =>
  ({ at, title, kind, collection: 'articles', id: title }) satisfies CalendarEvent

describe('groupByParisDay', () => {
  it('puts an instant on its Paris day, not its UTC day', () => {
    // 23:30 UTC on 12 December is 00:30 on the 13th in Paris (UTC+1 in winter).
    const days = groupByParisDay([
      event('2024-12-12T23:30:00.000Z', 'Minuit et demie'),
      event('2024-12-12T22:59:00.000Z', 'Avant minuit'),
    ])
    expect(days.map((d) => [d.day, d.events.map((e) => e.title)])).toEqual([
      ['2024-12-12', ['Avant minuit']],
      ['2024-12-13', ['Minuit et demie']],
    ])
  })

  it('keeps days apart across the spring DST change and sorts by instant', () => {
    // Paris goes from UTC+1 to UTC+2 at 01:00 UTC on 30 March 2025.
    const days = groupByParisDay([
      event('2025-03-30T22:30:00.000Z', 'Lundi 0 h 30'), // 00:30 on the 31st (UTC+2)
      event('2025-03-29T23:30:00.000Z', 'Dimanche 0 h 30'), // 00:30 on the 30th (UTC+1)
      event('2025-03-30T07:00:00.000Z', 'Dimanche 9 h'), // 09:00 on the 30th (UTC+2)
      event('2025-03-30T21:59:00.000Z', 'Dimanche 23 h 59'), // 23:59 on the 30th (UTC+2)
    ])
    expect(days.map((d) => [d.day, d.events.map((e) => e.title)])).toEqual([
      ['2025-03-30', ['Dimanche 0 h 30', 'Dimanche 9 h', 'Dimanche 23 h 59']],
      ['2025-03-31', ['Lundi 0 h 30']],
    ])
    expect(formatCalendarTime('2025-03-30T07:00:00.000Z')).toBe('9 h 00')
    expect(formatCalendarTime('2025-03-29T08:00:00.000Z')).toBe('9 h 00')
  })

  it('handles the autumn DST change (the 25-hour day)', () => {
    // Back to UTC+1 at 01:00 UTC on 26 October 2025: 02:30 Paris happens twice.
    const days = groupByParisDay([
      event('2025-10-26T00:30:00.000Z', 'Premier 2 h 30'),
      event('2025-10-26T01:30:00.000Z', 'Second 2 h 30'),
      event('2025-10-26T22:59:00.000Z', 'Dimanche 23 h 59'),
      event('2025-10-26T23:00:00.000Z', 'Lundi minuit'),
    ])
    expect(days.map((d) => [d.day, d.events.map((e) => formatCalendarTime(e.at))])).toEqual([
      ['2025-10-26', ['2 h 30', '2 h 30', '23 h 59']],
      ['2025-10-27', ['0 h 00']],
    ])
  })

  it('keeps only the window asked for, start included and end excluded', () => {
    const from = new Date('2024-12-01T00:00:00.000Z')
    const to = new Date('2024-12-02T00:00:00.000Z')
    const days = groupByParisDay(
      [
        event('2024-11-30T23:59:59.000Z', 'Avant'),
        event('2024-12-01T00:00:00.000Z', 'Début'),
        event('2024-12-02T00:00:00.000Z', 'Fin'),
      ],
      { from, to },
    )
    expect(days.flatMap((d) => d.events.map((e) => e.title))).toEqual(['Début'])
  })

  it('writes days and times the French way, and the English way', () => {
    expect(formatCalendarDay('2024-12-13')).toBe('vendredi 13 décembre 2024')
    expect(formatCalendarDay('2024-12-01')).toBe('dimanche 1er décembre 2024')
    expect(formatCalendarDay('2024-12-13', 'en')).toBe('Friday, 13 December 2024')
    expect(formatCalendarTime('2024-12-13T08:00:00.000Z', 'en')).toBe('09:00')
    expect(formatCalendarTime('2024-12-13T13:05:00.000Z')).toBe('14 h 05')
    expect(parisDay('2024-12-13T23:00:00.000Z')).toBe('2024-12-14')
  })
})

describe('listEditorialEvents', () => {
  let ctx: TestContext
  let editor: User
  let journalist: User

  beforeAll(async () => {
    ctx = await startPayload()
    editor = (await ctx.createUser(['editor'])).user
    journalist = (await ctx.createUser(['journalist'])).user
  })

  afterAll(async () => {
    await ctx?.close()
  })

  it('lists scheduled publications and unpublications, series and episode releases in the window', async () => {
    const now = Date.now()
    const hour = 60 * 60 * 1000
    const from = new Date(now)
    const to = new Date(now + 10 * 24 * hour)
    const draft = await makeArticle(ctx.payload, editor.id, 'draft', { title: 'À paraître' })
    const live = await makeArticle(ctx.payload, editor.id, 'published', { title: 'À retirer' })
    await scheduleAs(ctx.payload, editor, {
      type: 'publish',
      collection: 'articles',
      id: draft.id,
      at: new Date(now + 2 * hour),
    })
    await scheduleAs(ctx.payload, editor, {
      type: 'unpublish',
      collection: 'articles',
      id: live.id,
      at: new Date(now + 26 * hour),
    })
    // Outside the window: not listed.
    await scheduleAs(ctx.payload, editor, {
      type: 'publish',
      collection: 'articles',
      id: draft.id,
      at: new Date(now + 30 * 24 * hour),
    })
    const series = await ctx.payload.create({
      collection: 'series',
      data: {
        title: 'Série du calendrier',
        slug: 'serie-du-calendrier',
        synopsis: 'S.',
        platform: 'P',
        releaseAt: new Date(now + 3 * 24 * hour).toISOString(),
        releaseAt_tz: 'Europe/Paris',
        episodes: [
          { number: 1, durationMinutes: 40 },
          {
            number: 2,
            durationMinutes: 40,
            releaseAt: new Date(now + 4 * 24 * hour).toISOString(),
            releaseAt_tz: 'Europe/Paris',
          },
          {
            number: 3,
            durationMinutes: 40,
            releaseAt: new Date(now + 40 * 24 * hour).toISOString(),
            releaseAt_tz: 'Europe/Paris',
          },
        ],
        _status: 'published',
      },
    })

    const events = await listEditorialEvents(
      ctx.payload,
      { ...journalist, collection: 'users' },
      {
        from,
        to,
      },
    )
    const summary = events
      .map((e) => [e.kind, e.title, e.episode ?? null, e.at])
      .sort((a, b) => String(a[3]).localeCompare(String(b[3])))
    expect(summary).toEqual([
      ['publish', 'À paraître', null, new Date(now + 2 * hour).toISOString()],
      ['unpublish', 'À retirer', null, new Date(now + 26 * hour).toISOString()],
      ['series-release', 'Série du calendrier', null, new Date(now + 3 * 24 * hour).toISOString()],
      ['episode-release', 'Série du calendrier', 2, new Date(now + 4 * 24 * hour).toISOString()],
    ])
    expect(events.find((e) => e.kind === 'publish')?.id).toBe(draft.id)
    expect(events.find((e) => e.kind === 'series-release')?.id).toBe(series.id)
  })

  it('refuses anyone but staff', async () => {
    await expect(
      listEditorialEvents(ctx.payload, null, { from: new Date(), to: new Date() }),
    ).rejects.toThrow(/staff/)
  })
})
