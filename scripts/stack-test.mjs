#!/usr/bin/env node
/**
 * `npm run test:stack`: starts the stack of `npm run stack` (nginx, two app instances, Redis,
 * the worker, a fresh seeded SQLite file) in a temporary folder, runs tests/stack against it,
 * then stops it. STACK_TEST_PORT chooses the base port (default 4450). Extra arguments go to Jest.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { startStack } from './stack.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const port = Number(process.env.STACK_TEST_PORT ?? 4450)
const dir = mkdtempSync(path.join(tmpdir(), 'kiosque-stack-'))

let code = 1
let stack
try {
  stack = await startStack({ port, dir })
  const [appA, appB] = stack.apps
  code = await new Promise((resolve, reject) => {
    const jest = spawn(
      process.execPath,
      [
        '--experimental-vm-modules',
        'node_modules/jest/bin/jest.js',
        '--config',
        'jest.stack.config.js',
        '--runInBand',
        ...process.argv.slice(2),
      ],
      {
        cwd: root,
        stdio: 'inherit',
        env: {
          ...process.env,
          NODE_ENV: 'test',
          // tests/e2e/helpers.ts talks to app A; the stack tests name B and the proxy themselves.
          E2E_BASE_URL: appA.url,
          E2E_SEED_PASSWORD: stack.seedPassword,
          STACK_PROXY_URL: stack.proxyUrl,
          STACK_APP_URLS: stack.apps.map((app) => app.url).join(','),
          STACK_APP_B_PID: String(appB.pid),
          STACK_REDIS_PID: String(stack.pids.redis),
          STACK_REDIS_URL: stack.env.REDIS_URL,
          STACK_WORKER_PID: String(stack.pids.worker),
          STACK_REVALIDATE_URLS: stack.env.REVALIDATE_URLS,
          STACK_PAYLOAD_SECRET: stack.env.PAYLOAD_SECRET,
          STACK_DATABASE_URI: stack.env.DATABASE_URI,
          // For a server of its own (the backup test's restored site).
          STACK_SPARE_PORT: String(port + 30),
        },
      },
    )
    jest.on('error', reject)
    jest.on('exit', (exitCode, signal) => resolve(signal ? 1 : (exitCode ?? 1)))
  })
} catch (error) {
  console.error(`[test:stack] ${error instanceof Error ? error.message : error}`)
  code = 1
} finally {
  if (stack) await stack.stop()
  if (code !== 0) {
    for (const name of ['app-a', 'app-b', 'worker', 'seed', 'nginx', 'nginx/error']) {
      const file = path.join(dir, `${name}.log`)
      if (!existsSync(file)) continue
      const lines = readFileSync(file, 'utf8').trim().split('\n').slice(-15)
      console.error(`[test:stack] last lines of ${name}.log:\n${lines.join('\n')}`)
    }
  }
  rmSync(dir, { recursive: true, force: true })
}
process.exit(code)
