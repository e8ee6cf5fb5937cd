/**
 * Extra production servers for the fault tests, beside the one scripts/e2e.mjs runs: each on its
 * own port (4300-4399), its own SQLite file, and its own copy of the build, so that its page and
 * data caches (.next/server/route-cache, .next/cache) never mix with the main server's.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..', '..')
/** What `next start` reads from the project besides the build. */
const LINKED = ['node_modules', 'package.json', 'next.config.ts', 'tsconfig.json', 'lib']

export type ExtraServer = {
  url: string
  port: number
  /** The SQLite file and its media folder live here. */
  dataDir: string
  databasePath: string
  env: NodeJS.ProcessEnv
  /** Starts (again) the server on the same database and build copy. */
  start: () => Promise<void>
  /** SIGKILL to the whole process group: no shutdown, nothing flushed. */
  kill9: () => Promise<void>
  /** Stops the server and removes its folder. */
  dispose: () => Promise<void>
  log: () => string
}

/** A project folder whose build is a hard-linked copy of ours without its caches. */
function projectCopy(dir: string): string {
  const project = path.join(dir, 'project')
  mkdirSync(project)
  for (const name of LINKED) symlinkSync(path.join(ROOT, name), path.join(project, name))
  execFileSync('cp', ['-al', path.join(ROOT, '.next'), path.join(project, '.next')])
  for (const cache of ['cache', 'server/route-cache', 'trace']) {
    rmSync(path.join(project, '.next', cache), { recursive: true, force: true })
  }
  return project
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server on ${url} exited (${child.exitCode ?? child.signalCode})`)
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`no healthy server at ${url} after ${timeoutMs / 1000} s`)
}

function exited(child: ChildProcess) {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()))
}

export async function extraServer(port: number): Promise<ExtraServer> {
  if (port < 4300 || port > 4399) throw new Error('extra servers use ports 4300-4399')
  const dir = mkdtempSync(path.join(tmpdir(), 'kiosque-fault-'))
  const project = projectCopy(dir)
  const dataDir = path.join(dir, 'data')
  mkdirSync(dataDir)
  const databasePath = path.join(dataDir, 'kiosque.db')
  const url = `http://localhost:${port}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URI: `file:${databasePath}`,
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    SITE_URL: url,
    PORT: String(port),
    REVALIDATE_URLS: `http://127.0.0.1:${port}`,
    JOBS_RUNNER: 'app',
  }
  const logPath = path.join(dir, 'server.log')
  const out = createWriteStream(logPath, { flags: 'a' })
  let child: ChildProcess | undefined

  const start = async () => {
    child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)],
      { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    )
    child.stdout?.pipe(out, { end: false })
    child.stderr?.pipe(out, { end: false })
    await waitForHealth(url, child, 120_000)
  }

  const signal = async (name: NodeJS.Signals) => {
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return
    const done = exited(child)
    try {
      process.kill(-child.pid, name)
    } catch {
      // already gone
    }
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 10_000))])
  }

  return {
    url,
    port,
    dataDir,
    databasePath,
    env,
    start,
    kill9: () => signal('SIGKILL'),
    dispose: async () => {
      await signal('SIGTERM')
      await signal('SIGKILL')
      out.end()
      rmSync(dir, { recursive: true, force: true })
    },
    log: () => {
      try {
        return readFileSync(logPath, 'utf8')
      } catch {
        return ''
      }
    },
  }
}
