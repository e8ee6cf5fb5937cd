/*
 * `npm run restore -- <backup folder> [--force]`: puts a backup made by `npm run backup` in place
 * of the database of DATABASE_URI and its media. Stop the servers and the worker first; an
 * existing database is only replaced with --force. MongoDB: mongorestore (docs/DEPLOYMENT.md).
 */
import path from 'node:path'

import { restoreSqlite } from '../lib/backup'
import { env } from '../lib/env'

const args = process.argv.slice(2).filter((arg) => arg !== '--')
const force = args.includes('--force')
const folder = args.find((arg) => !arg.startsWith('--'))
if (!folder) {
  console.error('usage: npm run restore -- <backup folder> [--force]')
  process.exit(1)
}
try {
  const manifest = await restoreSqlite(path.resolve(folder), env().DATABASE_URI, { force })
  console.log(`restored the backup of ${manifest.createdAt} into ${env().DATABASE_URI}`)
} catch (error) {
  console.error(`restore failed: ${(error as Error).message}`)
  process.exit(1)
}
