import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { EXPIRE_TAGS_TASK, releaseInstants } from '../../collections/Series/hooks'
import { startPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startPayload()
})

afterAll(async () => {
  await ctx?.close()
})

const pendingFlips = async () =>
  (
    await ctx.payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: EXPIRE_TAGS_TASK } },
      limit: 100,
    })
  ).docs

describe('a series whose release is still ahead', () => {
  it('gets one cache-expiry job at its release instant and one at an episode’s own, however often it is saved', async () => {
    const releaseAt = new Date(Date.now() + 60 * 60 * 1000)
    const episodeAt = new Date(Date.now() + 2 * 60 * 60 * 1000)
    const series = await ctx.payload.create({
      collection: 'series',
      data: {
        title: 'Série à venir',
        slug: 'serie-a-venir',
        synopsis: 'Bientôt.',
        platform: 'Canal test',
        releaseAt: releaseAt.toISOString(),
        releaseAt_tz: 'Europe/Paris',
        episodes: [
          { number: 1, durationMinutes: 40 },
          {
            number: 2,
            durationMinutes: 40,
            releaseAt: episodeAt.toISOString(),
            releaseAt_tz: 'Europe/Paris',
          },
        ],
        _status: 'published',
      },
    })
    await ctx.payload.update({
      collection: 'series',
      id: series.id,
      data: { synopsis: 'Bientôt, vraiment.' },
    })
    const jobs = await pendingFlips()
    expect(jobs.map((job) => new Date(job.waitUntil!).getTime()).sort()).toEqual([
      releaseAt.getTime(),
      episodeAt.getTime(),
    ])
    expect(jobs[0]?.input).toEqual({ tags: ['series'] })
  })

  it('schedules nothing for a draft or for instants already past', async () => {
    expect(
      releaseInstants({ slug: 'x', releaseAt: '2024-12-13T08:00:00.000Z' }, Date.now()),
    ).toEqual([])
    const before = (await pendingFlips()).length
    await ctx.payload.create({
      collection: 'series',
      draft: true,
      data: {
        title: 'Brouillon',
        slug: 'brouillon',
        synopsis: 's',
        platform: 'p',
        releaseAt: new Date(Date.now() + 3_600_000).toISOString(),
        releaseAt_tz: 'Europe/Paris',
        _status: 'draft',
      },
    })
    expect(await pendingFlips()).toHaveLength(before)
  })
})
