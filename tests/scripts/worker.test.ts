/**
 * `npm run worker` as a real separate process on the test database, beside this process which
 * plays the app server (the one that receives the revalidation requests).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { isRevalidationKey } from '../../lib/revalidate'
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

type Revalidation = { tags: string[]; authorized: boolean; respond: () => void }

let ctx: TestContext
let editor: User
let appServer: Server
let appUrl: string
const revalidations: Revalidation[] = []
/** When set, the app server answers revalidation requests only when told to. */
let holdRevalidations = false

/** Stands in for the app server's /api/revalidate route. */
function recordRevalidation(request: IncomingMessage, response: ServerResponse) {
  let body = ''
  request.on('data', (chunk) => (body += chunk))
  request.on('end', () => {
    const auth = request.headers.authorization ?? ''
    const respond = () => {
      if (!response.headersSent) response.writeHead(200, { 'Content-Type': 'application/json' })
      if (!response.writableEnded) response.end('{}')
    }
    revalidations.push({
      tags: (JSON.parse(body) as { tags: string[] }).tags,
      authorized:
        request.url === '/api/revalidate' &&
        isRevalidationKey(auth.startsWith('Bearer ') ? auth.slice(7) : null),
      respond,
    })
    if (!holdRevalidations) respond()
  })
}

type Worker = { child: ChildProcess; output: () => string; exited: Promise<number | null> }

function startWorker(env: Record<string, string | undefined>): Worker {
  let output = ''
  const child = spawn(
    process.execPath,
    ['node_modules/payload/bin.js', 'run', 'scripts/worker.ts'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      // Jest gives tests their own copy of process.env: pass everything on explicitly.
      env: {
        ...process.env,
        NODE_OPTIONS: '--conditions=production',
        DATABASE_URI: process.env.DATABASE_URI,
        PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
        ...env,
      },
    },
  )
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { child, output: () => output, exited }
}

let worker: Worker

beforeAll(async () => {
  ctx = await startPayload()
  editor = (await ctx.createUser(['editor'])).user
  appServer = createServer(recordRevalidation)
  await new Promise<void>((resolve) => appServer.listen(0, '127.0.0.1', resolve))
  appUrl = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`
  worker = startWorker({ JOBS_RUNNER: 'worker', REVALIDATE_URLS: appUrl })
  await waitUntilTrue(async () => worker.output().includes('running the queue'), {
    timeoutMs: 45_000,
    intervalMs: 100,
  })
}, 60_000)

afterAll(async () => {
  if (worker && worker.child.exitCode === null) {
    worker.child.kill('SIGKILL')
    await worker.exited
  }
  await new Promise((resolve) => appServer?.close(resolve))
  await ctx?.close()
})

const nextSecondAfter = (ms: number) => new Date(Math.ceil((Date.now() + ms) / 1000) * 1000)

describe('npm run worker', () => {
  it('refuses to start unless JOBS_RUNNER=worker', async () => {
    const wrong = startWorker({ JOBS_RUNNER: 'app' })
    expect(await wrong.exited).toBe(1)
    expect(wrong.output()).toMatch(/JOBS_RUNNER=worker/)
  }, 45_000)

  it('publishes a scheduled article on time and tells the app servers what to expire', async () => {
    const draft = await makeArticle(ctx.payload, editor.id, 'draft', { slug: 'par-le-worker' })
    const at = nextSecondAfter(2000)
    await scheduleAs(ctx.payload, editor, {
      type: 'publish',
      collection: 'articles',
      id: draft.id,
      at,
    })
    expect(await readableAnonymously(ctx.payload, 'articles', draft.id)).toBe(false)

    const seenAt = await waitUntilTrue(
      () => readableAnonymously(ctx.payload, 'articles', draft.id),
      { intervalMs: 20 },
    )
    console.log(`worker: readable ${seenAt - at.getTime()} ms after the scheduled second`)
    expect(seenAt - at.getTime()).toBeLessThan(10_000)
    await waitUntilTrue(async () =>
      revalidations.some((r) => r.tags.includes('article:par-le-worker')),
    )
    const sent = revalidations.find((r) => r.tags.includes('article:par-le-worker'))
    expect(sent?.authorized).toBe(true)
    expect(sent?.tags).toContain('articles')
  })

  it('shares the queue with another runner without running any job twice', async () => {
    const drafts = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        makeArticle(ctx.payload, editor.id, 'draft', { title: `Course ${i}` }),
      ),
    )
    const at = nextSecondAfter(2000)
    for (const draft of drafts) {
      await scheduleAs(ctx.payload, editor, {
        type: 'publish',
        collection: 'articles',
        id: draft.id,
        at,
      })
    }
    // This process runs the queue too, flat out, as a second runner would.
    let racing = true
    const runner = (async () => {
      while (racing) {
        await ctx.payload.jobs.run({ silent: true })
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    })()
    try {
      for (const draft of drafts) {
        await waitUntilTrue(() => readableAnonymously(ctx.payload, 'articles', draft.id))
      }
    } finally {
      racing = false
      await runner
    }
    for (const draft of drafts) {
      expect(await publishedVersions(ctx.payload, 'articles', draft.id)).toBe(1)
      const [job] = await jobsFor(ctx.payload, 'articles', draft.id)
      expect(job?.totalTried).toBe(1)
    }
  })

  it('on SIGTERM lets the running publication finish, then exits cleanly', async () => {
    holdRevalidations = true
    const draft = await makeArticle(ctx.payload, editor.id, 'draft', { slug: 'avant-l-arret' })
    await scheduleAs(ctx.payload, editor, {
      type: 'publish',
      collection: 'articles',
      id: draft.id,
      at: nextSecondAfter(1000),
    })
    // The job is mid-run while its revalidation request waits for an answer.
    await waitUntilTrue(async () =>
      revalidations.some((r) => r.tags.includes('article:avant-l-arret')),
    )
    worker.child.kill('SIGTERM')
    await waitUntilTrue(async () => worker.output().includes('letting the running jobs finish'))
    const [running] = await jobsFor(ctx.payload, 'articles', draft.id)
    expect(running?.completedAt).toBeFalsy()

    for (const pending of revalidations) pending.respond()
    expect(await worker.exited).toBe(0)
    expect(worker.output()).toContain('jobs worker stopped')
    const [done] = await jobsFor(ctx.payload, 'articles', draft.id)
    expect(done?.completedAt).toBeTruthy()
    expect(done?.processing).toBe(false)
    expect(await readableAnonymously(ctx.payload, 'articles', draft.id)).toBe(true)
  })
})
