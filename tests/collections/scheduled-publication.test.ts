import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { describeJob } from '../../collections/Jobs'
import { SCHEDULE_PUBLISH_RETRIES } from '../../collections/Jobs/schedule-publish'
import { stopJobCrons } from '../../lib/jobs-runner'
import type { User } from '../../payload-types'
import { bodyOf, makeArticle } from '../helpers/fixtures'
import {
  cancelScheduleAs,
  jobsFor,
  publishedVersions,
  readableAnonymously,
  scheduleAs,
  waitUntilTrue,
} from '../helpers/jobs'
import { startPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext
let editor: { user: User; token: string }
let journalist: { user: User; token: string }

beforeAll(async () => {
  ctx = await startPayload({ runJobs: true })
  editor = await ctx.createUser(['editor'])
  journalist = await ctx.createUser(['journalist'])
})

afterAll(async () => {
  await ctx?.close()
})

/** Starts the app's job crons on this Payload, as instrumentation.ts does at server start. */
async function startJobCrons() {
  const [{ default: config }, { getPayload }] = await Promise.all([
    import('@payload-config'),
    import('payload'),
  ])
  await getPayload({ config, cron: true })
  expect(ctx.payload.crons).toHaveLength(1)
}

const scheduledFieldsAs = async (user: User | null, id: number | string) => {
  const doc = await ctx.payload.findByID({
    collection: 'articles',
    id,
    draft: true,
    depth: 0,
    overrideAccess: false,
    user: user ? { ...user, collection: 'users' } : undefined,
  })
  return { publish: doc.scheduledPublishAt, unpublish: doc.scheduledUnpublishAt }
}

describe('scheduled publication run by the app’s job cron', () => {
  beforeAll(startJobCrons)
  // The other tests run jobs by hand, at chosen moments.
  afterAll(() => stopJobCrons(ctx.payload))

  it('publishes a draft scheduled at now + 3 s: nothing for readers before, the article after', async () => {
    const draft = await makeArticle(ctx.payload, editor.user.id, 'draft', {
      title: 'Programmé dans trois secondes',
    })
    // The drawer picks whole seconds; so does this schedule.
    const at = new Date(Math.ceil((Date.now() + 3000) / 1000) * 1000)
    await scheduleAs(ctx.payload, editor.user, {
      type: 'publish',
      collection: 'articles',
      id: draft.id,
      at,
    })

    expect(Date.now()).toBeLessThan(at.getTime())
    expect(await readableAnonymously(ctx.payload, 'articles', draft.id)).toBe(false)
    const before = await ctx.rest(`/api/articles/${draft.id}`)
    expect(before.status).toBe(404)

    const seenAt = await waitUntilTrue(
      () => readableAnonymously(ctx.payload, 'articles', draft.id),
      { timeoutMs: 15_000, intervalMs: 20 },
    )
    const lateness = seenAt - at.getTime()
    console.log(`scheduled publication: readable ${lateness} ms after its scheduled second`)
    expect(lateness).toBeGreaterThanOrEqual(0)
    expect(lateness).toBeLessThan(10_000)

    const after = await ctx.rest(`/api/articles/${draft.id}`)
    expect(after.status).toBe(200)
    expect(((await after.json()) as { title: string }).title).toBe('Programmé dans trois secondes')
    expect(await publishedVersions(ctx.payload, 'articles', draft.id)).toBe(1)

    const [job] = await jobsFor(ctx.payload, 'articles', draft.id)
    expect(job?.completedAt).toBeTruthy()
    expect(job?.hasError).toBeFalsy()
    expect(job?.totalTried).toBe(1)
  })

  it('unpublishes a published article at its scheduled second', async () => {
    const article = await makeArticle(ctx.payload, editor.user.id, 'published')
    const at = new Date(Math.ceil((Date.now() + 2000) / 1000) * 1000)
    await scheduleAs(ctx.payload, editor.user, {
      type: 'unpublish',
      collection: 'articles',
      id: article.id,
      at,
    })
    expect(await readableAnonymously(ctx.payload, 'articles', article.id)).toBe(true)

    const goneAt = await waitUntilTrue(
      async () => !(await readableAnonymously(ctx.payload, 'articles', article.id)),
      { timeoutMs: 15_000, intervalMs: 20 },
    )
    expect(goneAt).toBeGreaterThanOrEqual(at.getTime())
    const response = await ctx.rest(`/api/articles/${article.id}`)
    expect(response.status).toBe(404)
  })
})

describe('the scheduled-time fields', () => {
  it('show staff the next pending publication and unpublication, and nothing once run or cancelled', async () => {
    const article = await makeArticle(ctx.payload, editor.user.id, 'published')
    const unpublishAt = new Date(Date.now() + 2 * 60 * 60 * 1000)
    const laterUnpublish = new Date(Date.now() + 5 * 60 * 60 * 1000)
    const publishAt = new Date(Date.now() + 60 * 60 * 1000)
    for (const [type, at] of [
      ['unpublish', laterUnpublish],
      ['unpublish', unpublishAt],
      ['publish', publishAt],
    ] as const) {
      await scheduleAs(ctx.payload, editor.user, {
        type,
        collection: 'articles',
        id: article.id,
        at,
      })
    }

    expect(await scheduledFieldsAs(editor.user, article.id)).toEqual({
      publish: publishAt.toISOString(),
      unpublish: unpublishAt.toISOString(),
    })
    expect(await scheduledFieldsAs(journalist.user, article.id)).toEqual({
      publish: publishAt.toISOString(),
      unpublish: unpublishAt.toISOString(),
    })

    // A reader of the published article learns nothing about its planned removal.
    const anonymous = await ctx.rest(`/api/articles/${article.id}`)
    const body = (await anonymous.json()) as Record<string, unknown>
    expect(body).not.toHaveProperty('scheduledUnpublishAt')
    expect(body).not.toHaveProperty('scheduledPublishAt')
    expect(JSON.stringify(body)).not.toContain(unpublishAt.toISOString())

    // Cancelled from the drawer: the next one takes its place.
    const jobs = await jobsFor(ctx.payload, 'articles', article.id)
    const earliest = jobs.find((job) => job.waitUntil === unpublishAt.toISOString())
    await cancelScheduleAs(ctx.payload, editor.user, earliest!.id)
    expect((await scheduledFieldsAs(editor.user, article.id)).unpublish).toBe(
      laterUnpublish.toISOString(),
    )

    // Run (here: made due and run by hand): cleared.
    const publishJob = jobs.find((job) => job.waitUntil === publishAt.toISOString())
    await ctx.payload.db.updateJobs({
      id: publishJob!.id,
      data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
    })
    await ctx.payload.jobs.runByID({ id: publishJob!.id })
    expect((await scheduledFieldsAs(editor.user, article.id)).publish).toBeNull()
  })

  it('appear on every row of the staff’s article list', async () => {
    const response = await ctx.rest('/api/articles?draft=true&limit=50&depth=0', {
      token: editor.token,
    })
    const { docs } = (await response.json()) as { docs: Record<string, unknown>[] }
    expect(docs.length).toBeGreaterThan(1)
    for (const doc of docs) expect(doc).toHaveProperty('scheduledPublishAt')
  })
})

describe('a scheduled publication that fails', () => {
  it('is retried with a backoff, shows its error to editors, and publishes once the draft is fixed', async () => {
    // A draft saved without its standfirst: publishing it fails validation.
    const draft = await ctx.payload.create({
      collection: 'articles',
      draft: true,
      overrideAccess: true,
      data: {
        title: 'Brouillon incomplet',
        slug: 'brouillon-incomplet',
        body: bodyOf('Texte.'),
        authors: [editor.user.id],
        category: 'tech',
        _status: 'draft',
      } as never,
    })
    const at = new Date(Date.now() + 500)
    await scheduleAs(ctx.payload, editor.user, {
      type: 'publish',
      collection: 'articles',
      id: draft.id,
      at,
    })
    const [queued] = await jobsFor(ctx.payload, 'articles', draft.id)
    await waitUntilTrue(async () => Date.now() > at.getTime() + 50)

    await ctx.payload.jobs.runByID({ id: queued!.id, silent: true })
    const failed = await ctx.rest(`/api/payload-jobs/${queued!.id}?depth=0`, {
      token: editor.token,
    })
    expect(failed.status).toBe(200)
    const job = (await failed.json()) as {
      totalTried: number
      hasError: boolean
      waitUntil: string
      log: { state: string; error: { message: string } }[]
    }
    expect(job.totalTried).toBe(1)
    expect(job.hasError).toBe(false)
    // The first retry waits for the backoff's first delay.
    expect(new Date(job.waitUntil).getTime()).toBeGreaterThanOrEqual(
      at.getTime() + SCHEDULE_PUBLISH_RETRIES.backoff.delay,
    )
    expect(job.log[0]?.state).toBe('failed')
    expect(job.log[0]?.error.message).toMatch(/Chapô|standfirst/i)
    expect(await readableAnonymously(ctx.payload, 'articles', draft.id)).toBe(false)

    // The editor completes the draft; the retry publishes it.
    await ctx.payload.update({
      collection: 'articles',
      id: draft.id,
      draft: true,
      data: { standfirst: 'Le chapô ajouté à temps.' },
      overrideAccess: true,
    })
    await ctx.payload.db.updateJobs({
      id: queued!.id,
      data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
    })
    await ctx.payload.jobs.runByID({ id: queued!.id, silent: true })
    expect(await readableAnonymously(ctx.payload, 'articles', draft.id)).toBe(true)
    const [done] = await jobsFor(ctx.payload, 'articles', draft.id)
    expect(done?.totalTried).toBe(2)
    expect(done?.completedAt).toBeTruthy()
  })

  it('stops after the last retry and stays listed as failed', async () => {
    // A schedule for a document that no longer exists can never succeed.
    await ctx.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'articles', value: 999999 } },
    })
    const [job] = await jobsFor(ctx.payload, 'articles', '999999')
    for (let attempt = 0; attempt <= SCHEDULE_PUBLISH_RETRIES.attempts; attempt++) {
      await ctx.payload.db.updateJobs({
        id: job!.id,
        data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
      })
      await ctx.payload.jobs.runByID({ id: job!.id, silent: true })
    }
    const response = await ctx.rest(
      `/api/payload-jobs?where[hasError][equals]=true&depth=0&limit=10`,
      { token: editor.token },
    )
    const { docs: failed } = (await response.json()) as {
      docs: { id: number; totalTried: number; summary: string }[]
    }
    const listed = failed.find((candidate) => candidate.id === job!.id)
    expect(listed?.totalTried).toBe(SCHEDULE_PUBLISH_RETRIES.attempts + 1)
    expect(listed).toHaveProperty('summary', 'Publier l’article n° 999999')
  })
})

