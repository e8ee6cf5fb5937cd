import { spawn } from 'node:child_process'
import { afterAll, beforeAll, expect, it } from '@jest/globals'

import { startPayload, type TestContext } from '../helpers/payload'
import { describeSqliteOnly } from '../helpers/sqlite-only'

let ctx: TestContext
let adminToken: string

beforeAll(async () => {
  ctx = await startPayload()
  // Subscribers are written over REST by admins only (readers go through the form).
  adminToken = (await ctx.createUser(['admin'])).token
})

afterAll(async () => {
  await ctx?.close()
})

const consentText = 'J’accepte de recevoir la lettre.'

/**
 * Another process that takes SQLite's write lock `rounds` times, holding it `holdMs` each time:
 * what the seed or a second app instance does to this one.
 */
async function lockHolder({ holdMs, rounds }: { holdMs: number; rounds: number }) {
  const script = `
    const { createClient } = require('@libsql/client')
    const client = createClient({ url: process.env.DATABASE_URI })
    client.execute('PRAGMA busy_timeout = 5000').then(async () => {
      for (let i = 0; i < ${rounds}; i++) {
        // Each transaction takes a new connection, which needs the timeout too.
        await client.execute('PRAGMA busy_timeout = 5000')
        const tx = await client.transaction('write')
        if (i === 0) console.log('locked')
        await new Promise((r) => setTimeout(r, ${holdMs}))
        await tx.commit()
        await new Promise((r) => setTimeout(r, 3))
      }
      client.close()
    })`
  const child = spawn(process.execPath, ['-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
    // Jest gives tests their own copy of process.env: pass the database on explicitly.
    env: { ...process.env, DATABASE_URI: process.env.DATABASE_URI },
  })
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve())
    child.once('exit', (code) => reject(new Error(`lock holder exited early (${code})`)))
  })
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return { done }
}

describeSqliteOnly('SQLite writes with transactions on', 'the SQLite transaction wrapper', () => {
  it('lets 40 concurrent sign-ups all succeed, each stored once', async () => {
    const emails = Array.from({ length: 40 }, (_, i) => `concurrent-${i}@exemple.fr`)
    const responses = await Promise.all(
      emails.map((email) =>
        ctx.rest('/api/subscribers', {
          method: 'POST',
          token: adminToken,
          body: JSON.stringify({ email, consentText }),
        }),
      ),
    )
    expect(responses.map((r) => r.status)).toEqual(emails.map(() => 201))
    const { totalDocs } = await ctx.payload.count({
      collection: 'subscribers',
      where: { email: { like: 'concurrent-' } },
    })
    expect(totalDocs).toBe(40)
  })

  it('rolls back a failed write completely while others go through', async () => {
    const results = await Promise.allSettled([
      ctx.payload.create({
        collection: 'subscribers',
        data: { email: 'ok-1@exemple.fr', consentText, status: 'pending' },
      }),
      ctx.payload.create({
        collection: 'subscribers',
        data: { email: 'bad', consentText, status: 'pending' },
      }),
      ctx.payload.create({
        collection: 'subscribers',
        data: { email: 'ok-2@exemple.fr', consentText, status: 'pending' },
      }),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    const { totalDocs } = await ctx.payload.count({
      collection: 'subscribers',
      where: { email: { equals: 'bad' } },
    })
    expect(totalDocs).toBe(0)
  })

  it('waits for a write lock held by another process instead of failing', async () => {
    const holder = await lockHolder({ holdMs: 400, rounds: 1 })
    const saved = await ctx.payload.create({
      collection: 'subscribers',
      data: { email: 'patient@exemple.fr', consentText, status: 'pending' },
    })
    await holder.done
    expect(saved.email).toBe('patient@exemple.fr')
    const { totalDocs } = await ctx.payload.count({
      collection: 'subscribers',
      where: { email: { equals: 'patient@exemple.fr' } },
    })
    expect(totalDocs).toBe(1)
  })
})

describeSqliteOnly(
  'SQLite writes while another process keeps taking the write lock',
  "a libsql client holds SQLite's write lock",
  () => {
    it('loses none of 30 sign-ups (Payload would swallow a failed COMMIT)', async () => {
      const holder = await lockHolder({ holdMs: 15, rounds: 60 })
      const emails = Array.from({ length: 30 }, (_, i) => `contention-${i}@exemple.fr`)
      const results = await Promise.allSettled(
        emails.map((email) =>
          ctx.payload.create({
            collection: 'subscribers',
            data: { email, consentText, status: 'pending' },
          }),
        ),
      )
      await holder.done
      expect(results.filter((r) => r.status === 'rejected')).toEqual([])
      const { totalDocs } = await ctx.payload.count({
        collection: 'subscribers',
        where: { email: { like: 'contention-' } },
      })
      expect(totalDocs).toBe(30)
    })
  },
)

describeSqliteOnly(
  'SQLite writes outside a transaction while another process writes',
  "a libsql client holds SQLite's write lock",
  () => {
    it('wait for the lock too: a job queued after a transaction, while a worker claims jobs', async () => {
      // A transaction hands its connection over to itself; libsql opens a new one for the next
      // statement outside any transaction, which needs the busy timeout as well.
      await ctx.payload.create({
        collection: 'subscribers',
        data: { email: 'before-queue@exemple.fr', consentText, status: 'pending' },
      })
      const holder = await lockHolder({ holdMs: 300, rounds: 1 })
      // Payload queues a job with a plain insert, no transaction (what the schedule drawer does).
      const job = await ctx.payload.jobs.queue({
        task: 'expireCacheTags',
        input: { tags: ['articles'] },
        waitUntil: new Date(Date.now() + 3_600_000),
      })
      await holder.done
      expect(
        await ctx.payload.count({ collection: 'payload-jobs', where: { id: { equals: job.id } } }),
      ).toEqual({ totalDocs: 1 })
    })
  },
)
