#!/usr/bin/env node
/**
 * `npm run bench [-- --quick] [-- --build] [-- --port <n>] [-- --no-stack] [-- --stack-port <n>]`:
 * the benchmarks of issues #6 and #7.
 *
 * Builds a bench build when there is none (or with --build), starts `next start` on a fresh
 * SQLite file in a temp dir, seeds the demo content and then bench articles, measures, prints a
 * table and writes bench/results/latest.json. Every figure is a percentile or a ratio measured in
 * this run: the machine is shared and noisy. --quick: shorter loads, 1k articles only.
 *
 * A bench build is `next build` with KIOSQUE_BENCH_BUILD=1, which adds the page extension
 * `bench.tsx` (next.config.ts): two extra pages in the reader layout, /bench/static, prerendered
 * at build time, the yardstick of the cached article page, and /bench/rendered/<n>, rendered
 * and cached on first request like an article but without a query, the floor under the
 * uncached article render.
 *
 * Then, unless --no-stack (or nginx/redis-server are missing), the production topology of
 * `npm run stack` (scripts/stack.mjs) on the same build, on ports --stack-port (default 4500),
 * +1, +5, +10 and +11: the article through the proxy against nginx serving its bytes from a
 * file, an instance's article against its static page, publish on A to visible on B and
 * through the proxy, and a load through the proxy while an editor publishes every 5 s.
 */
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  chmodSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'

import autocannon from 'autocannon'

import { freePort, waitForHealth } from './lib/server.mjs'
import { nginxMainConfig, startStack } from './stack.mjs'

const root = path.resolve(import.meta.dirname, '..')
const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    port: { type: 'string' },
    stack: { type: 'boolean', default: true },
    'stack-port': { type: 'string', default: '4500' },
  },
  allowNegative: true,
})
for (const name of ['port', 'stack-port']) {
  if (options[name] !== undefined && !/^\d{4,5}$/.test(options[name])) {
    console.error(`--${name}: a TCP port number`)
    process.exit(2)
  }
}
const QUICK = options.quick
const SIZES = QUICK ? [1000] : [1000, 10_000]
const SAMPLE = QUICK ? 50 : 200
const LOAD_SECONDS = QUICK ? 10 : 60
const COMPARE_SECONDS = 5
const COMPARE_PAIRS = QUICK ? 2 : 6
const PUBLISH_SAMPLES = QUICK ? 3 : 7
// The stack phase: proxy on STACK_PORT, Redis +1, the apps +10 and +11, the file server +5.
const STACK_PORT = Number(options['stack-port'])
const STACK_LOAD_CONNECTIONS = 128
const STACK_PUBLISH_EVERY_MS = 5000
// A publication must show through the proxy before the next one, 5 s later.
const STACK_VISIBLE_WITHIN_MS = 4000
const CACHED_SLUG = 'banc-d-essai-page-en-cache'
const DEMO_ARTICLE = '/articles/renault-anatomie-dun-come-back-premier-episode'
const STATIC_PAGE = '/bench/static'
const RENDERED_PAGE = '/bench/rendered'
// Browsers ask for compressed pages; Next compresses each answer.
const HEADERS = { 'accept-encoding': 'gzip' }

const log = (message) => console.error(`[bench] ${message}`)
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const round = (value, digits = 1) =>
  value === null || value === undefined ? null : Number(value.toFixed(digits))

function percentile(values, q) {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]
}

/* ---------- phases ---------- */

const phases = []
async function phase(name, fn, { logResult = true } = {}) {
  const started = Date.now()
  memory.phase = name
  log(`${name}…`)
  try {
    const result = await fn()
    if (logResult && result !== undefined) log(`${name}: ${JSON.stringify(result)}`)
    return result
  } finally {
    const seconds = (Date.now() - started) / 1000
    phases.push({ phase: name, seconds: round(seconds) })
    log(`${name}: ${seconds.toFixed(1)} s`)
  }
}

function run(command, args, env, { quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      env,
      // stdout carries the table: children write to stderr (progress bars, logs).
      stdio: ['ignore', quiet ? 'ignore' : process.stderr, process.stderr],
    })
    child.on('error', reject)
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')}: ${signal ?? code}`)),
    )
  })
}

/** `payload run <script>` with the server's environment, as the npm scripts do. */
function payloadRun(script, args, env, runOptions) {
  return run(
    process.execPath,
    ['node_modules/payload/bin.js', 'run', script, '--', ...args],
    { ...env, NODE_OPTIONS: '--conditions=production' },
    runOptions,
  )
}

/* ---------- memory of the server's process group, from /proc ---------- */

const memory = { phase: 'start', pgid: null, peakKb: 0, peakPhase: null, byPhase: {}, timer: null }

function groupPids(pgid) {
  const pids = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // Fields after the command name, which may contain spaces: state ppid pgrp …
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) === pgid) pids.push(Number(entry))
    } catch {
      // gone meanwhile
    }
  }
  return pids
}

function statusKb(pid, field) {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(
      new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'),
    )
    return match ? Number(match[1]) : 0
  } catch {
    return 0
  }
}

function sampleMemory() {
  if (memory.pgid === null) return
  const rss = groupPids(memory.pgid).reduce((sum, pid) => sum + statusKb(pid, 'VmRSS'), 0)
  memory.byPhase[memory.phase] = Math.max(memory.byPhase[memory.phase] ?? 0, rss)
  if (rss > memory.peakKb) {
    memory.peakKb = rss
    memory.peakPhase = memory.phase
  }
}

