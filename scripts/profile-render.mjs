#!/usr/bin/env node
/**
 * `node scripts/profile-render.mjs [--db <dir>] [--articles 1000] [--sample 100] [--port 4500]
 *  [--profile] [--offset 0]`
 *
 * The uncached article render of the production build (`npm run build` or the bench build) on
 * its own: starts `next start` on the SQLite database in <dir> (seeded with the demo content and
 * <articles> bench articles the first time, kept for the next runs), removes the pages and data
 * Next.js cached earlier, warms the server on 20 articles, then requests <sample> distinct
 * articles once each and prints the p50 / p95 of the time to the full body and the server's CPU
 * time per render (user + system, from /proc, steadier than times on a shared machine). With --profile, the
 * V8 CPU profiler (through the inspector, sampling every 100 µs) covers exactly those requests;
 * the profile is written to <dir>/render-<time>.cpuprofile and summarised
 * (scripts/cpu-profile-summary.mjs). --offset picks other articles (a run leaves its pages in
 * Next's cache only until the next run clears it, so the same ones may be measured again).
 */
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

if (typeof WebSocket === 'undefined') {
  // Node 20 has the WebSocket client behind a flag; the inspector speaks WebSocket.
  const { status } = spawnSync(
    process.execPath,
    ['--experimental-websocket', ...process.argv.slice(1)],
    { stdio: 'inherit' },
  )
  process.exit(status ?? 1)
}

const root = path.resolve(import.meta.dirname, '..')
const { values: options } = parseArgs({
  options: {
    db: { type: 'string', default: path.join(root, 'data', 'profile') },
    articles: { type: 'string', default: '1000' },
    sample: { type: 'string', default: '100' },
    port: { type: 'string', default: '4500' },
    offset: { type: 'string', default: '0' },
    profile: { type: 'boolean', default: false },
  },
})
for (const name of ['articles', 'sample', 'port', 'offset']) {
  if (!/^\d{1,6}$/.test(options[name])) {
    console.error(`--${name}: a whole number`)
    process.exit(2)
  }
}
const [articles, sample, port, offset] = ['articles', 'sample', 'port', 'offset'].map((name) =>
  Number(options[name]),
)
const dir = path.resolve(options.db)
const baseUrl = `http://localhost:${port}`
const inspectPort = port + 1
const log = (message) => console.error(`[profile] ${message}`)
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

mkdirSync(dir, { recursive: true })
const fresh = !existsSync(path.join(dir, 'kiosque.db'))
const env = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  PAYLOAD_SECRET: randomBytes(32).toString('hex'),
  SITE_URL: baseUrl,
  PORT: String(port),
  SEED_PASSWORD: `profile-${randomBytes(6).toString('hex')}`,
  DATABASE_URI: `file:${path.join(dir, 'kiosque.db')}`,
}

// Pages and data cached by an earlier run (as npm run bench does).
rmSync(path.join(root, '.next', 'cache', 'fetch-cache'), { recursive: true, force: true })
const pages = path.join(root, '.next', 'server', 'route-cache', 'APP_PAGE')
if (existsSync(pages)) {
  for (const build of readdirSync(pages)) {
    rmSync(path.join(pages, build, '$', 'articles'), { recursive: true, force: true })
  }
}

const out = createWriteStream(path.join(dir, 'server.log'), { flags: 'a' })
const server = spawn(
  process.execPath,
  [
    `--inspect=127.0.0.1:${inspectPort}`,
    'node_modules/next/dist/bin/next',
    'start',
    '-p',
    String(port),
  ],
  { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
)
server.stdout.pipe(out)
server.stderr.pipe(out)
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGKILL')
  } catch {
    // already gone
  }
}
process.on('exit', stop)

function run(args) {
  const { status } = spawnSync(process.execPath, ['node_modules/payload/bin.js', 'run', ...args], {
    cwd: root,
    env: { ...env, NODE_OPTIONS: '--conditions=production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (status !== 0) throw new Error(`payload run ${args.join(' ')}: ${status}`)
}

async function get(urlPath) {
  const started = performance.now()
  const response = await fetch(`${baseUrl}${urlPath}`, { headers: { 'accept-encoding': 'gzip' } })
  await response.text()
  return {
    status: response.status,
    ms: performance.now() - started,
    cache: response.headers.get('x-nextjs-cache'),
  }
}

/** A minimal Chrome DevTools Protocol client on the server's inspector. */
async function inspector() {
  const [target] = await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()
  const socket = new WebSocket(target.webSocketDebuggerUrl)
  await new Promise((resolve, reject) => {
    socket.onopen = resolve
    socket.onerror = reject
  })
  let next = 1
  const waiting = new Map()
  socket.onmessage = ({ data }) => {
    const message = JSON.parse(data)
    const pending = waiting.get(message.id)
    if (!pending) return
    waiting.delete(message.id)
    if (message.error) pending.reject(new Error(message.error.message))
    else pending.resolve(message.result)
  }
  return {
    send: (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = next++
        waiting.set(id, { resolve, reject })
        socket.send(JSON.stringify({ id, method, params }))
      }),
    close: () => socket.close(),
  }
}

const TICKS_PER_SECOND = 100 // USER_HZ on Linux

/**
 * CPU time (user + system, ms) of the server's process group so far, from /proc: unlike the
 * response times, it hardly moves with the other processes of a shared machine.
 */
function serverCpuMs() {
  let ticks = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      // state ppid pgrp … utime (14th field of the line, 12th here) stime
      if (Number(fields[2]) === server.pid) ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // gone meanwhile
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND
}

const percentile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]
}

try {
  const deadline = Date.now() + 120_000
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`)
    if (Date.now() > deadline) throw new Error('no healthy server after 120 s')
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.ok,
      () => false,
    )
    if (ok) break
    await sleep(500)
  }
  // The seed is idempotent: it also resets the demo users' password to this run's.
  run(['scripts/seed.ts'])
  if (fresh) {
    log(`seeding ${articles} bench articles…`)
    run(['scripts/bench-seed.ts', '--', '--total', String(articles)])
  }
  const slug = (i) => `banc-d-essai-${1 + ((offset + i * 7919) % articles)}`
  await get('/')
  for (let i = 0; i < 20; i++) await get(`/articles/${slug(sample + i)}`)

  let cdp = null
  if (options.profile) {
    cdp = await inspector()
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
    await cdp.send('Profiler.start')
  }
  const results = []
  const cpuBefore = serverCpuMs()
  for (let i = 0; i < sample; i++) results.push(await get(`/articles/${slug(i)}`))
  const cpuPerRender = (serverCpuMs() - cpuBefore) / sample
  const times = results.map((r) => r.ms)
  const misses = results.filter((r) => r.cache === 'MISS').length
  const failures = results.filter((r) => r.status !== 200).length
  console.log(
    `uncached article renders: ${sample} (${misses} MISS, ${failures} not 200), p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms, mean ${(times.reduce((a, b) => a + b, 0) / sample).toFixed(1)} ms, server CPU ${cpuPerRender.toFixed(1)} ms per render`,
  )
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop')
    cdp.close()
    const file = path.join(dir, `render-${Date.now()}.cpuprofile`)
    writeFileSync(file, JSON.stringify(profile))
    log(`profile: ${file}`)
    spawnSync(process.execPath, [path.join(root, 'scripts', 'cpu-profile-summary.mjs'), file], {
      stdio: 'inherit',
    })
  }
} finally {
  stop()
}
