import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, expect, it } from '@jest/globals'

import { startPayload, type TestContext } from './helpers/payload'
import { describeSqliteOnly } from './helpers/sqlite-only'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startPayload()
})

afterAll(async () => {
  await ctx?.close()
})

type DrizzleKit = {
  generateDrizzleJson: (schema: unknown) => Promise<{ version: string }>
  generateMigration: (before: unknown, after: unknown) => Promise<string[]>
  upSnapshot?: (snapshot: unknown) => unknown
}

describeSqliteOnly(
  'committed migrations',
  'the migrations are SQL for the SQLite adapter; MongoDB runs none',
  () => {
    it('describe exactly the schema of the collections (run `npm run migrate:create -- <name>` after a change)', async () => {
      const db = ctx.payload.db as unknown as {
        schema: unknown
        requireDrizzleKit: () => DrizzleKit
      }
      const kit = db.requireDrizzleKit()
      const dir = path.resolve('migrations')
      const latest = readdirSync(dir)
        .filter((file) => file.endsWith('.json'))
        .sort()
        .at(-1)
      expect(latest).toBeDefined()
      const snapshot = JSON.parse(readFileSync(path.join(dir, latest!), 'utf8'))
      const current = await kit.generateDrizzleJson(db.schema)
      const statements = await kit.generateMigration(snapshot, current)
      expect(statements).toEqual([])
    })

    it('have all been applied to a fresh database at start', async () => {
      const { docs } = await ctx.payload.find({ collection: 'payload-migrations', limit: 100 })
      const files = readdirSync(path.resolve('migrations')).filter((f) => f.endsWith('.json'))
      expect(docs.map((d) => d.name).sort()).toEqual(
        files.map((f) => f.replace(/\.json$/, '')).sort(),
      )
    })
  },
)