/* ---------- HTTP ---------- */

async function get(baseUrl, urlPath, headers = {}) {
  const started = performance.now()
  const response = await fetch(`${baseUrl}${urlPath}`, { headers, redirect: 'manual' })
  const body = await response.text()
  return {
    status: response.status,
    ms: performance.now() - started,
    cache: response.headers.get('x-nextjs-cache'),
    cacheControl: response.headers.get('cache-control'),
    body,
    bytes: Buffer.byteLength(body),
  }
}

async function load(url, { connections, seconds }) {
  const result = await autocannon({ url, connections, duration: seconds, headers: HEADERS })
  return {
    rps: round(result.requests.average, 0),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    // Non-2xx answers count as errors, with failed connections and timeouts (10 s).
    errors: result.errors + result.timeouts + result.non2xx,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
  }
}

/**
 * Short autocannon runs on two or more URLs taking turns (ABBA…, or ABCCBA… for three), after
 * one warm-up run on each, so a change in the machine's load hits them alike. `urls` names them,
 * the last one being the yardstick: { article: …, static: … }. `ratio` is the first against the
 * yardstick; with three, `ratios` gives each against it.
 */
async function turnAbout(urls, { connections }) {
  const names = Object.keys(urls)
  const first = names[0]
  const yardstick = names.at(-1)
  // A first run on each warms their code paths (the first pairs were otherwise the slowest).
  for (const name of names) await load(urls[name], { connections, seconds: COMPARE_SECONDS })
  const totals = Object.fromEntries(names.map((name) => [name, 0]))
  const pairs = []
  for (let i = 0; i < COMPARE_PAIRS; i++) {
    const order = i % 2 === 0 ? names : [...names].reverse()
    const pair = {}
    for (const name of order) {
      pair[name] = await load(urls[name], { connections, seconds: COMPARE_SECONDS })
      totals[name] += pair[name].requests
    }
    pairs.push({ ...pair, ratio: round(pair[first].requests / pair[yardstick].requests, 3) })
  }
  const seconds = COMPARE_SECONDS * COMPARE_PAIRS
  const perName = {}
  for (const name of names) {
    perName[`${name}Rps`] = round(totals[name] / seconds, 0)
    perName[`${name}P99Ms`] = Math.max(...pairs.map((p) => p[name].p99Ms))
  }
  return {
    connections,
    secondsEach: COMPARE_SECONDS,
    ...perName,
    // Four decimals: a goal of 0.9 must not be met by rounding 0.8998 up.
    ratio: round(totals[first] / totals[yardstick], 4),
    ...(names.length > 2 && {
      ratios: Object.fromEntries(
        names.slice(0, -1).map((name) => [name, round(totals[name] / totals[yardstick], 4)]),
      ),
    }),
    pairRatios: pairs.map((p) => p.ratio),
    errors: pairs.reduce((sum, p) => sum + names.reduce((n, name) => n + p[name].errors, 0), 0),
    pairs,
  }
}

/* ---------- the editor, over REST ---------- */

async function login(baseUrl, password) {
  const response = await fetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'editor@kiosque.test', password }),
  })
  const body = await response.json()
  if (!response.ok || !body.token) throw new Error(`editor login: ${response.status}`)
  return { token: body.token, id: body.user.id }
}

