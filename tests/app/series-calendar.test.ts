import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { GET } from '../../app/(frontend)/series/[slug]/calendar.ics/route'
import { seedDemoContent } from '../../seed'
import { SERIES } from '../../seed/content'
import { startPayload, type TestContext } from '../helpers/payload'
import { parseCalendar } from '../helpers/ical'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startPayload()
  await seedDemoContent(ctx.payload, { password: 'seed-password-for-tests' })
  await ctx.payload.create({
    collection: 'series',
    data: { ...SERIES, slug: 'serie-en-preparation', title: 'Série en préparation' },
    draft: true,
    overrideAccess: true,
  })
}, 120_000)

afterAll(async () => {
  await ctx?.close()
})

const calendarFor = (slug: string) =>
  GET(new Request(`http://localhost:3000/series/${slug}/calendar.ics`), {
    params: Promise.resolve({ slug }),
  })

describe('GET /series/<slug>/calendar.ics', () => {
  it('serves the demo series’ release as an inline iCalendar file', async () => {
    const response = await calendarFor('renault-anatomie-dun-come-back')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe(
      'inline; filename="renault-anatomie-dun-come-back.ics"',
    )
    expect(response.headers.get('cache-control')).toBe('no-store')
    const { event } = parseCalendar(await response.text())
    expect(event.startDate.toJSDate().toISOString()).toBe('2024-12-13T08:00:00.000Z')
    expect(event.summary).toBe(
      'Sortie de «\u00a0Renault : anatomie d’un come-back\u00a0» sur Prime Video',
    )
  })

  it('answers 404 for an unknown slug', async () => {
    expect((await calendarFor('serie-inconnue')).status).toBe(404)
    expect((await calendarFor('../../etc/passwd')).status).toBe(404)
  })

  it('answers 404 for a series that is still a draft', async () => {
    const draft = await ctx.payload.count({
      collection: 'series',
      where: { slug: { equals: 'serie-en-preparation' } },
    })
    expect(draft.totalDocs).toBe(1)
    const response = await calendarFor('serie-en-preparation')
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('BEGIN:VCALENDAR')
  })
})
