#!/usr/bin/env node
/**
 * `npm run test:e2e`: runs tests/e2e against the production build on a fresh, seeded database.
 *
 * Builds first when there is no build, starts `next start` on a free loopback port with a
 * throw-away SQLite file, seeds the demo content, runs the e2e Jest project with the server's
 * address in E2E_BASE_URL, then stops the server. Extra arguments go to Jest. The browser tests
 * drive Debian's Chromium (/usr/bin/chromium) with playwright-core.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { freePort, waitForHealth } from './lib/server.mjs'

const root = path.resolve(import.meta.dirname, '..')
const log = (message) => console.log(`[e2e] ${message}`)

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options })
    child.on('error', reject)
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)))
  })
}

if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  log('no production build: npm run build')
  const code = await run('npm', ['run', 'build'])
  if (code !== 0) process.exit(code)
}

const dir = mkdtempSync(path.join(tmpdir(), 'kiosque-e2e-'))
const port = await freePort()
const baseUrl = `http://localhost:${port}`
const env = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  DATABASE_URI: `file:${path.join(dir, 'kiosque.db')}`,
  PAYLOAD_SECRET: randomBytes(32).toString('hex'),
  SITE_URL: baseUrl,
  PORT: String(port),
  SEED_PASSWORD: `e2e-${randomBytes(6).toString('hex')}`,
}
// Mail goes to the server log (lib/email.ts), never to a real mailbox.
delete env.SMTP_URL
const serverLog = path.join(dir, 'server.log')
const out = createWriteStream(serverLog)
log(`starting the production server on ${baseUrl} (log: ${serverLog})`)
const server = spawn(
  process.execPath,
  ['node_modules/next/dist/bin/next', 'start', '-p', String(port)],
  {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  },
)
server.stdout.pipe(out)
server.stderr.pipe(out)

let code = 1
try {
  await waitForHealth(baseUrl, server, 120_000)
  log('seeding the demo content')
  const seeded = await run('npm', ['run', 'seed'], { env })
  if (seeded !== 0) throw new Error(`npm run seed failed (${seeded})`)
  code = await run(
    process.execPath,
    [
      '--experimental-vm-modules',
      'node_modules/jest/bin/jest.js',
      '--config',
      'jest.e2e.config.js',
      '--runInBand',
      ...process.argv.slice(2),
    ],
    {
      env: {
        ...env,
        NODE_ENV: 'test',
        E2E_BASE_URL: baseUrl,
        E2E_DATABASE_URI: env.DATABASE_URI,
        E2E_SEED_PASSWORD: env.SEED_PASSWORD,
        E2E_BUILD_DIR: path.join(root, '.next'),
        // Without SMTP_URL the server writes its mails to this log: the browser tests read the
        // newsletter's confirmation link there, as a reader reads it in their mailbox.
        E2E_SERVER_LOG: serverLog,
      },
    },
  )
} catch (error) {
  console.error(`[e2e] ${error instanceof Error ? error.message : error}`)
  code = 1
} finally {
  try {
    process.kill(-server.pid, 'SIGTERM')
  } catch {
    // already gone
  }
  await new Promise((resolve) => setTimeout(resolve, 1000))
  try {
    process.kill(-server.pid, 'SIGKILL')
  } catch {
    // stopped
  }
  if (code !== 0 && existsSync(serverLog)) {
    const lines = readFileSync(serverLog, 'utf8').trim().split('\n')
    console.error(`[e2e] last lines of the server log:\n${lines.slice(-40).join('\n')}`)
  }
  rmSync(dir, { recursive: true, force: true })
}
process.exit(code)
