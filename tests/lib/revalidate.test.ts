import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { POST } from '../../app/(frontend)/api/revalidate/route'
import { afterCommit } from '../../lib/after-commit'
import { expireTags, isRevalidationKey, revalidationKey } from '../../lib/revalidate'
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
