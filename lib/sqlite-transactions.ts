import { E_TIMEOUT, Mutex, withTimeout } from 'async-mutex'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

/**
 * How long a write transaction may wait for the database: for the transaction before it in this
 * process, then for a lock held by another process (the seed, a job worker). This is the busy
 * timeout, applied without blocking the event loop.
 */
export const BUSY_TIMEOUT_MS = 15_000

type TransactionId = number | string | Promise<number | string>

const isBusy = (error: unknown) => error instanceof Error && /SQLITE_BUSY/.test(error.message)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * libsql hands each SQLite transaction its own connection, and its synchronous driver can only
 * wait for a lock by blocking the whole process: two concurrent Payload transactions then fail
 * with SQLITE_BUSY (or leave a foreign key pointing at a row another one rolled back). Here
 * write transactions run one at a time per process, and a lock held by another process is
 * waited for by retrying BEGIN asynchronously. Reads never wait (WAL mode).
 */
export function serializeTransactions<T extends BaseDatabaseAdapter>(adapter: T): T {
  const lock = withTimeout(new Mutex(), BUSY_TIMEOUT_MS)
  const releases = new Map<number | string, () => void>()
  const begin = adapter.beginTransaction.bind(adapter)
  const commit = adapter.commitTransaction.bind(adapter)
  const rollback = adapter.rollbackTransaction.bind(adapter)

  const beginWhenFree = async (options: Parameters<typeof begin>[0]) => {
    const deadline = Date.now() + BUSY_TIMEOUT_MS
    for (let delay = 10; ; delay = Math.min(delay * 2, 250)) {
      try {
        return await begin(options)
      } catch (error) {
        if (!isBusy(error) || Date.now() + delay > deadline) throw error
        await sleep(delay)
      }
    }
  }

  const release = async (incoming: TransactionId) => {
    const id = await incoming
    releases.get(id)?.()
    releases.delete(id)
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
      const id = await beginWhenFree(options)
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
