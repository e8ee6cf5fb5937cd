/*
 * `npm run measure:schedule -- [options]`: how late does a scheduled publication go live?
 *
 * Schedules --count publications at now + --first s, then every --step s (0: all at once; whole seconds,
 * as the admin's drawer schedules), and reports for each the lateness: the moment the article
 * became readable to an anonymous reader minus its scheduled second. Readability is polled with
 * the Local API and access control (default) or, with --url, as a reader would fetch the page
 * from a running app server (then cache expiry is measured too).
 *
 * --runner worker (default) starts `npm run worker` on the same database for the measurement;
 * --runner external leaves the jobs to what already runs them (the app server with
 * JOBS_RUNNER=app, or a worker). Figures are printed and written to
 * bench/results/schedule-lateness.json. The articles and jobs it creates are deleted at the end.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import type { Payload } from 'payload'
import { z } from 'zod'

import { doc, p } from '../seed/lexical'

const optionsSchema = z.object({
  count: z.coerce.number().int().min(1).max(50).default(5),
  first: z.coerce.number().int().min(2).max(600).default(3),
  step: z.coerce.number().int().min(0).max(600).default(2),
  runner: z.enum(['worker', 'external']).default('worker'),
  url: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  poll: z.coerce.number().int().min(5).max(1000).default(20),
})

const parsed = optionsSchema.safeParse(
  parseArgs({
    options: {
      count: { type: 'string' },
      first: { type: 'string' },
      step: { type: 'string' },
      runner: { type: 'string' },
      url: { type: 'string' },
      poll: { type: 'string' },
    },
  }).values,
)
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'))
  process.exit(2)
}
const options = parsed.data
// The app measured through --url must hear about every change, the final clean-up included.
if (options.url && process.env.REVALIDATE_URLS === undefined) {
  process.env.REVALIDATE_URLS = options.url
}
const [{ default: config }, { getPayload }] = await Promise.all([
  import('@payload-config'),
  import('payload'),
])

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** `npm run worker` on the same database, until stopped. */
async function startWorker(): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['node_modules/payload/bin.js', 'run', 'scripts/worker.ts'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, JOBS_RUNNER: 'worker', NODE_OPTIONS: '--conditions=production' },
    },
  )
  let output = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('running the queue')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`the worker exited (${code}):\n${output}`)))
  })
  return child
}

async function schedulingUser(payload: Payload) {
  const { docs } = await payload.find({
    collection: 'users',
    where: { roles: { in: ['admin', 'editor'] } },
    limit: 1,
    depth: 0,
  })
  if (docs[0]) return { user: docs[0], temporary: false }
  const user = await payload.create({
    collection: 'users',
    data: {
      email: `mesure-${randomBytes(4).toString('hex')}@kiosque.test`,
      password: randomBytes(24).toString('hex'),
      name: 'Mesure de la programmation',
      roles: ['editor'],
    },
  })
  return { user, temporary: true }
}

type Scheduled = { id: number | string; slug: string; at: Date; jobId: number | string }

async function isReadable(payload: Payload, item: Scheduled): Promise<boolean> {
  if (options.url) {
    const response = await fetch(`${options.url}/articles/${item.slug}`, {
      headers: { 'Cache-Control': 'no-cache' },
      redirect: 'manual',
    })
    await response.arrayBuffer()
    return response.status === 200
  }
  const { totalDocs } = await payload.count({
    collection: 'articles',
    where: { id: { equals: item.id } },
    overrideAccess: false,
  })
  return totalDocs === 1
}

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!

const payload = await getPayload({ config })
const worker = options.runner === 'worker' ? await startWorker() : null
const { user, temporary } = await schedulingUser(payload)
const run = randomBytes(3).toString('hex')
const scheduled: Scheduled[] = []
let exitCode = 0

