/**
 * Faults, on extra production servers (tests/e2e/servers.ts) with their own database:
 * - the database gone (its files moved away) then back: cached pages keep answering 200,
 *   /api/health says 503, no error or empty page is cached, and everything recovers;
 * - `kill -9` of the server during concurrent writes (newsletter sign-ups, affiliate clicks,
 *   article saves and creations): after a restart every acknowledged write is there, a
 *   publication scheduled before the crash still happens, and an article withdrawn before it is
 *   not served from the disk cache.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, renameSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { doc, p } from '../../seed/lexical'
import { DEMO } from './helpers'
import { extraServer, type ExtraServer } from './servers'

const SEED_PASSWORD = `fault-${randomBytes(6).toString('hex')}`
const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36'
const ARTICLE = `/articles/${DEMO.article}`
const SERIES = `/series/${DEMO.series}`
const AUTHOR = '/auteurs/julien-moreau'

let server: ExtraServer
const savedEnv = { ...process.env }

async function call(pathname: string, init: RequestInit & { token?: string } = {}) {
  const { token, ...rest } = init
  const headers = new Headers(rest.headers)
  if (token) headers.set('Authorization', `JWT ${token}`)
  if (typeof rest.body === 'string') headers.set('Content-Type', 'application/json')
  const send = () => fetch(new URL(pathname, server.url), { ...rest, headers, redirect: 'manual' })
  // An idle keep-alive socket the server has just closed fails before anything is sent.
  const response = await send().catch((error: { cause?: { message?: string } }) => {
    if (error.cause?.message === 'other side closed') return send()
    throw error
  })
  return { status: response.status, headers: response.headers, text: await response.text() }
}

async function login(email: string): Promise<string> {
  const answer = await call('/api/users/login', {
    method: 'POST',
    body: JSON.stringify({ email, password: SEED_PASSWORD }),
  })
  if (answer.status !== 200) throw new Error(`login ${email}: ${answer.status}`)
  return (JSON.parse(answer.text) as { token: string }).token
}

function seed(env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'seed'], {
      cwd: path.resolve(import.meta.dirname, '..', '..'),
      env: { ...env, SEED_PASSWORD },
      stdio: 'ignore',
    })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed: ${code}`))))
  })
}

async function until(timeoutMs: number, check: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`)
}

beforeAll(async () => {
  server = await extraServer(4310)
  await server.start()
  await seed(server.env)
}, 300_000)

afterAll(async () => {
  if (process.env.FAULTS_LOG) console.log(server?.log().slice(-Number(process.env.FAULTS_LOG)))
  await server?.dispose()
  process.env = savedEnv
})

describe('the database gone', () => {
  it('keeps cached pages at 200, says 503 on /api/health, caches no error, and recovers', async () => {
    // Cache the article and the series; leave the author page uncached.
    for (const page of [ARTICLE, ARTICLE, SERIES, SERIES])
      expect((await call(page)).status).toBe(200)
    const cachedArticle = await call(ARTICLE)
    expect(cachedArticle.headers.get('x-nextjs-cache')).toBe('HIT')

    const files = ['kiosque.db', 'kiosque.db-wal', 'kiosque.db-shm']
    const away = path.join(server.dataDir, 'away')
    mkdirSync(away)
    for (const file of files) {
      const from = path.join(server.dataDir, file)
      if (existsSync(from)) renameSync(from, path.join(away, file))
    }
    try {
      await until(10_000, async () => (await call('/api/health')).status === 503, 'health 503')
      for (const page of [ARTICLE, SERIES]) {
        const answer = await call(page)
        expect(answer.status).toBe(200)
        expect(answer.text).toContain('Renault')
      }
      // An uncached page: its content (a connection opened before can still read the moved
      // file) or an error that is not cached; never a page without its content.
      for (let i = 0; i < 2; i += 1) {
        const answer = await call(AUTHOR)
        if (answer.status === 200) expect(answer.text).toContain('Julien Moreau')
        else {
          expect(answer.status).toBeGreaterThanOrEqual(500)
          expect(answer.headers.get('x-nextjs-cache')).not.toBe('HIT')
        }
      }
      // Never a 200 for an article that does not exist.
      expect((await call('/articles/pendant-la-panne')).status).not.toBe(200)
    } finally {
      for (const file of files) {
        const from = path.join(away, file)
        if (existsSync(from)) renameSync(from, path.join(server.dataDir, file))
      }
    }

    await until(15_000, async () => (await call('/api/health')).status === 200, 'health 200')
    const author = await call(AUTHOR)
    expect(author.status).toBe(200)
    expect(author.text).toContain('Julien Moreau')
    expect((await call(ARTICLE)).status).toBe(200)
    expect((await call(AUTHOR)).text).toContain('Julien Moreau')
    expect((await call('/articles/pendant-la-panne')).status).toBe(404)
  })
})

/** The fields of the article page's newsletter form, as a browser without JavaScript posts it. */
async function newsletterForm(): Promise<[string, string][]> {
  const { text } = await call(ARTICLE)
  const form = /<form[^>]*class="newsletter-form"[^>]*>([\s\S]*?)<\/form>/.exec(text)?.[1]
  if (!form) throw new Error('no newsletter form on the article page')
  const fields: [string, string][] = []
  for (const input of form.matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1]
    const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? ''
    if (name && /type="hidden"/.test(input[0])) fields.push([name, value.replace(/&quot;/g, '"')])
  }
  return fields
}