async function rest(baseUrl, token, method, urlPath, data) {
  const response = await fetch(`${baseUrl}${urlPath}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify(data),
  })
  const body = await response.json()
  if (!response.ok)
    throw new Error(`${method} ${urlPath}: ${response.status} ${JSON.stringify(body)}`)
  return body.doc
}

const lexical = (paragraphs) => ({
  root: {
    type: 'root',
    direction: 'ltr',
    format: '',
    indent: 0,
    version: 1,
    children: paragraphs.map((value) => ({
      type: 'paragraph',
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
      textFormat: 0,
      textStyle: '',
      children: [
        { type: 'text', text: value, format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
      ],
    })),
  },
})

const FILLER =
  'Les réseaux de recharge rapide progressent le long des autoroutes, moins vite en ville. '

const fillerOf = (chars) =>
  FILLER.repeat(Math.ceil(Math.max(0, chars) / FILLER.length) + 1).slice(0, Math.max(0, chars))

/** Renders the article twice (MISS, then a HIT) and returns the cached answer. */
async function cachedPage(baseUrl, urlPath) {
  await get(baseUrl, urlPath)
  for (let i = 0; i < 20; i++) {
    const page = await get(baseUrl, urlPath)
    if (page.status === 200 && page.cache === 'HIT') return page
    await sleep(100)
  }
  throw new Error(`${urlPath} is not served from the cache (x-nextjs-cache never HIT)`)
}

/**
 * A published article whose page has the static page's byte size: two base paragraphs, plus a
 * third whose length is fitted from the measured bytes per character.
 */
async function calibratedArticle(baseUrl, editor, targetBytes) {
  const base = [
    'Un article du banc d’essai, mis en cache à sa première lecture comme tous les articles.',
    FILLER.repeat(3).trim(),
  ]
  const article = await rest(baseUrl, editor.token, 'POST', '/api/articles?depth=0', {
    title: 'Banc d’essai : la page en cache',
    slug: CACHED_SLUG,
    standfirst: 'Sa taille est ajustée à celle de la page statique du banc d’essai.',
    category: 'tech',
    authors: [editor.id],
    body: lexical(base),
    _status: 'published',
  })
  const urlPath = `/articles/${CACHED_SLUG}`
  let page = await cachedPage(baseUrl, urlPath)
  const baseBytes = page.bytes
  let chars = 0
  let bytesPerChar = 2
  for (let attempt = 0; attempt < 5; attempt++) {
    const missing = targetBytes - page.bytes
    if (Math.abs(missing) <= targetBytes * 0.005) break
    chars = Math.max(0, Math.round(chars + missing / bytesPerChar))
    await rest(baseUrl, editor.token, 'PATCH', `/api/articles/${article.id}?depth=0`, {
      body: lexical(chars > 0 ? [...base, fillerOf(chars)] : base),
      _status: 'published',
    })
    page = await cachedPage(baseUrl, urlPath)
    if (chars > 0) bytesPerChar = Math.max(0.5, (page.bytes - baseBytes) / chars)
  }
  return { id: article.id, urlPath, bytes: page.bytes }
}

/* ---------- measurements ---------- */

/** First requests of distinct articles: the render time of an uncached page. */
function renderSummary(pages) {
  const times = pages.map((page) => page.ms)
  const cacheHeaders = {}
  for (const page of pages) {
    const header = page.cache ?? 'none'
    cacheHeaders[header] = (cacheHeaders[header] ?? 0) + 1
  }
  return {
    articles: pages.length,
    medianBytes: percentile(
      pages.map((page) => page.bytes),
      0.5,
    ),
    p50Ms: round(percentile(times, 0.5)),
    p95Ms: round(percentile(times, 0.95)),
    maxMs: round(Math.max(...times)),
    // Each should be a MISS: rendered for this request, then cached.
    cacheHeaders,
    failures: pages.filter((page) => page.status !== 200).length,
  }
}

/** Stops a server's process group: SIGTERM, then SIGKILL a second later. */
async function stopServer({ child }) {
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    return
  }
  await sleep(1000)
  try {
    process.kill(-child.pid, 'SIGKILL')
  } catch {
    // stopped
  }
}

async function publishLatency(baseUrl, editor, article) {
  const samples = []
  for (let i = 0; i < PUBLISH_SAMPLES; i++) {
    await cachedPage(baseUrl, article.urlPath)
    const mark = `revision-${randomBytes(4).toString('hex')}`
    const started = performance.now()
    const saved = rest(baseUrl, editor.token, 'PATCH', `/api/articles/${article.id}?depth=0`, {
      title: `Banc d’essai : la page en cache, ${mark}`,
      _status: 'published',
    })
    let savedMs = null
    saved.then(() => (savedMs = performance.now() - started)).catch(() => undefined)
    let visibleMs = null
    while (performance.now() - started < 10_000) {
      const page = await get(baseUrl, article.urlPath)
      if (page.body.includes(mark)) {
        visibleMs = performance.now() - started
        break
      }
      await sleep(10)
    }
    await saved
    samples.push({ visibleMs: round(visibleMs), saveMs: round(savedMs) })
  }
  const visible = samples.map((s) => s.visibleMs).filter((ms) => ms !== null)
  return {
    samples: samples.length,
    notVisibleWithin10s: samples.length - visible.length,
    p50Ms: round(percentile(visible, 0.5)),
    maxMs: visible.length ? Math.max(...visible) : null,
    saveP50Ms: round(
      percentile(
        samples.map((s) => s.saveMs).filter((ms) => ms !== null),
        0.5,
      ),
    ),
    measuredFrom: 'the PATCH sent (save included) to the first page with the new title',
  }
}

/** Script chunks of a page, from its HTML. */
const scriptSources = (html) =>
  [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'))

async function gzipBytes(baseUrl, sources) {
  let total = 0
  for (const src of sources) {
    const response = await fetch(new URL(src, baseUrl))
    total += gzipSync(Buffer.from(await response.arrayBuffer())).length
  }
  return total
}

/**
 * The framework's JavaScript: the build manifest's root main files and polyfills, and whatever a
 * page without any component of ours loads (the not-found page: our layout has no client
 * component, so its chunks are Next's own, such as the layout router).
 */
async function clientJavaScript(baseUrl, articleHtml) {
  const manifest = JSON.parse(readFileSync(path.join(root, '.next', 'build-manifest.json'), 'utf8'))
  const strip = (src) => src.split('?')[0]
  const notFound = await get(baseUrl, '/bench-page-qui-n-existe-pas')
  const framework = new Set([
    ...[...manifest.rootMainFiles, ...manifest.polyfillFiles].map((file) => `/_next/${file}`),
    ...scriptSources(notFound.body).map(strip),
  ])
  const article = [...new Set(scriptSources(articleHtml).map(strip))]
  const beyondFramework = article.filter((src) => !framework.has(src))
  const chunks = []
  for (const src of beyondFramework)
    chunks.push({ src, gzipBytes: await gzipBytes(baseUrl, [src]) })
  return {
    baseline:
      'build-manifest.json rootMainFiles + polyfillFiles, and the chunks of the not-found page (same layout, no client component of ours)',
    articleChunks: article.length,
    allGzipBytes: await gzipBytes(baseUrl, article),
    frameworkGzipBytes: await gzipBytes(
      baseUrl,
      article.filter((src) => framework.has(src)),
    ),
    beyondFrameworkGzipBytes: chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    beyondFrameworkChunks: chunks,
  }
}

/* ---------- the production topology (issue #7) ---------- */

const hasCommand = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0

/** Polls a page until its body contains `mark`: milliseconds since `started`, or null. */
async function visibleAfter(baseUrl, urlPath, mark, started, withinMs) {
  while (performance.now() - started < withinMs) {
    try {
      const page = await get(baseUrl, urlPath)
      if (page.status === 200 && page.body.includes(mark)) return round(performance.now() - started)
    } catch {
      // an instance busy or restarting: ask again
    }
    await sleep(20)
  }
  return null
}

const summarize = (values) => {
  const seen = values.filter((ms) => ms !== null)
  return {
    p50Ms: round(percentile(seen, 0.5)),
    maxMs: seen.length ? Math.max(...seen) : null,
    notVisible: values.length - seen.length,
  }
}

/**
 * The yardstick of the proxy: nginx serving the article's bytes from a file, with the proxy's
 * main configuration (one worker, access log) and its gzip settings.
 */
async function startFileServer(stackDir, html) {
  const nginxDir = path.join(stackDir, 'nginx-file')
  const docroot = path.join(nginxDir, 'www')
  for (const sub of ['tmp', 'www']) mkdirSync(path.join(nginxDir, sub), { recursive: true })
  // Running as root, nginx's workers are `nobody`.
  for (const folder of [nginxDir, docroot]) chmodSync(folder, 0o755)
  chmodSync(path.join(nginxDir, 'tmp'), 0o777)
  writeFileSync(path.join(docroot, 'article.html'), html, { mode: 0o644 })
  const port = STACK_PORT + 5
  writeFileSync(
    path.join(nginxDir, 'kiosque.conf'),
    `# Written by scripts/bench.mjs: the article's bytes from a file, compressed as the proxy does.
server {
    listen 127.0.0.1:${port};
    server_tokens off;
    root ${docroot};
    gzip on;
    gzip_comp_level 5;
    gzip_min_length 1024;
    location = /article { default_type text/html; try_files /article.html =404; }
}
`,
  )
  writeFileSync(path.join(nginxDir, 'nginx.conf'), nginxMainConfig(nginxDir))
  const out = createWriteStream(path.join(nginxDir, 'nginx.log'))
  const child = spawn(
    'nginx',
    ['-p', nginxDir, '-c', path.join(nginxDir, 'nginx.conf'), '-g', 'daemon off;'],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  )
  child.stdout.pipe(out)
  child.stderr.pipe(out)
  const server = { url: `http://127.0.0.1:${port}`, child }
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx (file) exited with ${child.exitCode}`)
    try {
      if ((await get(server.url, '/article')).status === 200) return server
    } catch {
      // not listening yet
    }
    await sleep(200)
  }
  await stopServer(server)
  throw new Error(`nginx (file) not answering on ${server.url}`)
}

async function stackFigures(stack) {
  const [appA, appB] = stack.apps
  const proxy = stack.proxyUrl
  const editor = await login(appA.url, stack.seedPassword)
  const figures = {
    topology:
      'npm run stack: nginx micro-cache (deploy/nginx.conf), two next start instances of this bench build sharing Redis, the worker, one SQLite file',
    proxy,
    apps: stack.apps.map((app) => app.url),
  }

  figures.proxyVsFile = await phase(
    'stack: article via the proxy against nginx serving a file',
    async () => {
      const page = await get(proxy, DEMO_ARTICLE)
      if (page.status !== 200) throw new Error(`${DEMO_ARTICLE} through the proxy: ${page.status}`)
      const file = await startFileServer(stack.dir, page.body)
      try {
        const served = await get(file.url, '/article')
        if (served.body !== page.body)
          throw new Error('the file server changed the article’s bytes')
        const proxied = await fetch(`${proxy}${DEMO_ARTICLE}`, { headers: HEADERS })
        await proxied.arrayBuffer()
        const compared = await turnAbout(
          { proxy: `${proxy}${DEMO_ARTICLE}`, file: `${file.url}/article` },
          { connections: 32 },
        )
        return {
          url: DEMO_ARTICLE,
          bytes: page.bytes,
          proxyCacheStatus: proxied.headers.get('x-cache-status'),
          proxyContentEncoding: proxied.headers.get('content-encoding'),
          ...compared,
        }
      } finally {
        await stopServer(file)
      }
    },
  )

  let article
  figures.instanceVsStatic = await phase(
    'stack: article on one instance against its static page',
    async () => {
      const staticPage = await cachedPage(appA.url, STATIC_PAGE).catch(() =>
        get(appA.url, STATIC_PAGE),
      )
      if (staticPage.status !== 200) throw new Error(`${STATIC_PAGE} on A: ${staticPage.status}`)
      article = await calibratedArticle(appA.url, editor, staticPage.bytes)
      const articleHit = await cachedPage(appA.url, article.urlPath)
      // What Next's per-request work for a dynamic route costs on its own: a cached page of the
      // same layout and size whose route has a parameter, and that makes no query.
      const dynamicPath = `${RENDERED_PAGE}/stack-cached`
      const dynamicHit = await cachedPage(appA.url, dynamicPath)
      const compared = await turnAbout(
        {
          article: `${appA.url}${article.urlPath}`,
          dynamicNoQuery: `${appA.url}${dynamicPath}`,
          static: `${appA.url}${STATIC_PAGE}`,
        },
        { connections: 32 },
      )
      return {
        instance: appA.url,
        articleBytes: articleHit.bytes,
        dynamicNoQueryBytes: dynamicHit.bytes,
        staticBytes: staticPage.bytes,
        articleCacheHeader: articleHit.cache,
        dynamicNoQueryCacheHeader: dynamicHit.cache,
        staticCacheHeader: staticPage.cache,
        ...compared,
      }
    },
  )

  figures.publishToVisible = await phase(
    'stack: publish on A, visible on B and via the proxy',
    async () => {
      const samples = []
      for (let i = 0; i < PUBLISH_SAMPLES; i++) {
        // Both readers hold the current page in their caches first.
        await cachedPage(appB.url, article.urlPath)
        await get(proxy, article.urlPath)
        const mark = `revision-${randomBytes(4).toString('hex')}`
        const started = performance.now()
        const saved = rest(appA.url, editor.token, 'PATCH', `/api/articles/${article.id}?depth=0`, {
          title: `Banc d’essai : la page en cache, ${mark}`,
          _status: 'published',
        })
        const [onB, viaProxy] = await Promise.all([
          visibleAfter(appB.url, article.urlPath, mark, started, 10_000),
          visibleAfter(proxy, article.urlPath, mark, started, 10_000),
        ])
        await saved
        samples.push({ onBMs: onB, viaProxyMs: viaProxy })
      }
      return {
        samples: samples.length,
        onB: summarize(samples.map((s) => s.onBMs)),
        viaProxy: summarize(samples.map((s) => s.viaProxyMs)),
        measuredFrom:
          'the PATCH sent to instance A (save included) to the first page with the new title',
        all: samples,
      }
    },
  )

  figures.loadWhilePublishing = await phase(
    `stack: ${STACK_LOAD_CONNECTIONS} connections via the proxy while publishing`,
    async () => {
      let loading = true
      const publishes = []
      const editorLoop = (async () => {
        await sleep(1000)
        while (loading) {
          const started = performance.now()
          const mark = `charge-${randomBytes(4).toString('hex')}`
          let error = null
          try {
            // As an editor would, through the proxy (the API is never cached there).
            await rest(proxy, editor.token, 'PATCH', `/api/articles/${article.id}?depth=0`, {
              title: `Banc d’essai : la page en cache, ${mark}`,
              _status: 'published',
            })
          } catch (failure) {
            error = failure instanceof Error ? failure.message : String(failure)
          }
          const visibleMs = error
            ? null
            : await visibleAfter(proxy, article.urlPath, mark, started, STACK_VISIBLE_WITHIN_MS)
          publishes.push({ visibleMs, error })
          const wait = STACK_PUBLISH_EVERY_MS - (performance.now() - started)
          if (wait > 0) await sleep(wait)
        }
      })()
      const loaded = await load(`${proxy}${article.urlPath}`, {
        connections: STACK_LOAD_CONNECTIONS,
        seconds: LOAD_SECONDS,
      })
      loading = false
      await editorLoop
      const visible = publishes.map((p) => p.visibleMs)
      return {
        url: article.urlPath,
        connections: STACK_LOAD_CONNECTIONS,
        seconds: LOAD_SECONDS,
        ...loaded,
        publishEveryMs: STACK_PUBLISH_EVERY_MS,
        publishes: publishes.length,
        publishErrors: publishes.filter((p) => p.error).length,
        visibleWithinMs: STACK_VISIBLE_WITHIN_MS,
        visible: { ...summarize(visible), all: visible },
        errorsSeen: [...new Set(publishes.map((p) => p.error).filter(Boolean))],
      }
    },
  )
  return figures
}

/** The stack's figures, or why there are none. */
async function stackPhase() {
  if (!options.stack) {
    log('stack: skipped (--no-stack)')
    return { skipped: '--no-stack' }
  }
  const missing = ['nginx', 'redis-server'].filter((command) => !hasCommand(command))
  if (missing.length > 0) {
    const reason = `${missing.join(' and ')} not installed (apt-get install -y nginx redis-server)`
    log(`stack: skipped, ${reason}`)
    return { skipped: reason }
  }
  // Its own folder (nginx's workers must reach the cache there; the bench's is private).
  const stackDir = mkdtempSync(path.join(tmpdir(), 'kiosque-bench-stack-'))
  let stack
  try {
    stack = await phase(
      'stack: start nginx, Redis, two app instances and the worker, seed',
      () => startStack({ port: STACK_PORT, dir: stackDir }),
      { logResult: false },
    )
    return await stackFigures(stack)
  } catch (error) {
    for (const name of ['app-a', 'app-b', 'worker', 'seed', 'nginx/error']) {
      const file = path.join(stackDir, `${name}.log`)
      if (!existsSync(file)) continue
      const lines = readFileSync(file, 'utf8').trim().split('\n').slice(-15)
      log(`last lines of the stack's ${name}.log:\n${lines.join('\n')}`)
    }
    throw error
  } finally {
    if (stack) await stack.stop()
    rmSync(stackDir, { recursive: true, force: true })
  }
}

