/*
 * `npm run backup -- [folder]`: an online backup of the embedded database and its media, taken
 * while the servers run (lib/backup.ts). Default folder: backups/kiosque-<time> beside the
 * database. MongoDB: mongodump (docs/DEPLOYMENT.md).
 */
import path from 'node:path'

import { backupSqlite } from '../lib/backup'
import { dataDirFor, env } from '../lib/env'

const { DATABASE_URI } = env()
const stamp = new Date().toISOString().replace(/[:.]/g, '-')
const folder = process.argv.slice(2).find((arg) => arg !== '--')
const outDir = path.resolve(
  folder ?? path.join(dataDirFor(DATABASE_URI), 'backups', `kiosque-${stamp}`),
)
try {
  const manifest = await backupSqlite(DATABASE_URI, outDir)
  console.log(`backup written to ${outDir} (${manifest.mediaFiles} media files)`)
} catch (error) {
  console.error(`backup failed: ${(error as Error).message}`)
  process.exit(1)
}
