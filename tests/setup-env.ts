/**
 * Runs before each integration test file imports anything: the Payload config reads the
 * environment once, so the throw-away database must be chosen here. By default a SQLite file in
 * a temporary folder; with TEST_DATABASE_URI=mongodb://… a database of its own on that server
 * (tests/helpers/test-database.ts), dropped when the file's Payload closes.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { testDatabaseName, testDatabaseUri } from './helpers/test-database'

const dir = mkdtempSync(path.join(tmpdir(), 'kiosque-test-'))
process.env.KIOSQUE_TEST_DIR = dir
const server = process.env.TEST_DATABASE_URI?.trim()
if (server) {
  process.env.DATABASE_URI = testDatabaseUri(server, testDatabaseName())
  // Media files stay in the test's own folder (on MongoDB they would default to ./data).
  process.env.DATA_DIR = dir
} else {
  process.env.DATABASE_URI = `file:${path.join(dir, 'test.db')}`
}
process.env.PAYLOAD_SECRET = 'test-secret-that-is-long-enough-0123456789'
// No Next.js server runs in the tests: cache expiry has nowhere to be delivered.
process.env.REVALIDATE_URLS = ''
// Payload starts the job crons on the first REST call (createPayloadRequest asks for them): no
// test runs jobs behind its own back. A test that wants the app's runner asks startPayload.
process.env.JOBS_RUNNER = 'none'
