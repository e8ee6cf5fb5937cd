/**
 * The database file moved away and back under a running Payload (lib/sqlite-file.ts and the
 * transaction wrapper of lib/sqlite-transactions.ts).
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, renameSync } from 'node:fs'
import path from 'node:path'

import { checkDatabaseFile, sqliteFilePath } from '../../lib/sqlite-file'
import { startPayload, type TestContext } from '../helpers/payload'
import { describeSqliteOnly } from '../helpers/sqlite-only'

let ctx: TestContext
const file = sqliteFilePath(process.env.DATABASE_URI) ?? ''
const companions = ['', '-wal', '-shm']
const away = path.join(path.dirname(file), 'away')

function move(from: string, to: string) {
  for (const suffix of companions) {
    const source = path.join(from, path.basename(file) + suffix)
    if (existsSync(source)) renameSync(source, path.join(to, path.basename(file) + suffix))
  }
}

const createLink = (slug: string) =>
  ctx.payload.create({
    collection: 'affiliate-links',
    data: {
      label: slug,
      slug,
      merchant: 'Boutique',
      url: `https://shop.example/${slug}`,
      active: true,
    },
  })

beforeAll(async () => {
  ctx = await startPayload()
  mkdirSync(away)
})

afterAll(async () => {
  await ctx?.close()
})

describeSqliteOnly(
  'the database file',
  'moves the SQLite file away under a running Payload',
  () => {
    it('is reported missing, refuses writes without creating an empty file, and works once back', async () => {
      expect(await checkDatabaseFile(ctx.payload)).toBe('ok')
      await createLink('avant')
      move(path.dirname(file), away)
      try {
        expect(await checkDatabaseFile(ctx.payload)).toBe('missing')
        await expect(createLink('pendant')).rejects.toThrow()
        expect(existsSync(file)).toBe(false)
      } finally {
        move(away, path.dirname(file))
      }
      expect(await checkDatabaseFile(ctx.payload)).toBe('ok')
      await createLink('apres')
      const { docs } = await ctx.payload.find({ collection: 'affiliate-links', limit: 10 })
      expect(docs.map((link) => link.slug).sort()).toEqual(['apres', 'avant'])
    })
  },
)