/* ---------- the run ---------- */

const benchStarted = Date.now()
const results = {
  measuredAt: new Date().toISOString(),
  mode: QUICK ? 'quick' : 'full',
  machine: { cpus: cpus().length, loadAverageAtStart: loadavg().map((v) => round(v, 2)) },
}

function hasBenchBuild() {
  const manifest = path.join(root, '.next', 'prerender-manifest.json')
  if (!existsSync(path.join(root, '.next', 'BUILD_ID')) || !existsSync(manifest)) return false
  return STATIC_PAGE in JSON.parse(readFileSync(manifest, 'utf8')).routes
}

const dir = mkdtempSync(path.join(tmpdir(), 'kiosque-bench-'))
const seedPassword = `bench-${randomBytes(6).toString('hex')}`
const secret = randomBytes(32).toString('hex')

/** One `next start` on its own database file, in its own process group. */
async function startServer(name, port) {
  const baseUrl = `http://localhost:${port}`
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PAYLOAD_SECRET: secret,
    SITE_URL: baseUrl,
    PORT: String(port),
    SEED_PASSWORD: seedPassword,
    DATABASE_URI: `file:${path.join(dir, name, 'kiosque.db')}`,
  }
  mkdirSync(path.join(dir, name), { recursive: true })
  const out = createWriteStream(path.join(dir, name, 'server.log'))
  const child = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-p', String(port)],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  )
  child.stdout.pipe(out)
  child.stderr.pipe(out)
  servers.push({ name, child })
  await waitForHealth(baseUrl, child, 120_000)
  await payloadRun('scripts/seed.ts', [], env)
  return { name, baseUrl, env, child }
}

