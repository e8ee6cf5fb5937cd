import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { claimJobAttempt } from '../../collections/Jobs/schedule-publish'
import type { User } from '../../payload-types'
import { makeArticle } from '../helpers/fixtures'
import {
  jobsFor,
  publishedVersions,
  readableAnonymously,
  scheduleAs,
  waitUntilTrue,
} from '../helpers/jobs'
import { startPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext
let editor: User

beforeAll(async () => {
  ctx = await startPayload()
  editor = (await ctx.createUser(['editor'])).user
})

afterAll(async () => {
  await ctx?.close()
})

/** A draft with a publication due now (scheduled a moment ago, as the drawer would). */
async function duePublication(title: string) {
  const draft = await makeArticle(ctx.payload, editor.id, 'draft', { title })
  const at = new Date(Date.now() + 200)
  await scheduleAs(ctx.payload, editor, {
    type: 'publish',
    collection: 'articles',
    id: draft.id,
    at,
  })
  await waitUntilTrue(async () => Date.now() > at.getTime() + 20, { intervalMs: 20 })
  const [job] = await jobsFor(ctx.payload, 'articles', draft.id)
  return { draft, job: job! }
}

describe('a due scheduled publication', () => {
  it('is claimed by one of two runners running at the same moment: one publication, one version', async () => {
    const { draft, job } = await duePublication('Deux runners, une publication')
    const [first, second] = await Promise.all([ctx.payload.jobs.run(), ctx.payload.jobs.run()])
    const ran = [first, second].filter((result) => result.jobStatus?.[job.id])
    expect(ran).toHaveLength(1)
    expect(await readableAnonymously(ctx.payload, 'articles', draft.id)).toBe(true)
    expect(await publishedVersions(ctx.payload, 'articles', draft.id)).toBe(1)
  })

  it('publishes once even when run twice by ID at once, which skips the runner’s claim', async () => {
    const { draft, job } = await duePublication('Deux exécutions forcées')
    await Promise.all([
      ctx.payload.jobs.runByID({ id: job.id }),
      ctx.payload.jobs.runByID({ id: job.id }),
    ])
    expect(await readableAnonymously(ctx.payload, 'articles', draft.id)).toBe(true)
    expect(await publishedVersions(ctx.payload, 'articles', draft.id)).toBe(1)
    const [after] = await jobsFor(ctx.payload, 'articles', draft.id)
    const outputs = (after?.log ?? []).map((entry) => entry.output)
    expect(outputs).toContainEqual({ skipped: true })
  })

  it('is never run again once done, even by ID: later draft edits stay unpublished', async () => {
    const { draft, job } = await duePublication('Déjà faite')
    await ctx.payload.jobs.run()
    expect(await publishedVersions(ctx.payload, 'articles', draft.id)).toBe(1)
    await ctx.payload.update({
      collection: 'articles',
      id: draft.id,
      draft: true,
      data: { title: 'Modification pas encore relue' },
    })
    await ctx.payload.jobs.runByID({ id: job.id })
    const live = await ctx.payload.findByID({
      collection: 'articles',
      id: draft.id,
      overrideAccess: false,
    })
    expect(live.title).toBe('Déjà faite')
    expect(await publishedVersions(ctx.payload, 'articles', draft.id)).toBe(1)
  })
})

describe('claimJobAttempt', () => {
  it('grants each attempt of a job to exactly one of many concurrent claimants', async () => {
    const job = await ctx.payload.jobs.queue({
      task: 'expireCacheTags',
      input: { tags: ['articles'] },
      waitUntil: new Date(Date.now() + 3_600_000),
    })
    const firstAttempt = await Promise.all(
      Array.from({ length: 8 }, () => claimJobAttempt(ctx.payload, { id: job.id, totalTried: 0 })),
    )
    expect(firstAttempt.filter(Boolean)).toHaveLength(1)
    // A retry (one more try recorded) is a new attempt: claimable once again.
    const retry = await Promise.all(
      Array.from({ length: 8 }, () => claimJobAttempt(ctx.payload, { id: job.id, totalTried: 1 })),
    )
    expect(retry.filter(Boolean)).toHaveLength(1)
  })
})
