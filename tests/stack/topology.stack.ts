/**
 * The production topology on this machine (`npm run test:stack` starts it): nginx in front of
 * two app instances that share Next's cache on Redis, and the jobs worker.
 *
 * - a publication on instance A shows on instance B within 2 s, through the proxy within 1 s;
 * - a revalidation posted to A alone (as the worker does) expires B's cached page;
 * - the proxy never caches the admin, the API, previews, /go/, the newsletter links, nor
 *   requests carrying a session or draft-mode cookie (its X-Cache-Status header says so);
 * - the worker killed, a publication scheduled meanwhile fires once, when it is restarted;
 * - with instance B killed, the proxy keeps serving from A.
 */
import { spawn } from 'node:child_process'
import { createHmac, randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import createRedisHandler from '@fortedigital/nextjs-cache-handler/redis-strings'
import { createClient } from '@redis/client'

import { withMemoryInFront } from '../../lib/cache-memory-layer.mjs'
import { METER_COOKIE } from '../../lib/meter'
import { doc, p } from '../../seed/lexical'
import { api, DEMO, get, login, within } from '../e2e/helpers'
import { jobsFor, publishedVersions } from '../helpers/jobs'

const PROXY = required('STACK_PROXY_URL')
const [APP_A, APP_B] = required('STACK_APP_URLS').split(',') as [string, string]
const APP_B_PID = Number(required('STACK_APP_B_PID'))
const REDIS_PID = Number(required('STACK_REDIS_PID'))

function required(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: run these tests with \`npm run test:stack\``)
  return value
}

const TOKEN = `pile${randomBytes(5).toString('hex')}`
const SLUG = `pile-${randomBytes(4).toString('hex')}`
type Doc = { id: number | string; slug: string }

let editor: { token: string; id: number | string }
let article: Doc
const figures: Record<string, number> = {}

const cacheStatus = async (url: string, init: RequestInit = {}) =>
  (await get(url, init)).headers.get('x-cache-status')

beforeAll(async () => {
  editor = await login(DEMO.editor)
  const created = await api<{ doc: Doc }>('/api/articles?draft=true', {
    method: 'POST',
    token: editor.token,
    body: JSON.stringify({
      title: `Article ${TOKEN}`,
      slug: SLUG,
      standfirst: `Chapô ${TOKEN}`,
      body: doc(p(`Texte ${TOKEN}.`)),
      authors: [editor.id],
      category: 'mobilite',
      _status: 'draft',
    }),
  })
  article = created.doc
})

