import { E_TIMEOUT, Mutex, withTimeout } from 'async-mutex'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

/** How long a transaction waits for the one before it before giving up with an error. */
const WAIT_MS = 15_000

type TransactionId = number | string | Promise<number | string>

/**
 * libsql hands each SQLite transaction its own connection and its synchronous driver cannot
 * wait for a lock held in the same process, so two concurrent Payload transactions fail with
 * SQLITE_BUSY (or leave foreign keys pointing at rows another one rolled back). Running one
 * write transaction at a time per process keeps transactions on and correct; reads do not wait
 * (WAL mode), and other processes are covered by SQLite's busy timeout.
 */
export function serializeTransactions<T extends BaseDatabaseAdapter>(adapter: T): T {
  const lock = withTimeout(new Mutex(), WAIT_MS)
  const releases = new Map<number | string, () => void>()
  const begin = adapter.beginTransaction.bind(adapter)
  const commit = adapter.commitTransaction.bind(adapter)
  const rollback = adapter.rollbackTransaction.bind(adapter)

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
        throw new Error(`SQLite is busy: no transaction slot freed within ${WAIT_MS} ms`)
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
