/**
 * Backups of the embedded database and its media, taken while the servers run.
 *
 * The database is copied with SQLite's `VACUUM INTO`: one read transaction writes a consistent,
 * compacted file, whatever the servers and the worker write meanwhile (WAL mode lets them). A
 * plain copy of kiosque.db could miss the pages still in kiosque.db-wal, or catch them halfway.
 * Media files never change once uploaded: they are copied after the database, so every file the
 * backed-up database names is there. MongoDB: see docs/DEPLOYMENT.md (mongodump/mongorestore).
 */
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { z } from 'zod'

import { dataDirFor } from './env'

export const DATABASE_FILE = 'kiosque.db'
export const MANIFEST_FILE = 'manifest.json'

export const manifestSchema = z.object({
  format: z.literal(1),
  createdAt: z.iso.datetime(),
  database: z.object({
    file: z.literal(DATABASE_FILE),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  mediaFiles: z.number().int().min(0),
})
export type Manifest = z.infer<typeof manifestSchema>

/** The SQLite file of a `file:` DATABASE_URI; anything else has no file to back up. */
export function sqliteFile(databaseUri: string): string {
  if (!databaseUri.startsWith('file:')) {
    throw new Error(
      'npm run backup and restore handle the embedded SQLite database only: for MongoDB use mongodump and mongorestore (docs/DEPLOYMENT.md)',
    )
  }
  return path.resolve(databaseUri.slice('file:'.length))
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) =>
    entry.isFile(),
  ).length
}

async function integrityCheck(file: string): Promise<void> {
  const client = createClient({ url: `file:${file}` })
  try {
    const result = await client.execute('PRAGMA integrity_check')
    const answer = String(result.rows[0]?.[0])
    if (answer !== 'ok') throw new Error(`${file}: integrity check failed (${answer})`)
  } finally {
    client.close()
  }
}

/** Writes a backup of the database and its media folder into `outDir` (which must not exist). */
export async function backupSqlite(databaseUri: string, outDir: string): Promise<Manifest> {
  const source = sqliteFile(databaseUri)
  if (!existsSync(source)) throw new Error(`no database at ${source}`)
  if (existsSync(outDir)) throw new Error(`${outDir} already exists: choose a new folder`)
  mkdirSync(outDir, { recursive: true })
  const target = path.join(outDir, DATABASE_FILE)
  const client = createClient({ url: `file:${source}` })
  try {
    // Wait for a writer rather than fail: servers and the worker write all the time.
    await client.execute('PRAGMA busy_timeout = 10000')
    await client.execute({ sql: 'VACUUM INTO ?', args: [target] })
  } finally {
    client.close()
  }
  await integrityCheck(target)
  const media = path.join(dataDirFor(databaseUri), 'media')
  if (existsSync(media)) cpSync(media, path.join(outDir, 'media'), { recursive: true })
  const manifest: Manifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    database: { file: DATABASE_FILE, sha256: sha256(target) },
    mediaFiles: countFiles(path.join(outDir, 'media')),
  }
  writeFileSync(path.join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)
  return manifest
}

/**
 * Puts a backup in place of the database of `databaseUri` and its media folder. Run it with the
 * servers and the worker stopped. An existing database is only replaced with `force`.
 */
export async function restoreSqlite(
  backupDir: string,
  databaseUri: string,
  { force = false } = {},
): Promise<Manifest> {
  const manifestPath = path.join(backupDir, MANIFEST_FILE)
  if (!existsSync(manifestPath)) throw new Error(`${backupDir} holds no ${MANIFEST_FILE}`)
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(manifestPath, 'utf8')))
  if (!parsed.success) throw new Error(`${manifestPath}: not a Kiosque backup manifest`)
  const manifest = parsed.data
  const backupFile = path.join(backupDir, DATABASE_FILE)
  if (!existsSync(backupFile) || sha256(backupFile) !== manifest.database.sha256) {
    throw new Error(`${backupFile} is missing or does not match its manifest: not restored`)
  }
  await integrityCheck(backupFile)

  const target = sqliteFile(databaseUri)
  if (existsSync(target) && !force) {
    throw new Error(`${target} exists: stop the servers and the worker, then restore with --force`)
  }
  mkdirSync(path.dirname(target), { recursive: true })
  // Copied beside the target, then renamed over it: the database is never half-written. The
  // old WAL and shared-memory files belong to the old database and must not be replayed.
  const incoming = `${target}.restoring`
  cpSync(backupFile, incoming)
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true })
  renameSync(incoming, target)

  const media = path.join(dataDirFor(databaseUri), 'media')
  rmSync(media, { recursive: true, force: true })
  const backupMedia = path.join(backupDir, 'media')
  if (existsSync(backupMedia)) cpSync(backupMedia, media, { recursive: true })
  return manifest
}