/**
 * Pages and data cached by an earlier run come from another database: rendered pages of dynamic
 * routes (never prerendered at build) and the data cache. Build-time prerenders stay.
 */
function clearRuntimeCaches() {
  rmSync(path.join(root, '.next', 'cache', 'fetch-cache'), { recursive: true, force: true })
  const pages = path.join(root, '.next', 'server', 'route-cache', 'APP_PAGE')
  if (!existsSync(pages)) return
  for (const build of readdirSync(pages)) {
    for (const route of ['articles', 'series', 'auteurs', 'bench']) {
      rmSync(path.join(pages, build, '$', route), { recursive: true, force: true })
    }
  }
}

const servers = []
let exitCode = 0

try {
  if (options.build || !hasBenchBuild()) {
    await phase('build', async () => {
      // The static page is prerendered in the reader layout: build it on the seeded demo
      // settings, as the running server will show them.
      await payloadRun(
        'scripts/seed.ts',
        [],
        {
          ...process.env,
          NODE_ENV: 'production',
          PAYLOAD_SECRET: secret,
          SEED_PASSWORD: seedPassword,
          REVALIDATE_URLS: 'http://127.0.0.1:9',
          DATABASE_URI: `file:${path.join(dir, 'build', 'kiosque.db')}`,
        },
        { quiet: true },
      )
      await run(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        PAYLOAD_SECRET: secret,
        DATABASE_URI: `file:${path.join(dir, 'build', 'kiosque.db')}`,
        KIOSQUE_BENCH_BUILD: '1',
      })
    })
  } else {
    log('bench build found in .next (--build to rebuild)')
  }
  clearRuntimeCaches()

  // The 10k figures come from a second server on its own database, measured turn about with the
  // 1k server: both see the same load of this shared machine, so their ratio is fair.
  const firstPort = Number(options.port ?? (await freePort()))
  const [main, small] = await phase(
    'start the servers and seed the demo content',
    async () => {
      const started = [await startServer('main', firstPort)]
      if (!QUICK)
        started.push(await startServer('small', options.port ? firstPort + 1 : await freePort()))
      return started
    },
    { logResult: false },
  )
  // Every other figure is measured on the main server, on the larger database.
  const baseUrl = main.baseUrl
  const env = main.env
  memory.pgid = main.child.pid
  memory.timer = setInterval(sampleMemory, 250)
  const editor = await login(baseUrl, seedPassword)

  await phase('seed the bench articles', async () => {
    await payloadRun('scripts/bench-seed.ts', ['--total', String(SIZES.at(-1))], env)
    if (small) await payloadRun('scripts/bench-seed.ts', ['--total', '1000'], small.env)
  })

  results.uncached = await phase('uncached renders', async () => {
    // Odd article numbers on one server, even on the other: no page or data cache is shared.
    const slugs = (total, parity, count, offset) =>
      Array.from(
        { length: count },
        (_, i) => `banc-d-essai-${2 * ((offset + i * 7919) % Math.floor(total / 2)) + parity}`,
      )
    const targets = small
      ? [
          { size: 10_000, url: main.baseUrl, parity: 2 },
          { size: 1000, url: small.baseUrl, parity: 1 },
        ]
      : [{ size: 1000, url: main.baseUrl, parity: 1 }]
    for (const t of targets) {
      const [warm, measured] = [
        slugs(t.size, t.parity, 20, 11),
        slugs(t.size, t.parity, SAMPLE, 11 + 20 * 7919),
      ]
      await get(t.url, '/')
      // Warm the server (code paths, connections, the layout's cached settings) on other articles.
      for (const slug of warm) await get(t.url, `/articles/${slug}`)
      t.slugs = measured
      t.pages = []
    }
    // The floor: a page of the same path and size with no query (/bench/rendered/<n>), each n
    // new, requested in turn with the articles on the main server.
    const run = randomBytes(3).toString('hex')
    for (let i = 0; i < 20; i++) await get(main.baseUrl, `${RENDERED_PAGE}/${run}-warm-${i}`)
    const floor = []
    for (let i = 0; i < SAMPLE; i++) {
      for (const t of targets) t.pages.push(await get(t.url, `/articles/${t.slugs[i]}`))
      floor.push(await get(main.baseUrl, `${RENDERED_PAGE}/${run}-${i}`))
    }
    const summary = Object.fromEntries(targets.map((t) => [t.size, renderSummary(t.pages)]))
    if (small) summary.ratio10kTo1kP50 = round(summary[10_000].p50Ms / summary[1000].p50Ms, 2)
    summary.noQueryPage = renderSummary(floor)
    return summary
  })
  if (small) {
    stopServer(small)
    servers.splice(servers.indexOf(small), 1)
  }

  results.cached = await phase('cached article against the static page', async () => {
    const staticPage = await cachedPage(baseUrl, STATIC_PAGE).catch(() => get(baseUrl, STATIC_PAGE))
    if (staticPage.status !== 200) throw new Error(`${STATIC_PAGE}: ${staticPage.status}`)
    const article = await calibratedArticle(baseUrl, editor, staticPage.bytes)
    results.cachedArticle = article
    const articleHit = await cachedPage(baseUrl, article.urlPath)
    const compared = await turnAbout(
      { article: `${baseUrl}${article.urlPath}`, static: `${baseUrl}${STATIC_PAGE}` },
      { connections: 32 },
    )
    return {
      articleBytes: articleHit.bytes,
      staticBytes: staticPage.bytes,
      articleCacheHeader: articleHit.cache,
      staticCacheHeader: staticPage.cache,
      articleCacheControl: articleHit.cacheControl,
      staticCacheControl: staticPage.cacheControl,
      ...compared,
    }
  })

  results.clientJavaScript = await phase('client JavaScript', async () =>
    clientJavaScript(baseUrl, (await get(baseUrl, DEMO_ARTICLE)).body),
  )

  results.publishToVisible = await phase('publish to visible', () =>
    publishLatency(baseUrl, editor, results.cachedArticle),
  )

  results.scheduledLateness = await phase('scheduled-publish lateness', async () => {
    const count = QUICK ? 3 : 5
    await payloadRun(
      'scripts/measure-schedule.ts',
      ['--count', String(count), '--runner', 'external', '--url', baseUrl],
      env,
    )
    const measured = JSON.parse(
      readFileSync(path.join(root, 'bench/results/schedule-lateness.json'), 'utf8'),
    )
    return {
      count: measured.count,
      missed: measured.missed,
      p50Ms: measured.p50Ms,
      maxMs: measured.maxMs,
      readVia: measured.readVia,
      runner: 'the app server (JOBS_RUNNER=app)',
    }
  })

  results.load = {}
  for (const [name, urlPath] of [
    ['home', '/'],
    ['article', DEMO_ARTICLE],
  ]) {
    results.load[name] = await phase(`load ${urlPath}`, async () => ({
      url: urlPath,
      connections: 64,
      seconds: LOAD_SECONDS,
      ...(await load(`${baseUrl}${urlPath}`, { connections: 64, seconds: LOAD_SECONDS })),
    }))
  }

  sampleMemory()
  const pids = groupPids(main.child.pid)
  results.memory = {
    server: `the main server (${SIZES.at(-1)} articles)`,
    peakRssMb: round(memory.peakKb / 1024),
    peakDuring: memory.peakPhase,
    peakRssMbByPhase: Object.fromEntries(
      Object.entries(memory.byPhase).map(([name, kb]) => [name, round(kb / 1024)]),
    ),
    vmHwmMbPerProcess: pids.map((pid) => round(statusKb(pid, 'VmHWM') / 1024)),
    sampledEveryMs: 250,
    processes: pids.length,
  }

  // The stack runs its own servers on the same build: the single server makes room first.
  clearInterval(memory.timer)
  memory.pgid = null
  await stopServer(main)
  servers.splice(servers.indexOf(main), 1)
  results.stack = await stackPhase()
} catch (error) {
  log(`failed: ${error instanceof Error ? error.stack : error}`)
  exitCode = 1
} finally {
  clearInterval(memory.timer)
  await Promise.all(servers.map((server) => stopServer(server)))
  if (exitCode !== 0) {
    for (const name of ['main', 'small']) {
      const serverLog = path.join(dir, name, 'server.log')
      if (!existsSync(serverLog)) continue
      const lines = readFileSync(serverLog, 'utf8').trim().split('\n')
      log(`last lines of the ${name} server's log:\n${lines.slice(-30).join('\n')}`)
    }
  }
  rmSync(dir, { recursive: true, force: true })
}