afterAll(async () => {
  if (article) {
    await api(`/api/articles/${article.id}`, { method: 'DELETE', token: editor.token }).catch(
      () => undefined,
    )
  }
  const dir = path.resolve('bench/results')
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    path.join(dir, 'stack-revalidation.json'),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), milliseconds: figures }, null, 2)}\n`,
  )
  console.log(`publication visible after (ms): ${JSON.stringify(figures)}`)
})

describe('the shared cache', () => {
  it('shows an article published on instance A on instance B within 2 s and through the proxy within 1 s of the save', async () => {
    const page = `/articles/${SLUG}`
    // B renders and caches the "not found" page and its home page before the publication.
    expect((await get(`${APP_B}${page}`)).status).toBe(404)
    await get(`${APP_B}/`)
    expect((await get(`${PROXY}${page}`)).status).toBe(404)
    await get(`${PROXY}/`)
    expect((await get(`${PROXY}/`)).headers.get('x-cache-status')).toBe('HIT')

    await api(`/api/articles/${article.id}`, {
      method: 'PATCH',
      token: editor.token,
      body: JSON.stringify({ _status: 'published' }),
    })
    const published = Date.now()
    const shows = (url: string) => async () => {
      const answer = await get(url)
      return answer.status === 200 && answer.text.includes(TOKEN)
    }
    await within(2000, shows(`${APP_B}${page}`), 'the article on instance B')
    figures.instanceB = Date.now() - published
    await within(2000, shows(`${APP_B}/`), 'the home page of instance B')
    figures.instanceBHome = Date.now() - published
    // The app refreshes the article's page and the home page in the proxy after the save
    // (lib/proxy-refresh.ts): readers need not wait for the micro-cache, which lasts 1–2 s.
    // Within 1 s of the save, so the first of the two refresh passes must have stored the new
    // page: the second lands a second after it, and a first pass sent before the app's cache
    // was expired (lib/pending-revalidations.mjs) showed only then, after about 1.25 s.
    const untilOneSecond = () => Math.max(0, published + 1000 - Date.now())
    await within(untilOneSecond(), shows(`${PROXY}${page}`), 'the article through the proxy')
    figures.proxy = Date.now() - published
    await within(untilOneSecond(), shows(`${PROXY}/`), 'the home page through the proxy')
    figures.proxyHome = Date.now() - published
  })

  it('expires B’s cached page when the worker’s revalidation reaches A alone', async () => {
    const page = `${APP_B}/articles/${DEMO.article}`
    await get(page)
    expect((await get(page)).headers.get('x-nextjs-cache')).toBe('HIT')

    // What lib/revalidate.ts sends from a job: the tags, signed with the key from the secret.
    const key = createHmac('sha256', required('STACK_PAYLOAD_SECRET'))
      .update('kiosque:revalidate')
      .digest('hex')
    const answer = await get(`${APP_A}/api/revalidate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ tags: [`article:${DEMO.article}`] }),
    })
    expect(answer.status).toBe(200)
    expect((await get(page)).headers.get('x-nextjs-cache')).not.toBe('HIT')
    expect((await get(page)).headers.get('x-nextjs-cache')).toBe('HIT')
  })

  it('serves repeated hits from each instance’s memory, and drops them on a write anywhere', async () => {
    // Two instances' layers, on the stack's Redis with the handler the app uses, under a prefix
    // of their own. A raw client deletes an entry behind their back to tell memory from Redis.
    const prefix = `test-${TOKEN}:`
    const clients = [0, 1, 2].map(() => createClient({ url: required('STACK_REDIS_URL') }))
    await Promise.all(clients.map((client) => client.connect()))
    try {
      const [a, b] = clients.slice(0, 2).map((client) =>
        withMemoryInFront(createRedisHandler({ client, keyPrefix: prefix }), client, {
          generationKey: `${prefix}generation`,
        }),
      )
      const raw = clients[2]!
      const entry = {
        lastModified: Date.now(),
        lifespan: null,
        tags: ['article:essai'],
        value: { kind: 'FETCH', data: { headers: {}, body: '"v1"', url: '' }, revalidate: 60 },
      }
      await a!.set('k', entry)
      expect((await b!.get('k', { implicitTags: [] }))?.value).toEqual(entry.value)
      await raw.del(`${prefix}k`)
      // Gone from Redis, unknown to the layers: B serves its copy.
      expect((await b!.get('k', { implicitTags: [] }))?.value).toEqual(entry.value)
      await a!.set('k', {
        ...entry,
        value: { ...entry.value, data: { ...entry.value.data, body: '"v2"' } },
      })
      expect((await b!.get('k', { implicitTags: [] }))?.value.data.body).toBe('"v2"')
      await a!.revalidateTag('article:essai')
      expect(await b!.get('k', { implicitTags: [] })).toBeNull()
    } finally {
      await Promise.all(clients.map((client) => client.quit()))
    }
  })

  it('serves the pages the others cached as hits from an instance that has just started', async () => {
    const page = `/articles/${DEMO.article}`
    await get(`${APP_A}${page}`)
    expect((await get(`${APP_A}${page}`)).headers.get('x-nextjs-cache')).toBe('HIT')
    // A third instance of the stack, as a replica added under load would be.
    const port = Number(required('STACK_SPARE_PORT'))
    const url = `http://127.0.0.1:${port}`
    const child = spawn(
      process.execPath,
      ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)],
      {
        env: {
          ...process.env,
          NODE_ENV: 'production',
          NEXT_TELEMETRY_DISABLED: '1',
          PORT: String(port),
          SITE_URL: PROXY,
          DATABASE_URI: required('STACK_DATABASE_URI'),
          PAYLOAD_SECRET: required('STACK_PAYLOAD_SECRET'),
          REDIS_URL: required('STACK_REDIS_URL'),
          REVALIDATE_URLS: required('STACK_REVALIDATE_URLS'),
          JOBS_RUNNER: 'worker',
        },
        stdio: 'ignore',
        detached: true,
      },
    )
    try {
      await within(
        60_000,
        async () => (await get(`${url}/api/health`).catch(() => null))?.status === 200,
        'the new instance',
      )
      // Next gives a page whose lifetime it does not know a lifetime of one second: without the
      // lifetime kept in Redis (lib/next-cache-handler.mjs) this answered STALE and rendered the
      // page again, and the write made every instance drop its memory copies.
      const first = await get(`${url}${page}`)
      expect(first.status).toBe(200)
      expect(first.headers.get('x-nextjs-cache')).toBe('HIT')
    } finally {
      process.kill(-child.pid!, 'SIGKILL')
    }
  })
})

