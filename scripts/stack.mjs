#!/usr/bin/env node
/**
 * `npm run stack`: Kiosque's production topology on this machine, all on 127.0.0.1.
 *
 *   nginx (deploy/nginx.conf, the micro-cache)  :PORT
 *     ├─ app A (next start, production build)    :PORT+10
 *     └─ app B (next start, production build)    :PORT+11
 *   redis-server (Next's shared cache)            :PORT+1
 *   worker (npm run worker: the jobs queue)
 *   one SQLite file for the apps, the worker and the seed
 *
 * `npm run stack` starts everything (building first when there is no build), seeds a fresh
 * database, prints the addresses and runs until Ctrl-C, which stops it all. `--detach` returns
 * once it is up; `npm run stack -- stop` then stops it. State (database, logs, nginx and redis
 * files) lives in .stack/ unless --dir says otherwise. nginx and redis-server come from
 * Debian's packages (`apt-get install nginx redis-server`).
 *
 * Options: --port N (default 4400), --dir DIR, --detach, --database-uri URI (keeps that
 * database; no seed unless --seed), --no-seed.
 */
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { connect } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const log = (message) => console.log(`[stack] ${message}`)
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** The development password of the demo users (lib/env.ts), unless SEED_PASSWORD says otherwise. */
const DEFAULT_SEED_PASSWORD = 'kiosque-demo'

function which(command) {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' })
  return found.status === 0 ? found.stdout.trim() : null
}

/** Fills ${NAME} placeholders; an unknown one is an error, nginx's own $variables stay. */
export function renderTemplate(template, values) {
  return template.replace(/\$\{([A-Z_]+)\}/g, (_, name) => {
    if (!(name in values)) throw new Error(`deploy/nginx.conf: no value for \${${name}}`)
    return values[name]
  })
}

export function nginxMainConfig(dir) {
  // Running as root, nginx's workers become `nobody`: the folders they write are opened to it.
  return `# Written by scripts/stack.mjs; the site itself is deploy/nginx.conf.
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    access_log ${dir}/access.log;
    client_body_temp_path ${dir}/tmp/body;
    proxy_temp_path ${dir}/tmp/proxy;
    fastcgi_temp_path ${dir}/tmp/fastcgi;
    uwsgi_temp_path ${dir}/tmp/uwsgi;
    scgi_temp_path ${dir}/tmp/scgi;
    keepalive_requests 10000;
    include ${dir}/kiosque.conf;
}
`
}

function redisConfig(dir, port) {
  return `# Written by scripts/stack.mjs: a cache, nothing to persist.
bind 127.0.0.1
port ${port}
protected-mode yes
daemonize no
dir ${dir}
logfile ${dir}/redis.log
save ""
appendonly no
maxmemory 256mb
maxmemory-policy allkeys-lru
`
}

function redisPing(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.setTimeout(1000)
    socket.on('connect', () => socket.write('PING\r\n'))
    socket.on('data', (data) => {
      socket.destroy()
      resolve(data.toString().startsWith('+PONG'))
    })
    socket.on('error', () => resolve(false))
    socket.on('timeout', () => {
      socket.destroy()
      resolve(false)
    })
  })
}