results.phases = phases
results.elapsedSeconds = round((Date.now() - benchStarted) / 1000)

/** The stack's lines of the printed table. */
function stackRows(stack, goal) {
  if (stack.skipped) return [['stack (issue #7)', `skipped: ${stack.skipped}`, '', '']]
  const { proxyVsFile: f, instanceVsStatic: s, publishToVisible: p, loadWhilePublishing: l } = stack
  const latency = (v) =>
    `${v.p50Ms} / ${v.maxMs} ms${v.notVisible ? `, ${v.notVisible} never` : ''}`
  const inTime = (v) => v.notVisible === 0 && v.maxMs !== null && v.maxMs <= 2000
  return [
    ['stack: article via proxy, req/s, p99', `${f.proxyRps}/s, ${f.proxyP99Ms} ms`, '', ''],
    ['stack: same bytes, nginx file, req/s, p99', `${f.fileRps}/s, ${f.fileP99Ms} ms`, '', ''],
    ['stack: proxy / nginx file (req/s)', f.ratio, '≥ 0.8', goal(f.ratio >= 0.8)],
    ['stack: instance article / its static page', s.ratio, '≥ 0.9', goal(s.ratio >= 0.9)],
    [
      'stack: same-size cached page, dynamic route, no query / static (ceiling)',
      s.ratios?.dynamicNoQuery ?? '',
      '',
      '',
    ],
    ['stack: publish on A → B: p50 / max', latency(p.onB), '≤ 2000 ms', goal(inTime(p.onB))],
    [
      'stack: publish on A → proxy: p50 / max',
      latency(p.viaProxy),
      '≤ 2000 ms',
      goal(inTime(p.viaProxy)),
    ],
    [
      `stack: ${l.connections} conn. ${l.seconds} s via proxy, publish every ${l.publishEveryMs / 1000} s`,
      `${l.rps}/s, p99 ${l.p99Ms} ms, ${l.errors} errors; ${l.publishes - l.visible.notVisible}/${l.publishes} publishes visible (p50 ${l.visible.p50Ms}, max ${l.visible.maxMs} ms)`,
      '0 errors, all visible',
      goal(
        l.errors === 0 && l.publishErrors === 0 && l.visible.notVisible === 0 && l.publishes > 0,
      ),
    ],
  ]
}