describe('the proxy', () => {
  it('micro-caches reader pages, the reading meter’s cookie included', async () => {
    const page = `${PROXY}/articles/${DEMO.article}`
    await get(page)
    expect(await cacheStatus(page)).toMatch(/^(HIT|UPDATING|STALE)$/)
    const withMeter = { headers: { Cookie: `${METER_COOKIE}=abc123` } }
    await get(page, withMeter)
    expect(await cacheStatus(page, withMeter)).toMatch(/^(HIT|UPDATING|STALE)$/)
    expect(await cacheStatus(`${PROXY}/_next/static/not-a-file.js`)).not.toBe('OFF')
  })

  it('never caches the admin, the API, previews, affiliate redirects or newsletter links', async () => {
    const paths = [
      '/admin',
      '/admin/login',
      '/api/health',
      `/api/articles?where[slug][equals]=${DEMO.article}`,
      '/api/graphql?query=%7B__typename%7D',
      `/preview?collection=articles&slug=${DEMO.article}`,
      `/go/${DEMO.offer}`,
      '/newsletter/confirm?token=inconnu',
    ]
    for (const pathname of paths) {
      for (let i = 0; i < 3; i++) {
        expect([pathname, await cacheStatus(`${PROXY}${pathname}`)]).toEqual([pathname, 'OFF'])
      }
    }
  })

  it('never serves nor stores a page for a session or in draft mode', async () => {
    const page = `${PROXY}/series/${DEMO.series}`
    for (const cookie of [`payload-token=${editor.token}`, '__prerender_bypass=forged']) {
      for (let i = 0; i < 3; i++) {
        expect([cookie, await cacheStatus(page, { headers: { Cookie: cookie } })]).toEqual([
          cookie,
          'BYPASS',
        ])
      }
    }
  })

  it('never caches a form post (server actions)', async () => {
    const page = `${PROXY}/articles/${DEMO.article}`
    for (let i = 0; i < 3; i++) {
      const status = await cacheStatus(page, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', 'Next-Action': 'inconnue' },
        body: '[]',
      })
      expect(status).not.toMatch(/^(HIT|STALE|UPDATING)$/)
    }
  })
})