try {
  const start = Math.ceil(Date.now() / 1000) * 1000
  for (let i = 0; i < options.count; i++) {
    const slug = `mesure-programmation-${run}-${i + 1}`
    const article = await payload.create({
      collection: 'articles',
      draft: true,
      data: {
        title: `Mesure de la programmation ${run} n° ${i + 1}`,
        slug,
        standfirst: 'Article créé par scripts/measure-schedule.ts, supprimé à la fin.',
        body: doc(p('Mesure.')),
        authors: [user.id],
        category: 'tech',
        _status: 'draft',
      },
    })
    const at = new Date(start + (options.first + i * options.step) * 1000)
    // The input the admin's drawer gives Payload's schedulePublish task.
    const job = await payload.jobs.queue({
      task: 'schedulePublish',
      waitUntil: at,
      input: {
        type: 'publish',
        doc: { relationTo: 'articles', value: article.id },
        user: { relationTo: 'users', value: user.id },
      },
    })
    scheduled.push({ id: article.id, slug, at, jobId: job.id })
  }
  if (Date.now() >= scheduled[0]!.at.getTime()) {
    throw new Error('scheduling took longer than --first: raise it')
  }

  const seen = new Map<number | string, number>()
  const deadline = scheduled.at(-1)!.at.getTime() + 30_000
  // One poller per article, side by side: a slow answer for one does not delay the others.
  await Promise.all(
    scheduled.map(async (item) => {
      while (Date.now() < deadline) {
        if (await isReadable(payload, item)) {
          // The end of the check that first saw it: an upper bound, as close as polling allows.
          const now = Date.now()
          if (now < item.at.getTime()) throw new Error(`${item.slug} was readable before its time`)
          seen.set(item.id, now)
          return
        }
        await sleep(options.poll)
      }
    }),
  )

  const rows = []
  for (const item of scheduled) {
    const job = await payload.findByID({ collection: 'payload-jobs', id: item.jobId, depth: 0 })
    const readableAt = seen.get(item.id)
    rows.push({
      scheduled: item.at.toISOString(),
      latenessMs: readableAt === undefined ? null : readableAt - item.at.getTime(),
      jobDoneAfterMs: job.completedAt
        ? new Date(job.completedAt).getTime() - item.at.getTime()
        : null,
      tries: job.totalTried ?? 0,
    })
  }
  console.table(rows)
  const lateness = rows
    .map((row) => row.latenessMs)
    .filter((ms): ms is number => ms !== null)
    .sort((a, b) => a - b)
  const missed = rows.length - lateness.length
  const summary = {
    measuredAt: new Date().toISOString(),
    runner: options.runner,
    readVia: options.url ? `GET ${options.url}/articles/<slug>` : 'Local API, anonymous',
    pollMs: options.poll,
    count: rows.length,
    missed,
    p50Ms: lateness.length ? percentile(lateness, 0.5) : null,
    maxMs: lateness.length ? lateness.at(-1)! : null,
    rows,
  }
  console.log(
    `lateness (readable − scheduled second): p50 ${summary.p50Ms} ms, max ${summary.maxMs} ms, ` +
      `${missed} not published within 30 s (poll every ${options.poll} ms, ${summary.readVia}, runner: ${options.runner})`,
  )
  const out = path.resolve('bench/results/schedule-lateness.json')
  mkdirSync(path.dirname(out), { recursive: true })
  writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`)
  console.log(`written to ${path.relative(process.cwd(), out)}`)
  if (missed > 0) exitCode = 1
} finally {
  if (worker) {
    worker.kill('SIGTERM')
    await new Promise((resolve) => worker.once('exit', resolve))
  }
  for (const item of scheduled) {
    await payload.delete({ collection: 'payload-jobs', id: item.jobId }).catch(() => undefined)
    await payload.delete({ collection: 'articles', id: item.id }).catch(() => undefined)
  }
  if (temporary) await payload.delete({ collection: 'users', id: user.id })
  await payload.destroy()
}
process.exit(exitCode)
