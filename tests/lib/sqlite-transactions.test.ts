import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startPayload()
})

afterAll(async () => {
  await ctx?.close()
})

const consentText = 'J’accepte de recevoir la lettre.'

describe('SQLite writes with transactions on', () => {
  it('lets 40 concurrent sign-ups all succeed, each stored once', async () => {
    const emails = Array.from({ length: 40 }, (_, i) => `concurrent-${i}@exemple.fr`)
    const responses = await Promise.all(
      emails.map((email) =>
        ctx.rest('/api/subscribers', {
          method: 'POST',
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

  it('waits for a write lock held by another connection instead of failing', async () => {
    const other = createClient({ url: process.env.DATABASE_URI! })
    const tx = await other.transaction('write')
    await tx.execute('SELECT 1')
    const pending = ctx.payload.create({
      collection: 'subscribers',
      data: { email: 'patient@exemple.fr', consentText, status: 'pending' },
    })
    await new Promise((resolve) => setTimeout(resolve, 400))
    await tx.commit()
    other.close()
    await expect(pending).resolves.toMatchObject({ email: 'patient@exemple.fr' })
  })
})