async function waitFor(what, check, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`)
    if (await check()) return
    await sleep(250)
  }
  throw new Error(`${what}: not ready after ${timeoutMs / 1000} s`)
}

async function healthy(url) {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) })
    return response.ok
  } catch {
    return false
  }
}

function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options })
    child.on('error', reject)
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)))
  })
}

/** Stops a process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopGroup(pid, graceMs = 5000, signal = 'SIGTERM') {
  const alive = () => {
    try {
      process.kill(-pid, 0)
      return true
    } catch {
      return false
    }
  }
  if (!alive()) return
  try {
    process.kill(-pid, signal)
  } catch {
    return
  }
  const deadline = Date.now() + graceMs
  while (alive() && Date.now() < deadline) await sleep(100)
  if (alive()) {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // gone meanwhile
    }
  }
}

/**
 * Starts the stack; resolves once the proxy answers. Returns its addresses and `stop()`.
 * Each process runs in its own process group, its output in <dir>/<name>.log.
 */
export async function startStack(options = {}) {
  const port = options.port ?? 4400
  const dir = path.resolve(options.dir ?? path.join(root, '.stack'))
  for (const tool of ['nginx', 'redis-server']) {
    if (!which(tool)) {
      throw new Error(`${tool} not found: apt-get install -y nginx redis-server (Debian packages)`)
    }
  }
  if (existsSync(path.join(dir, 'stack.json'))) {
    throw new Error(`a stack may still run from ${dir}: npm run stack -- stop --dir ${dir}`)
  }
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    log('no production build: npm run build')
    const built = await run('npm', ['run', 'build'], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    })
    if (built !== 0) throw new Error(`npm run build failed (${built})`)
  }

  const freshDatabase = !options.databaseUri
  if (freshDatabase) rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const nginxDir = path.join(dir, 'nginx')
  const redisDir = path.join(dir, 'redis')
  for (const sub of ['cache', 'tmp']) mkdirSync(path.join(nginxDir, sub), { recursive: true })
  mkdirSync(redisDir, { recursive: true })
  for (const folder of [dir, nginxDir]) chmodSync(folder, 0o755)
  for (const sub of ['cache', 'tmp']) chmodSync(path.join(nginxDir, sub), 0o777)

  const proxyUrl = `http://127.0.0.1:${port}`
  const redisPort = port + 1
  const apps = [
    { name: 'app-a', port: port + 10 },
    { name: 'app-b', port: port + 11 },
  ].map((app) => ({ ...app, url: `http://127.0.0.1:${app.port}` }))
  const seedPassword = process.env.SEED_PASSWORD ?? DEFAULT_SEED_PASSWORD
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URI: options.databaseUri ?? `file:${path.join(dir, 'kiosque.db')}`,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? randomBytes(32).toString('hex'),
    SITE_URL: proxyUrl,
    JOBS_RUNNER: 'worker',
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    REVALIDATE_URLS: apps.map((app) => app.url).join(','),
    // After a publication the app and the worker refresh its pages through nginx.
    PROXY_REFRESH_URL: proxyUrl,
    PROXY_REFRESH_KEY: randomBytes(24).toString('hex'),
    SEED_PASSWORD: seedPassword,
  }

  const processes = {}
  const state = () => ({
    dir,
    proxyUrl,
    redisUrl: env.REDIS_URL,
    apps: apps.map(({ name, url }) => ({ name, url, pid: processes[name]?.pid })),
    pids: Object.fromEntries(Object.entries(processes).map(([name, child]) => [name, child.pid])),
  })
  const launch = (name, command, args, extraEnv = {}) => {
    // Straight into the file, so that the process outlives this script with --detach.
    const out = openSync(path.join(dir, `${name}.log`), 'a')
    const child = spawn(command, args, {
      cwd: root,
      env: { ...env, ...extraEnv },
      stdio: ['ignore', out, out],
      detached: true,
    })
    closeSync(out)
    processes[name] = child
    writeFileSync(path.join(dir, 'stack.json'), JSON.stringify(state(), null, 2))
    return child
  }
  const nextStart = (app) =>
    launch(
      app.name,
      process.execPath,
      ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(app.port)],
      { PORT: String(app.port) },
    )

  const stop = async () => {
    // The proxy first (no new requests), then the worker (lets its running job finish), the
    // apps, and Redis last.
    const order = ['nginx', 'worker', ...apps.map((app) => app.name), 'redis']
    for (const name of order) {
      const child = processes[name]
      if (child) await stopGroup(child.pid, name === 'worker' ? 35_000 : 5000)
    }
    rmSync(path.join(dir, 'stack.json'), { force: true })
  }

  try {
    writeFileSync(path.join(redisDir, 'redis.conf'), redisConfig(redisDir, redisPort))
    const redis = launch('redis', which('redis-server'), [path.join(redisDir, 'redis.conf')])
    await waitFor('redis-server', () => redisPing(redisPort), redis, 10_000)
    log(`redis on ${env.REDIS_URL}`)

    // One instance first: on a fresh database it applies the migrations alone.
    const [first, ...others] = apps
    const firstChild = nextStart(first)
    await waitFor(first.name, () => healthy(first.url), firstChild, 120_000)
    log(`${first.name} on ${first.url}`)
    if (options.seed ?? freshDatabase) {
      log('seeding the demo content')
      const out = openSync(path.join(dir, 'seed.log'), 'a')
      // Before nginx starts: nothing to refresh there yet.
      const seedEnv = { ...env }
      delete seedEnv.PROXY_REFRESH_URL
      delete seedEnv.PROXY_REFRESH_KEY
      const seeded = await run('npm', ['run', 'seed'], {
        env: seedEnv,
        stdio: ['ignore', out, out],
      })
      closeSync(out)
      if (seeded !== 0) throw new Error(`npm run seed failed (${seeded}), see ${dir}/seed.log`)
    }
    const children = others.map((app) => [app, nextStart(app)])
    launch(
      'worker',
      process.execPath,
      ['node_modules/payload/bin.js', 'run', 'scripts/worker.ts'],
      {
        NODE_OPTIONS: '--conditions=production',
      },
    )
    for (const [app, child] of children) {
      await waitFor(app.name, () => healthy(app.url), child, 120_000)
      log(`${app.name} on ${app.url}`)
    }

    const template = readFileSync(path.join(root, 'deploy', 'nginx.conf'), 'utf8')
    writeFileSync(
      path.join(nginxDir, 'kiosque.conf'),
      renderTemplate(template, {
        KIOSQUE_LISTEN: `127.0.0.1:${port}`,
        KIOSQUE_UPSTREAMS: apps
          .map((app) => `server 127.0.0.1:${app.port} max_fails=1 fail_timeout=5s;`)
          .join('\n    '),
        KIOSQUE_CACHE_DIR: path.join(nginxDir, 'cache'),
        KIOSQUE_REFRESH_KEY: env.PROXY_REFRESH_KEY,
      }),
    )
    writeFileSync(path.join(nginxDir, 'nginx.conf'), nginxMainConfig(nginxDir))
    const nginx = launch('nginx', which('nginx'), [
      '-p',
      nginxDir,
      '-c',
      path.join(nginxDir, 'nginx.conf'),
      '-g',
      'daemon off;',
    ])
    await waitFor('nginx', () => healthy(proxyUrl), nginx, 15_000)
    log(`nginx on ${proxyUrl}`)
  } catch (error) {
    await stop()
    throw error
  }
  return { ...state(), seedPassword, env, processes, stop }
}

