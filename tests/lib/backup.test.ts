import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { afterAll, beforeAll, expect, it } from '@jest/globals'

import { backupSqlite, DATABASE_FILE, restoreSqlite, sqliteFile } from '../../lib/backup'
import { seedDemoContent } from '../../seed'
import { makeArticle } from '../helpers/fixtures'
import { startPayload, type TestContext } from '../helpers/payload'
import { describeSqliteOnly } from '../helpers/sqlite-only'

const DEMO_ARTICLE = 'renault-anatomie-dun-come-back-premier-episode'
const dir = process.env.KIOSQUE_TEST_DIR as string
let ctx: TestContext

async function publishedTitle(databaseFile: string, slug: string) {
  const client = createClient({ url: `file:${databaseFile}` })
  try {
    const result = await client.execute({
      sql: 'SELECT title, _status FROM articles WHERE slug = ?',
      args: [slug],
    })
    return result.rows[0] ? { title: result.rows[0].title, status: result.rows[0]._status } : null
  } finally {
    client.close()
  }
}

beforeAll(async () => {
  ctx = await startPayload()
  await seedDemoContent(ctx.payload, { password: 'backup-test-password' })
}, 120_000)

afterAll(async () => {
  await ctx?.close()
})

describeSqliteOnly(
  'backupSqlite and restoreSqlite',
  'backs up and restores the SQLite file; MongoDB uses mongodump',
  () => {
    const backup = path.join(dir, 'backup')
    const restored = `file:${path.join(dir, 'restored', DATABASE_FILE)}`

    it('backs up the live database while it is written to, media included', async () => {
      const author = (await ctx.payload.find({ collection: 'users', limit: 1 })).docs[0]!
      // Writes in flight during the backup: the copy is consistent, whichever of them it holds.
      const writes = Array.from({ length: 5 }, () =>
        makeArticle(ctx.payload, author.id, 'published'),
      )
      const manifest = await backupSqlite(process.env.DATABASE_URI as string, backup)
      await Promise.all(writes)
      expect(manifest.mediaFiles).toBeGreaterThanOrEqual(3)
      expect(readdirSync(path.join(backup, 'media'), { recursive: true }).length).toBeGreaterThan(0)
      expect(await publishedTitle(path.join(backup, DATABASE_FILE), DEMO_ARTICLE)).toEqual({
        title: expect.stringContaining('Renault'),
        status: 'published',
      })
    })

    it('restores it elsewhere: the demo article, published, and every media file', async () => {
      const manifest = await restoreSqlite(backup, restored)
      const file = sqliteFile(restored)
      expect(await publishedTitle(file, DEMO_ARTICLE)).toMatchObject({ status: 'published' })
      const media = path.join(path.dirname(file), 'media')
      const files = readdirSync(media, { recursive: true, withFileTypes: true }).filter((e) =>
        e.isFile(),
      )
      expect(files).toHaveLength(manifest.mediaFiles)
    })

    it('never overwrites a database without --force, nor restores a damaged backup', async () => {
      await expect(restoreSqlite(backup, restored)).rejects.toThrow(/exists.*--force/)
      await expect(restoreSqlite(backup, restored, { force: true })).resolves.toBeDefined()
      appendFileSync(path.join(backup, DATABASE_FILE), 'x')
      await expect(restoreSqlite(backup, restored, { force: true })).rejects.toThrow(
        /does not match its manifest/,
      )
      // The database in place is still the good one.
      expect(await publishedTitle(sqliteFile(restored), DEMO_ARTICLE)).not.toBeNull()
    })

    it('refuses a folder that exists and a MongoDB database', async () => {
      await expect(backupSqlite(process.env.DATABASE_URI as string, backup)).rejects.toThrow(
        /already exists/,
      )
      expect(() => sqliteFile('mongodb://mongo:27017/kiosque?replicaSet=rs0')).toThrow(/mongodump/)
      expect(existsSync(path.join(backup, 'manifest.json'))).toBe(true)
      expect(JSON.parse(readFileSync(path.join(backup, 'manifest.json'), 'utf8')).format).toBe(1)
    })
  },
)
