import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { POST } from '../../app/(frontend)/api/revalidate/route'
import { afterCommit } from '../../lib/after-commit'
import { trackRevalidation } from '../../lib/pending-revalidations.mjs'
import {
  answerOnceExpired,
  expireTags,
  isRevalidationKey,
  refreshProxyOnceExpired,
  revalidationKey,
} from '../../lib/revalidate'
import { startPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startPayload()
})

afterAll(async () => {
  await ctx?.close()
})

const post = (body: unknown, key?: string) =>
  POST(
    new Request('http://localhost:3000/api/revalidate', {
      method: 'POST',
      headers: key ? { Authorization: `Bearer ${key}` } : {},
      body: JSON.stringify(body),
    }),
  )

describe('POST /api/revalidate', () => {
  it('refuses a request without the signed key, or with another one', async () => {
    expect((await post({ tags: ['articles'] })).status).toBe(401)
    expect((await post({ tags: ['articles'] }, 'a'.repeat(64))).status).toBe(401)
    expect(isRevalidationKey(revalidationKey())).toBe(true)
  })

  it.each([{}, { tags: [] }, { tags: ['<script>'] }, { tags: ['article:../x'] }, 'texte'])(
    'refuses the body %j',
    async (body) => {
      expect((await post(body, revalidationKey())).status).toBe(400)
    },
  )
})

/** A revalidation as the cache handler records it, finished when the test says so. */
function startedRevalidation() {
  let finish!: () => void
  const promise = trackRevalidation(new Promise<void>((resolve) => (finish = resolve)))
  return { promise, finish }
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 20))

describe('what runs once a revalidating answer is sent', () => {
  it('refreshes the proxy only once the revalidations Next started are done', async () => {
    const revalidation = startedRevalidation()
    const refreshed: string[][] = []
    const done = refreshProxyOnceExpired(
      ['article:x'],
      () => {},
      async (tags) => {
        refreshed.push(tags)
      },
    )
    await tick()
    expect(refreshed).toEqual([])
    revalidation.finish()
    await done
    expect(refreshed).toEqual([['article:x']])
  })

  it('refreshes after a revalidation that failed too (the cache handler logs it)', async () => {
    const failed = trackRevalidation(Promise.reject(new Error('Redis away')))
    failed.catch(() => {})
    const refreshed: string[][] = []
    await refreshProxyOnceExpired(
      ['articles'],
      () => {},
      async (tags) => {
        refreshed.push(tags)
      },
    )
    expect(refreshed).toEqual([['articles']])
  })

  it('ends the answer of /api/revalidate only once the revalidations are done', async () => {
    const revalidation = startedRevalidation()
    const answer = answerOnceExpired({ revalidated: ['articles'] })
    expect(answer.headers.get('cache-control')).toBe('no-store')
    let body: unknown
    const read = answer.json().then((value) => (body = value))
    await tick()
    expect(body).toBeUndefined()
    revalidation.finish()
    await read
    expect(body).toEqual({ revalidated: ['articles'] })
  })
})

describe('expireTags outside a Next.js request', () => {
  it('posts the tags, signed and once each, to every app server', async () => {
    const received: { auth?: string; body: string }[] = []
    const server = createServer((req: IncomingMessage, res) => {
      let body = ''
      req.on('data', (chunk) => (body += chunk))
      req.on('end', () => {
        received.push({ auth: req.headers.authorization, body })
        res.writeHead(200).end('{}')
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    try {
      await expireTags(['article:un-article', 'articles', 'articles'], {
        servers: [`http://127.0.0.1:${port}`],
        log: () => {},
      })
    } finally {
      server.close()
    }
    expect(received).toEqual([
      {
        auth: `Bearer ${revalidationKey()}`,
        body: JSON.stringify({ tags: ['article:un-article', 'articles'] }),
      },
    ])
  })
})

describe('afterCommit', () => {
  it('runs once the transaction commits, and never when it rolls back', async () => {
    const ran: string[] = []
    // A hook-like sequence: begin, register, then commit or roll back.
    const db = ctx.payload.db
    for (const outcome of ['commit', 'rollback'] as const) {
      const transactionID = await db.beginTransaction()
      const req = { transactionID, payload: ctx.payload } as never
      await afterCommit(req, () => {
        ran.push(outcome)
      })
      expect(ran).toEqual(outcome === 'commit' ? [] : ['commit'])
      if (outcome === 'commit') await db.commitTransaction(transactionID!)
      else await db.rollbackTransaction(transactionID!)
    }
    expect(ran).toEqual(['commit'])
  })

  it('runs at once when there is no transaction', async () => {
    let ran = false
    await afterCommit({ payload: ctx.payload } as never, () => {
      ran = true
    })
    expect(ran).toBe(true)
  })
})
