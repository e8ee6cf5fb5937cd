/**
 * `npm run backup` on the running stack (two app instances and the worker on the database),
 * `npm run restore` into a new folder, and a server started on the restored database serves the
 * demo article and its images.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterAll, describe, expect, it } from '@jest/globals'

import { DEMO, get, within } from '../e2e/helpers'

const dir = mkdtempSync(path.join(tmpdir(), 'kiosque-backup-'))
const port = Number(process.env.STACK_SPARE_PORT)
const restoredUri = `file:${path.join(dir, 'restored', 'kiosque.db')}`
let server: ReturnType<typeof spawn> | undefined

function required(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set: run these tests with \`npm run test:stack\``)
  return value
}

const productionEnv = (databaseUri: string): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URI: databaseUri,
    PAYLOAD_SECRET: required('STACK_PAYLOAD_SECRET'),
    SITE_URL: `http://127.0.0.1:${port}`,
    PORT: String(port),
    JOBS_RUNNER: 'none',
    REVALIDATE_URLS: '',
  }
  delete env.REDIS_URL
  return env
}

function npm(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code: code ?? 1, output }))
  })
}

afterAll(async () => {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGKILL')
    } catch {
      // already stopped
    }
  }
  rmSync(dir, { recursive: true, force: true })
})

describe('npm run backup and npm run restore', () => {
  it('back up the live stack; a server on the restored copy serves the demo article', async () => {
    const backup = path.join(dir, 'backup')
    const saved = await npm(
      ['run', 'backup', '--', backup],
      productionEnv(required('STACK_DATABASE_URI')),
    )
    expect([saved.code, saved.output]).toEqual([0, expect.stringContaining('backup written to')])

    const restored = await npm(['run', 'restore', '--', backup], productionEnv(restoredUri))
    expect([restored.code, restored.output]).toEqual([0, expect.stringContaining('restored')])

    server = spawn(
      process.execPath,
      ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)],
      { env: productionEnv(restoredUri), stdio: 'ignore', detached: true },
    )
    const base = `http://127.0.0.1:${port}`
    await within(
      90_000,
      async () => (await get(`${base}/api/health`).catch(() => null))?.status === 200,
      'the server on the restored database',
    )
    const page = await get(`${base}/articles/${DEMO.article}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Renault')
    const image = page.text.match(/\/api\/media\/file\/[^"?&\s]+/)?.[0]
    expect(image).toBeDefined()
    expect((await get(`${base}${image}`)).status).toBe(200)
  })
})