describe('the worker', () => {
  let restarted: ReturnType<typeof spawn> | undefined

  afterAll(() => {
    if (restarted?.pid) process.kill(-restarted.pid, 'SIGTERM')
  })

  it('killed, then restarted: a publication scheduled meanwhile fires once, on every instance', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      NODE_OPTIONS: '--conditions=production',
      DATABASE_URI: required('STACK_DATABASE_URI'),
      PAYLOAD_SECRET: required('STACK_PAYLOAD_SECRET'),
      SITE_URL: PROXY,
      JOBS_RUNNER: 'worker',
      REVALIDATE_URLS: required('STACK_REVALIDATE_URLS'),
    }
    // The test process reads and queues through the Local API, as the admin's drawer does.
    Object.assign(process.env, {
      DATABASE_URI: env.DATABASE_URI,
      PAYLOAD_SECRET: env.PAYLOAD_SECRET,
      JOBS_RUNNER: 'none',
    })
    const [{ default: config }, { getPayload }] = await Promise.all([
      import('@payload-config'),
      import('payload'),
    ])
    const payload = await getPayload({ config })
    const slug = `${SLUG}-programme`
    const created = await api<{ doc: Doc }>('/api/articles?draft=true', {
      method: 'POST',
      token: editor.token,
      body: JSON.stringify({
        title: `Programmé ${TOKEN}`,
        slug,
        standfirst: 'Un chapô programmé.',
        body: doc(p('Un texte programmé.')),
        authors: [editor.id],
        category: 'tech',
        _status: 'draft',
      }),
    })
    process.kill(-Number(required('STACK_WORKER_PID')), 'SIGKILL')
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2000)
    await payload.jobs.queue({
      task: 'schedulePublish',
      waitUntil: at,
      // payload-types.ts is generated on SQLite (numeric ids); MongoDB's are strings.
      input: { type: 'publish', doc: { relationTo: 'articles', value: created.doc.id as number } },
    })
    // No worker: the second passes and nothing is published.
    await new Promise((resolve) => setTimeout(resolve, at.getTime() + 1500 - Date.now()))
    expect((await get(`${APP_B}/articles/${slug}`)).status).toBe(404)

    restarted = spawn(
      process.execPath,
      ['node_modules/payload/bin.js', 'run', 'scripts/worker.ts'],
      { env, stdio: 'ignore', detached: true },
    )
    for (const base of [APP_B, PROXY]) {
      await within(
        30_000,
        async () => (await get(`${base}/articles/${slug}`)).status === 200,
        `the scheduled article on ${base}`,
      )
    }
    // The job records its completion once the publication's effects are done, the servers'
    // caches expired included: readers may see the page a moment before.
    await within(
      5000,
      async () => Boolean((await jobsFor(payload, 'articles', created.doc.id))[0]?.completedAt),
      'the job’s completion',
    )
    expect(await jobsFor(payload, 'articles', created.doc.id)).toHaveLength(1)
    expect(await publishedVersions(payload, 'articles', created.doc.id)).toBe(1)
    await api(`/api/articles/${created.doc.id}`, { method: 'DELETE', token: editor.token })
    await payload.destroy()
  })
})

describe('an instance down', () => {
  it('keeps the site up through the proxy when instance B is killed', async () => {
    process.kill(-APP_B_PID, 'SIGKILL')
    await within(
      5000,
      async () =>
        !(await get(`${APP_B}/api/health`).then(
          () => true,
          () => false,
        )),
      'B down',
    )
    for (let i = 0; i < 10; i++) {
      // A query string the cache has never seen: each request goes to an app instance.
      const page = await get(`${PROXY}/articles/${DEMO.article}?n=${i}-${TOKEN}`)
      expect(page.status).toBe(200)
      expect((await get(`${PROXY}/api/health`)).status).toBe(200)
    }
  })

  it('keeps rendering, uncached, when Redis is gone too', async () => {
    process.kill(-REDIS_PID, 'SIGKILL')
    for (let i = 0; i < 5; i++) {
      const page = await get(`${APP_A}/articles/${DEMO.article}?sans-redis=${i}`)
      expect(page.status).toBe(200)
      expect(page.text).toContain('Renault')
    }
  })
})