describe('kill -9 during concurrent writes', () => {
  let payload: Payload | undefined

  afterAll(async () => {
    await payload?.destroy()
  })

  it('loses no acknowledged write, and a schedule set before the crash still fires', async () => {
    const editor = await login(DEMO.editor)
    const me = JSON.parse((await call('/api/users/me', { token: editor })).text) as {
      user: { id: number | string }
    }
    const article = (slug: string) => ({
      title: `Article ${slug}`,
      slug,
      standfirst: 'Un chapô.',
      body: doc(p('Un texte.')),
      authors: [me.user.id],
      category: 'tech',
      _status: 'draft',
    })

    // A publication scheduled 40 s ahead, queued through the Local API on the server's database.
    process.env.DATABASE_URI = server.env.DATABASE_URI
    process.env.PAYLOAD_SECRET = server.env.PAYLOAD_SECRET
    process.env.SITE_URL = server.url
    process.env.JOBS_RUNNER = 'none'
    const [{ default: config }, { getPayload }] = await Promise.all([
      import('@payload-config'),
      import('payload'),
    ])
    payload = await getPayload({ config })
    const scheduledSlug = `apres-la-panne-${randomBytes(3).toString('hex')}`
    const scheduled = await call('/api/articles?draft=true', {
      method: 'POST',
      token: editor,
      body: JSON.stringify(article(scheduledSlug)),
    })
    expect(scheduled.status).toBe(201)
    const scheduledId = (JSON.parse(scheduled.text) as { doc: { id: number } }).doc.id
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 40_000)
    await payload.jobs.queue({
      task: 'schedulePublish',
      waitUntil: at,
      input: { type: 'publish', doc: { relationTo: 'articles', value: scheduledId } },
    })

    // Published, cached, then withdrawn before the crash: the restarted server must not serve
    // the page its disk cache still holds (Next keeps revalidated tags in memory only).
    const withdrawnSlug = `retire-avant-la-panne-${randomBytes(3).toString('hex')}`
    const withdrawn = await call('/api/articles?draft=true', {
      method: 'POST',
      token: editor,
      body: JSON.stringify(article(withdrawnSlug)),
    })
    const withdrawnId = (JSON.parse(withdrawn.text) as { doc: { id: number } }).doc.id
    const setStatus = (status: 'published' | 'draft') =>
      call(`/api/articles/${withdrawnId}`, {
        method: 'PATCH',
        token: editor,
        body: JSON.stringify({ _status: status }),
      })
    expect((await setStatus('published')).status).toBe(200)
    expect((await call(`/articles/${withdrawnSlug}`)).status).toBe(200)
    expect((await call(`/articles/${withdrawnSlug}`)).headers.get('x-nextjs-cache')).toBe('HIT')
    expect((await setStatus('draft')).status).toBe(200)

    const formFields = await newsletterForm()
    const saved = await call('/api/articles?draft=true', {
      method: 'POST',
      token: editor,
      body: JSON.stringify(article(`sauvegardes-${randomBytes(3).toString('hex')}`)),
    })
    const savedId = (JSON.parse(saved.text) as { doc: { id: number } }).doc.id

    const acked = { emails: [] as string[], clicks: 0, created: [] as number[], lastTitle: '' }
    let crashed = false
    const loop = async (write: (n: number) => Promise<void>) => {
      for (let n = 0; !crashed; n += 1) {
        try {
          await write(n)
        } catch {
          // the server is gone: what was not acknowledged may or may not be there
        }
      }
    }
    const signUps = (worker: number) =>
      loop(async (n) => {
        const email = `panne-${worker}-${n}@exemple.fr`
        const body = new FormData()
        for (const [name, value] of formFields) body.append(name, value)
        body.set('email', email)
        body.set('consent', 'on')
        const answer = await call(ARTICLE, { method: 'POST', body })
        if (answer.status === 200 && answer.text.includes('Merci !')) acked.emails.push(email)
      })
    const clicks = () =>
      loop(async () => {
        const answer = await call(`/go/${DEMO.offer}`, { headers: { 'user-agent': BROWSER } })
        if (answer.status === 302) acked.clicks += 1
      })
    const creations = () =>
      loop(async (n) => {
        const answer = await call('/api/articles?draft=true', {
          method: 'POST',
          token: editor,
          body: JSON.stringify(article(`panne-${n}-${randomBytes(3).toString('hex')}`)),
        })
        if (answer.status === 201) {
          acked.created.push((JSON.parse(answer.text) as { doc: { id: number } }).doc.id)
        }
      })
    const saves = () =>
      loop(async (n) => {
        const title = `Sauvegarde ${n}`
        const answer = await call(`/api/articles/${savedId}?draft=true`, {
          method: 'PATCH',
          token: editor,
          body: JSON.stringify({ title }),
        })
        if (answer.status === 200) acked.lastTitle = title
      })

    const writers = Promise.all([signUps(1), signUps(2), clicks(), clicks(), creations(), saves()])
    await new Promise((resolve) => setTimeout(resolve, 4000))
    await server.kill9()
    crashed = true
    await writers
    console.log(
      `[faults] acknowledged before kill -9: ${acked.emails.length} sign-ups, ${acked.clicks} clicks, ${acked.created.length} articles, last save "${acked.lastTitle}"`,
    )
    expect(acked.emails.length + acked.clicks + acked.created.length).toBeGreaterThan(0)

    await server.start()
    const admin = await login(DEMO.admin)
    for (let i = 0; i < acked.emails.length; i += 50) {
      const emails = acked.emails.slice(i, i + 50)
      const found = await call(
        `/api/subscribers?limit=100&depth=0&where[email][in]=${encodeURIComponent(emails.join(','))}`,
        { token: admin },
      )
      const docs = (JSON.parse(found.text) as { docs: { email: string }[] }).docs
      expect(docs.map((d) => d.email).sort()).toEqual([...emails].sort())
    }
    const clickCount = await call('/api/affiliate-clicks?limit=1&depth=0', { token: admin })
    expect((JSON.parse(clickCount.text) as { totalDocs: number }).totalDocs).toBeGreaterThanOrEqual(
      acked.clicks,
    )
    for (const id of acked.created) {
      expect((await call(`/api/articles/${id}?draft=true&depth=0`, { token: admin })).status).toBe(
        200,
      )
    }
    if (acked.lastTitle) {
      const latest = await call(`/api/articles/${savedId}?draft=true&depth=0`, { token: admin })
      const title = (JSON.parse(latest.text) as { title: string }).title
      // The last acknowledged save, or one sent after it that the crash did not stop.
      const number = (t: string) => Number(t.replace('Sauvegarde ', ''))
      expect(number(title)).toBeGreaterThanOrEqual(number(acked.lastTitle))
    }

    // The withdrawn article stays withdrawn.
    expect((await call(`/articles/${withdrawnSlug}`)).status).toBe(404)

    // The schedule queued before the crash runs on the restarted server.
    expect((await call(`/articles/${scheduledSlug}`)).status).toBe(404)
    await until(
      at.getTime() - Date.now() + 30_000,
      async () => (await call(`/articles/${scheduledSlug}`)).status === 200,
      'the scheduled article',
    )
  }, 240_000)
})