if (exitCode === 0) {
  const u = results.uncached
  const goal = (ok) => (ok ? 'yes' : 'NO')
  const rows = [
    [
      'cached article: req/s, p99',
      `${results.cached.articleRps}/s, ${results.cached.articleP99Ms} ms`,
      '',
      '',
    ],
    [
      'static page: req/s, p99',
      `${results.cached.staticRps}/s, ${results.cached.staticP99Ms} ms`,
      '',
      '',
    ],
    [
      'cached article / static page (req/s)',
      results.cached.ratio,
      '≥ 0.9',
      goal(results.cached.ratio >= 0.9),
    ],
    ...SIZES.map((size) => [
      `uncached render at ${size / 1000}k: p50 / p95`,
      `${u[size].p50Ms} / ${u[size].p95Ms} ms`,
      'p50 ≤ 15 ms',
      goal(u[size].p50Ms <= 15),
    ]),
    [
      'uncached render, same size, no query (floor)',
      `${u.noQueryPage.p50Ms} / ${u.noQueryPage.p95Ms} ms`,
      '',
      '',
    ],
    ...(u.ratio10kTo1kP50 !== undefined
      ? [['uncached p50, 10k / 1k', u.ratio10kTo1kP50, '≤ 1.2', goal(u.ratio10kTo1kP50 <= 1.2)]]
      : []),
    [
      'publish → visible: p50 / max',
      `${results.publishToVisible.p50Ms} / ${results.publishToVisible.maxMs} ms`,
      '≤ 1000 ms',
      goal(results.publishToVisible.maxMs !== null && results.publishToVisible.maxMs <= 1000),
    ],
    [
      'scheduled publish lateness: p50 / max',
      `${results.scheduledLateness.p50Ms} / ${results.scheduledLateness.maxMs} ms`,
      '≤ 2000 ms',
      goal(results.scheduledLateness.maxMs !== null && results.scheduledLateness.maxMs <= 2000),
    ],
    [
      'article JS beyond the framework (gzip)',
      `${(results.clientJavaScript.beyondFrameworkGzipBytes / 1024).toFixed(1)} KB`,
      '≤ 5 KB',
      goal(results.clientJavaScript.beyondFrameworkGzipBytes <= 5 * 1024),
    ],
    ['server peak RSS (process group)', `${results.memory.peakRssMb} MB`, '', ''],
    ...Object.values(results.load).map((l) => [
      `load ${l.url}: ${l.connections} conn. ${l.seconds} s`,
      `${l.rps}/s, p99 ${l.p99Ms} ms, ${l.errors} errors`,
      '0 errors',
      goal(l.errors === 0),
    ]),
    ...stackRows(results.stack, goal),
  ]
  console.log(`\nKiosque bench (${results.mode}), ${results.measuredAt}`)
  console.table(rows.map(([figure, value, target, met]) => ({ figure, value, goal: target, met })))
  console.log(
    `phases: ${phases.map((p) => `${p.phase} ${p.seconds} s`).join(' · ')} · total ${results.elapsedSeconds} s`,
  )
  const out = path.join(root, 'bench', 'results', 'latest.json')
  mkdirSync(path.dirname(out), { recursive: true })
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`)
  console.log(`written to ${path.relative(process.cwd(), out)}`)
}
process.exit(exitCode)