describe('the jobs collection in the admin', () => {
  it('is readable by editors only, and written by nobody through the API but admins', async () => {
    const admin = await ctx.createUser(['admin'])
    expect((await ctx.rest('/api/payload-jobs', { token: editor.token })).status).toBe(200)
    expect((await ctx.rest('/api/payload-jobs', { token: journalist.token })).status).toBe(403)
    expect((await ctx.rest('/api/payload-jobs')).status).toBe(403)

    const create = await ctx.rest('/api/payload-jobs', {
      method: 'POST',
      token: editor.token,
      body: JSON.stringify({ taskSlug: 'schedulePublish', input: {} }),
    })
    expect(create.status).toBe(403)

    const job = await ctx.payload.jobs.queue({
      task: 'expireCacheTags',
      input: { tags: ['articles'] },
      waitUntil: new Date(Date.now() + 3_600_000),
    })
    const editorPatch = await ctx.rest(`/api/payload-jobs/${job.id}`, {
      method: 'PATCH',
      token: editor.token,
      body: JSON.stringify({ waitUntil: new Date().toISOString() }),
    })
    expect(editorPatch.status).toBe(403)
    const editorDelete = await ctx.rest(`/api/payload-jobs/${job.id}`, {
      method: 'DELETE',
      token: editor.token,
    })
    expect(editorDelete.status).toBe(403)
    const adminDelete = await ctx.rest(`/api/payload-jobs/${job.id}`, {
      method: 'DELETE',
      token: admin.token,
    })
    expect(adminDelete.status).toBe(200)
  })
})

describe('describeJob', () => {
  it('says what a job does in the editors’ list', () => {
    expect(
      describeJob('schedulePublish', {
        type: 'unpublish',
        doc: { relationTo: 'series', value: '3' },
      }),
    ).toBe('Dépublier la série n° 3')
    expect(describeJob('schedulePublish', { doc: { relationTo: 'articles', value: 12 } })).toBe(
      'Publier l’article n° 12',
    )
    // What Payload's drawer leaves behind when a schedule is deleted (it queues an empty job).
    expect(describeJob('schedulePublish', {})).toBe('Aucun document (programmation supprimée)')
    expect(describeJob('expireCacheTags', { tags: ['series', 'articles'] })).toBe(
      'Pages : series, articles',
    )
  })
})