/** Stops a stack started with --detach, from its stack.json. */
export async function stopStack(dir = path.join(root, '.stack')) {
  const file = path.join(path.resolve(dir), 'stack.json')
  if (!existsSync(file)) {
    log(`no stack running from ${dir}`)
    return
  }
  const { pids } = JSON.parse(readFileSync(file, 'utf8'))
  for (const name of ['nginx', 'worker', 'app-a', 'app-b', 'redis']) {
    if (pids[name]) await stopGroup(pids[name], name === 'worker' ? 35_000 : 5000)
  }
  rmSync(file, { force: true })
  log('stopped')
}

function parseArgs(argv) {
  const options = { command: 'start' }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      const next = argv[++i]
      if (next === undefined) throw new Error(`${arg} needs a value`)
      return next
    }
    if (arg === 'start' || arg === 'stop') options.command = arg
    else if (arg === '--port') {
      options.port = Number(value())
      if (!Number.isInteger(options.port) || options.port < 1024 || options.port > 65_000) {
        throw new Error('--port must be an integer between 1024 and 65000')
      }
    } else if (arg === '--dir') options.dir = value()
    else if (arg === '--database-uri') options.databaseUri = value()
    else if (arg === '--detach') options.detach = true
    else if (arg === '--seed') options.seed = true
    else if (arg === '--no-seed') options.seed = false
    else throw new Error(`unknown argument ${arg}`)
  }
  return options
}

async function main() {
  const options = parseArgs(process.argv.slice(2))
  if (options.command === 'stop') return stopStack(options.dir)
  const stack = await startStack(options)
  log(`up: ${stack.proxyUrl} (proxy), ${stack.apps.map((app) => app.url).join(', ')} (apps)`)
  log(`admin: ${stack.proxyUrl}/admin, admin@kiosque.test / ${stack.seedPassword}`)
  log(`logs and state: ${stack.dir}`)
  if (options.detach) {
    for (const child of Object.values(stack.processes)) child.unref()
    log('detached: npm run stack -- stop')
    return
  }
  log('Ctrl-C stops everything')
  await new Promise((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  log('stopping')
  await stack.stop()
  log('stopped')
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`[stack] ${error instanceof Error ? error.message : error}`)
    process.exit(1)
  })
}
