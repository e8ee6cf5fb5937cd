/**
 * The embedded database's file, watched. libsql keeps its connections on the file it opened:
 * when the file goes away (moved, deleted, a volume unmounted) the next connection it opens
 * creates an empty database at the path, and when the real file comes back the process stays on
 * that phantom (every query: "no such table") until restarted. Found by tests/e2e/faults.e2e.ts.
 * `checkDatabaseFile` notices both: a missing file, and a file that is not the one connected to,
 * in which case it reconnects.
 */
import { statSync } from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

type SqliteAdapter = {
  name: string
  client?: { close: () => void }
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
    try {
      adapter.client?.close()
    } catch {
      // already unusable
    }
    adapter.client = undefined
    await adapter.connect({ hotReload: true })
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
