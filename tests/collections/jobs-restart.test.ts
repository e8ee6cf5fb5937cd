import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import {
  declareJobsProcess,
  jobsAutoRun,
  releaseStaleJobs,
  runsJobsHere,
  STALE_PROCESSING_MS,
} from '../../lib/jobs-runner'
import type { User } from '../../payload-types'
import { makeArticle } from '../helpers/fixtures'
import { jobsFor, readableAnonymously, scheduleAs, waitUntilTrue } from '../helpers/jobs'
import { startPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext
let editor: User
let restarted: Payload | undefined

beforeAll(async () => {
  ctx = await startPayload()
  editor = (await ctx.createUser(['editor'])).user
})

afterAll(async () => {
  await restarted?.destroy()
  await ctx?.close()
})

describe('which process runs the jobs', () => {
  it('is the one JOBS_RUNNER names: the app by default, the worker once it says so', () => {
    expect(runsJobsHere('app')).toBe(true)
    expect(runsJobsHere('worker')).toBe(false)
    expect(runsJobsHere('none')).toBe(false)
    declareJobsProcess('worker')
    expect(runsJobsHere('worker')).toBe(true)
    expect(runsJobsHere('app')).toBe(false)
    declareJobsProcess('app')
  })

  it('starts no cron where JOBS_RUNNER names another runner (here: none)', async () => {
    expect(await jobsAutoRun(ctx.payload)).toEqual([])
  })
})

describe('a runner that died mid-run', () => {
  it('leaves its job claimed, and the next runner to start takes it back', async () => {
    const draft = await makeArticle(ctx.payload, editor.id, 'draft')
    await scheduleAs(ctx.payload, editor, {
      type: 'publish',
      collection: 'articles',
      id: draft.id,
      at: new Date(Date.now() + 100),
    })
    const [job] = await jobsFor(ctx.payload, 'articles', draft.id)
    const longAgo = new Date(Date.now() - STALE_PROCESSING_MS - 60_000).toISOString()
    await ctx.payload.db.updateJobs({
      id: job!.id,
      data: { processing: true, claimedAttempt: 1, claimToken: 'dead-runner', updatedAt: longAgo },
    })
    // A job another runner is working on right now is left alone.
    const busy = await ctx.payload.jobs.queue({
      task: 'expireCacheTags',
      input: { tags: ['articles'] },
    })
    await ctx.payload.db.updateJobs({ id: busy.id, data: { processing: true } })

    await waitUntilTrue(async () => Date.now() > new Date(job!.waitUntil!).getTime() + 20)
    await ctx.payload.jobs.run()
    expect(await readableAnonymously(ctx.payload, 'articles', draft.id)).toBe(false)

    expect(await releaseStaleJobs(ctx.payload)).toBe(1)
    await ctx.payload.jobs.run()
    expect(await readableAnonymously(ctx.payload, 'articles', draft.id)).toBe(true)
    const stillBusy = await ctx.payload.findByID({ collection: 'payload-jobs', id: busy.id })
    expect(stillBusy.processing).toBe(true)
  })
})

describe('a scheduled publication', () => {
  it('survives a restart: queued, Payload closed, reopened on the same database, published', async () => {
    const draft = await makeArticle(ctx.payload, editor.id, 'draft', {
      title: 'Programmé avant le redémarrage',
    })
    const at = new Date(Date.now() + 1500)
    await scheduleAs(ctx.payload, editor, {
      type: 'publish',
      collection: 'articles',
      id: draft.id,
      at,
    })
    await ctx.payload.destroy()

    const [{ default: config }, { getPayload }] = await Promise.all([
      import('@payload-config'),
      import('payload'),
    ])
    restarted = await getPayload({ config, key: 'after-restart' })
    expect(restarted).not.toBe(ctx.payload)
    expect(await readableAnonymously(restarted, 'articles', draft.id)).toBe(false)

    await waitUntilTrue(
      async () => {
        await restarted!.jobs.run()
        return readableAnonymously(restarted!, 'articles', draft.id)
      },
      { intervalMs: 100 },
    )
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime())
    const [job] = await jobsFor(restarted, 'articles', draft.id)
    expect(job?.completedAt).toBeTruthy()
  })
})
