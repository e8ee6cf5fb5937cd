/**
 * Where an integration test file keeps its data: a throw-away SQLite file by default, or, with
 * TEST_DATABASE_URI=mongodb://…, a database of its own on that MongoDB server (dropped by
 * close() in tests/helpers/payload.ts). Kept free of Payload imports: tests/setup-env.ts uses it
 * before anything else is loaded.
 */
import { randomBytes } from 'node:crypto'

const MONGODB_URI = /^(mongodb(?:\+srv)?:\/\/)([^/?#]+)(\/[^?#]*)?(\?[^#]*)?$/

/** MongoDB refuses these characters in database names, and names of 64 bytes or more. */
const DATABASE_NAME = /^[A-Za-z0-9_-]{1,63}$/

/** A database name of its own for one test file (process id + random suffix). */
export function testDatabaseName(): string {
  return `kiosque_test_${process.pid}_${randomBytes(4).toString('hex')}`
}

/**
 * The server's connection string with its database replaced by `name`. Every host, credential
 * and option is kept as written (several hosts are valid, which WHATWG URL cannot parse). With
 * credentials and no `authSource`, the driver would authenticate against the database in the
 * path: `authSource` is then pinned to the one the base URI used (its path, or `admin`).
 */
export function testDatabaseUri(base: string, name: string): string {
  const match = MONGODB_URI.exec(base.trim())
  if (!match) {
    throw new Error(
      'TEST_DATABASE_URI must be a "mongodb://" or "mongodb+srv://" connection string',
    )
  }
  if (!DATABASE_NAME.test(name)) throw new Error(`"${name}" is not a usable MongoDB database name`)
  const [, scheme = '', authority = '', pathPart = '', queryPart = ''] = match
  const query = queryPart.slice(1)
  const hasAuthSource = query.split('&').some((option) => /^authSource=/i.test(option))
  const options = query ? [query] : []
  if (authority.includes('@') && !hasAuthSource) {
    const baseDatabase = decodeURIComponent(pathPart.slice(1))
    options.push(`authSource=${encodeURIComponent(baseDatabase || 'admin')}`)
  }
  return `${scheme}${authority}/${name}${options.length ? `?${options.join('&')}` : ''}`
}

/** True when this test process runs on MongoDB (TEST_DATABASE_URI), not on SQLite. */
export const onMongo = (): boolean => /^mongodb(\+srv)?:\/\//.test(process.env.DATABASE_URI ?? '')
