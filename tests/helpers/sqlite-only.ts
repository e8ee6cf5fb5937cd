/**
 * Tests of the SQLite adapter itself, skipped when the suite runs on MongoDB (TEST_DATABASE_URI).
 * Not in test-database.ts: tests/setup-env.ts loads that one before Jest's globals exist.
 */
import { describe } from '@jest/globals'

import { onMongo } from './test-database'

/**
 * `describe` for a test of the SQLite adapter itself (its files, WAL, libsql connections,
 * committed SQL migrations): skipped on MongoDB, the reason in the skipped block's name.
 */
export function describeSqliteOnly(name: string, reason: string, fn: () => void): void {
  if (onMongo()) describe.skip(`${name} [SQLite only: ${reason}]`, fn)
  else describe(name, fn)
}
