import { mkdirSync } from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations } from '../migrations'
import { withCommitHooks } from './after-commit'
import { assertReplicaSet, type HelloAnswer } from './mongo-replica-set'
import { SQLITE_BUSY_TIMEOUT_MS, withSerializedTransactions } from './sqlite-transactions'

export type DatabaseKind = 'sqlite' | 'mongodb'

export function databaseKind(uri: string): DatabaseKind {
  if (uri.startsWith('file:')) return 'sqlite'
  if (uri.startsWith('mongodb://') || uri.startsWith('mongodb+srv://')) return 'mongodb'
  throw new Error(
    `DATABASE_URI "${uri}" is not supported: use "file:<path>" for SQLite or "mongodb://…" for MongoDB`,
  )
}

/** The Payload database adapter for a DATABASE_URI: the embedded SQLite file or MongoDB. */
export function databaseAdapter(uri: string): DatabaseAdapterObj {
  return withCommitHooks(baseAdapter(uri))
}

function baseAdapter(uri: string): DatabaseAdapterObj {
  if (databaseKind(uri) === 'mongodb') {
    return mongooseAdapter({
      url: uri,
      // Outside production (development, the integration suite on TEST_DATABASE_URI) the unique
      // indexes (slugs, e-mail addresses) exist before the first write, as SQLite's migrations
      // are applied at start; Payload advises against waiting for them in production.
      ensureIndexes: process.env.NODE_ENV !== 'production',
      // Refuse to start where Payload would silently run without transactions.
      afterOpenConnection: async (adapter) => {
        const client = adapter.connection.getClient()
        const hello = (await client.db('admin').command({ hello: 1 })) as HelloAnswer
        assertReplicaSet({ driverReplicaSet: client.options.replicaSet, hello })
      },
    })
  }
  // libsql does not create a missing directory.
  const file = uri.slice('file:'.length)
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const adapter = sqliteAdapter({
    client: { url: uri },
    // The schema only ever comes from committed migrations, in development as in production.
    push: false,
    migrationDir: path.resolve('migrations'),
    prodMigrations: migrations,
    wal: true,
    // The busy timeout is set on every transaction's connection (sqlite-transactions.ts).
    busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
    // Transactions are off by default in the SQLite adapter: a failed write must leave nothing.
    transactionOptions: {},
  })
  return withSerializedTransactions(adapter)
}
