import type { BaseDatabaseAdapter, DatabaseAdapterObj, PayloadRequest } from 'payload'

type Callback = () => Promise<void> | void
type TransactionId = number | string

const pending = new Map<TransactionId, Callback[]>()

async function runAll(callbacks: Callback[] | undefined, log: (error: unknown) => void) {
  for (const callback of callbacks ?? []) {
    try {
      await callback()
    } catch (error) {
      log(error)
    }
  }
}

/**
 * Runs `callback` once the request's transaction has committed, or at once when there is none.
 * Collection hooks run before the commit: work that must see the committed data (telling the
 * page cache to drop an entry) waits for it here, and is dropped if the transaction rolls back.
 */
export async function afterCommit(req: PayloadRequest, callback: Callback): Promise<void> {
  const id = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  if (id === undefined || id === null) {
    await runAll([callback], (error) => req.payload.logger.error({ err: error }, 'afterCommit'))
    return
  }
  const list = pending.get(id) ?? []
  list.push(callback)
  pending.set(id, list)
}

/** Makes an adapter run the afterCommit callbacks of a transaction when it commits. */
export function withCommitHooks(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter: BaseDatabaseAdapter = adapterObj.init(args)
      const commit = adapter.commitTransaction.bind(adapter)
      const rollback = adapter.rollbackTransaction.bind(adapter)
      adapter.commitTransaction = async (incoming) => {
        const id = await incoming
        await commit(id)
        const callbacks = pending.get(id)
        pending.delete(id)
        await runAll(callbacks, (error) =>
          adapter.payload.logger.error({ err: error }, 'after-commit callback failed'),
        )
      }
      adapter.rollbackTransaction = async (incoming) => {
        const id = await incoming
        pending.delete(id)
        await rollback(id)
      }
      return adapter
    },
  }
}
