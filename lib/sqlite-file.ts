/**
 * The embedded database's file, watched. libsql keeps its connections on the file it opened,
 * so while the file is away (moved, deleted, a volume unmounted) an open connection still reads
 * it: `checkDatabaseFile` tells the health probe it is missing. When another file takes its
 * place (restored from a copy), it reconnects to that one. libsql would also create an empty
 * database at a missing path when a transaction hands its connection over; the transaction
 * wrapper refuses writes then (lib/sqlite-transactions.ts). Found by tests/e2e/faults.e2e.ts.
 */
import { statSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

type SqliteAdapter = {
  name: string
  client?: { close: () => void }
  drizzle?: unknown
  connect: (options?: { hotReload?: boolean }) => Promise<void>
}

export type DatabaseFileState = 'ok' | 'missing' | 'reconnected' | 'not-sqlite'

/** The identity of the file at `file`, or null when there is none. */
function identity(file: string): string | null {
  try {
    const stats = statSync(file)
    return `${stats.dev}:${stats.ino}`
  } catch {
    return null
  }
}

const connectedTo = new Map<string, string>()
let reconnecting: Promise<void> | null = null

/** The path of the SQLite file of a `file:` DATABASE_URI, or null for another database. */
export function sqliteFilePath(uri: string | undefined): string | null {
  if (!uri?.startsWith('file:')) return null
  return path.resolve(uri.slice('file:'.length).split('?')[0] ?? '')
}

/**
 * Checks that the process is connected to the database file at the configured path: 'missing'
 * when there is no file (queries would fail or create an empty one), 'reconnected' after
 * reconnecting to a file that replaced the one connected to, 'ok' otherwise.
 */
export async function checkDatabaseFile(payload: Payload): Promise<DatabaseFileState> {
  const file = sqliteFilePath(process.env.DATABASE_URI ?? 'file:./data/kiosque.db')
  const adapter = payload.db as unknown as SqliteAdapter
  if (!file || adapter.name !== 'sqlite') return 'not-sqlite'
  const current = identity(file)
  if (!current) return 'missing'
  const known = connectedTo.get(file)
  if (!known) {
    connectedTo.set(file, current)
    return 'ok'
  }
  if (known === current) return 'ok'
  reconnecting ??= (async () => {
    payload.logger.warn({ file }, 'The database file was replaced: reconnecting')
    const previous = { client: adapter.client, drizzle: adapter.drizzle }
    adapter.client = undefined
    try {
      await adapter.connect({ hotReload: true })
    } catch (error) {
      // Keep the previous connection rather than none; the next check tries again.
      adapter.client = previous.client
      adapter.drizzle = previous.drizzle
      throw error
    }
    try {
      previous.client?.close()
    } catch {
      // already unusable
    }
    connectedTo.set(file, identity(file) ?? current)
  })().finally(() => {
    reconnecting = null
  })
  await reconnecting
  return 'reconnected'
}

/** Checks the file every `intervalMs` in this server, so that pages recover without a probe. */
export function watchDatabaseFile(payload: Payload, intervalMs = 2000): void {
  if (!sqliteFilePath(process.env.DATABASE_URI ?? 'file:./data/kiosque.db')) return
  void checkDatabaseFile(payload)
  const timer = setInterval(() => {
    checkDatabaseFile(payload).catch((error: unknown) =>
      payload.logger.error({ err: error }, 'Database file check failed'),
    )
  }, intervalMs)
  timer.unref()
}
