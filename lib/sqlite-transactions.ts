import { existsSync } from 'node:fs'

import { E_TIMEOUT, Mutex, withTimeout } from 'async-mutex'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

import { sqliteFilePath } from './sqlite-file'

/** How long a write transaction waits for the one before it in this process. */
export const BUSY_TIMEOUT_MS = 15_000
/** How long SQLite waits for a write lock held by another process (the seed, a worker). */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000

type TransactionId = number | string | Promise<number | string>
type LibsqlClient = {
  execute: (sql: string) => Promise<unknown>
  transaction: (mode?: string) => Promise<unknown>
}
const patched = new WeakSet<object>()

/**
 * libsql opens a fresh connection for each transaction, without the busy timeout of the first
 * one: BEGIN then fails at once with SQLITE_BUSY while another process writes, the failed
 * statement stays pending on the connection, its later COMMIT fails too ("SQL statements in
 * progress"), and Payload's SQLite adapter swallows that: the write is silently lost. Setting the
 * busy timeout on the connection right before BEGIN makes SQLite wait for the other process.
 *
 * The transaction keeps that connection, and libsql lazily opens another one for the statements
 * that follow outside any transaction (Payload queues a job with a plain insert): it needs the
 * timeout as well, or such a write fails with "database is locked" whenever a worker holds the
 * lock. It gets it at once, before any other statement can run on it.
 */
export function setBusyTimeoutOnEachTransaction(client: LibsqlClient, file?: string | null) {
  if (patched.has(client)) return
  patched.add(client)
  const transaction = client.transaction.bind(client)
  const pragma = `PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`
  client.transaction = async (mode) => {
    // The transaction takes this connection and libsql opens the next one at the path: with the
    // file gone, that would create an empty database there, which this process would then keep
    // using after the file came back (tests/e2e/faults.e2e.ts). Refuse the write instead.
    if (file && !existsSync(file)) throw new Error(`The database file is missing: ${file}`)
    // Runs on the connection the transaction is about to take over.
    await client.execute(pragma)
    // libsql's transaction() and execute() run synchronously up to their result: the BEGIN and
    // the hand-over happen in the first call, the PRAGMA opens the next connection in the second.
    const started = transaction(mode)
    const nextConnection = client.execute(pragma)
    const [tx] = await Promise.all([started, nextConnection])
    return tx
  }
}

/**
 * Within one process, write transactions run one at a time: libsql's synchronous driver cannot
 * wait for a lock held by another connection of the same process without blocking the very code
 * that would release it, so concurrent Payload transactions failed with SQLITE_BUSY. Reads
 * never wait (WAL mode); other processes are waited for by SQLite's busy timeout (above).
 */
export function serializeTransactions<T extends BaseDatabaseAdapter>(adapter: T): T {
  const lock = withTimeout(new Mutex(), BUSY_TIMEOUT_MS)
  const releases = new Map<number | string, () => void>()
  const begin = adapter.beginTransaction.bind(adapter)
  const commit = adapter.commitTransaction.bind(adapter)
  const rollback = adapter.rollbackTransaction.bind(adapter)

  const release = async (incoming: TransactionId) => {
    const id = await incoming
    releases.get(id)?.()
    releases.delete(id)
  }

  const connect = adapter.connect?.bind(adapter)
  if (connect) {
    adapter.connect = async (...args: Parameters<typeof connect>) => {
      await connect(...args)
      const { client, clientConfig } = adapter as unknown as {
        client?: LibsqlClient
        clientConfig?: { url?: string }
      }
      if (client) setBusyTimeoutOnEachTransaction(client, sqliteFilePath(clientConfig?.url))
    }
  }

  adapter.beginTransaction = async (options) => {
    let unlock: () => void
    try {
      unlock = await lock.acquire()
    } catch (error) {
      if (error === E_TIMEOUT) {
        throw new Error(`SQLite is busy: no transaction slot freed within ${BUSY_TIMEOUT_MS} ms`)
      }
      throw error
    }
    try {
      const id = await begin(options)
      if (id === null) unlock()
      else releases.set(id, unlock)
      return id
    } catch (error) {
      unlock()
      throw error
    }
  }
  adapter.commitTransaction = async (id) => {
    try {
      await commit(id)
    } finally {
      await release(id)
    }
  }
  adapter.rollbackTransaction = async (id) => {
    try {
      await rollback(id)
    } finally {
      await release(id)
    }
  }
  return adapter
}

/** Wraps a Payload adapter factory so that every adapter it creates serializes its transactions. */
export function withSerializedTransactions(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => serializeTransactions(adapterObj.init(args)),
  }
}
