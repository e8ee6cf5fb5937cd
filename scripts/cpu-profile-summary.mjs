#!/usr/bin/env node
/**
 * `node scripts/cpu-profile-summary.mjs <file.cpuprofile> [--top 30] [--match <regexp>]`
 *
 * Where the CPU time of a V8 profile (`node --cpu-prof`, the inspector's Profiler domain) goes:
 * self time by module (the package under node_modules, or the file), self time by function, and
 * total (inclusive) time by function, each in milliseconds and as a share of the busy time (the
 * profile minus `(idle)`). `--match` keeps only the functions whose name or file matches, to
 * follow one path (e.g. `--match 'sqlite|libsql'`).
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import { SourceMapConsumer } from 'source-map-js'

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '30' }, match: { type: 'string' } },
})
if (positionals.length !== 1 || !/^\d{1,4}$/.test(options.top)) {
  console.error('usage: cpu-profile-summary.mjs <file.cpuprofile> [--top 30] [--match <regexp>]')
  process.exit(2)
}
const top = Number(options.top)
const match = options.match ? new RegExp(options.match, 'i') : null
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'))

/**
 * Bundled code (Next's chunks, its precompiled runtimes) is named by its source map when one lies
 * beside the file: the original file, line and function name.
 */
const consumers = new Map()
function consumerFor(url) {
  if (!url.startsWith('file://') && !url.startsWith('/')) return null
  if (consumers.has(url)) return consumers.get(url)
  let consumer = null
  try {
    const file = url.startsWith('file://') ? fileURLToPath(url) : url
    if (existsSync(`${file}.map`)) {
      consumer = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')))
    }
  } catch {
    // no usable map: keep the bundle's names
  }
  consumers.set(url, consumer)
  return consumer
}
/** A map's source as a path: `webpack://next/./src/…` is Next's own, others are relative. */
function sourcePath(bundleUrl, source) {
  const webpack = /^webpack:\/\/([^/]+)\/(?:\.\/)?(.*)$/.exec(source)
  if (webpack) return `/node_modules/${webpack[1]}/${webpack[2]}`
  const bundle = bundleUrl.startsWith('file://') ? fileURLToPath(bundleUrl) : bundleUrl
  return path.resolve(path.dirname(bundle), decodeURIComponent(source))
}

for (const node of profile.nodes) {
  const frame = node.callFrame
  const consumer = frame.url ? consumerFor(frame.url) : null
  if (!consumer) continue
  const position = { line: frame.lineNumber + 1, column: frame.columnNumber }
  let original = consumer.originalPositionFor(position)
  // A function's start is often just before its first mapped token.
  if (!original.source)
    original = consumer.originalPositionFor({
      ...position,
      bias: SourceMapConsumer.LEAST_UPPER_BOUND,
    })
  if (!original.source) continue
  node.callFrame = {
    ...frame,
    url: sourcePath(frame.url, original.source),
    lineNumber: (original.line ?? 1) - 1,
    functionName: original.name && !frame.functionName ? original.name : frame.functionName,
  }
}

const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
const parent = new Map()
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id)

/** A file's module: the package under the last node_modules, Next's bundle chunk, or the path. */
function moduleOf(url) {
  if (!url) return '(native)'
  const path = url.replace(/^file:\/\//, '')
  const inModules = path.lastIndexOf('/node_modules/')
  if (inModules >= 0) {
    const rest = path.slice(inModules + '/node_modules/'.length).split('/')
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]
  }
  const next = path.indexOf('/.next/')
  if (next >= 0) return path.slice(next + 1)
  return path.startsWith('node:') ? path : path.split('/').slice(-2).join('/')
}

const functionKey = ({ callFrame: f }) =>
  `${f.functionName || '(anonymous)'}  ${moduleOf(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''}`

/** A file as a short path: from the package (or .next/) on, or its last two segments. */
function fileOf(url) {
  if (!url) return '(native)'
  const file = url.replace(/^file:\/\//, '')
  const inModules = file.lastIndexOf('/node_modules/')
  if (inModules >= 0) return file.slice(inModules + '/node_modules/'.length)
  if (file.startsWith(`${process.cwd()}/`)) return path.relative(process.cwd(), file)
  return moduleOf(url)
}

/** Broad areas, for a first look; checked in order on the file's short path. */
const AREAS = [
  [
    'react (RSC and HTML rendering)',
    /^(react|react-dom|react-server-dom-[\w-]+)\/|\/react-server-dom-|react-dom-server|cjs\/react/,
  ],
  ['payload and the database', /^(payload|@payloadcms|%40payloadcms|drizzle-orm|@libsql|libsql)\//],
  [
    'next: cache (incremental/response cache, file writes)',
    /incremental-cache|response-cache|multi-file-writer|node-fs-methods|batcher/,
  ],
  ['next: other', /^next\/|turbopack/],
  ['app code', /^(lib|components|app|collections|globals)\//],
  ['node: fs', /^node:(internal\/)?fs/],
  ['node: async_hooks (AsyncLocalStorage)', /^node:(internal\/)?async_hooks/],
  [
    'node: streams, http, zlib, buffers',
    /^node:(internal\/)?(streams|webstreams|_http|http|zlib|buffer|net|stream)/,
  ],
  ['node: other', /^node:/],
  ['garbage collector', /^\(garbage collector\)$/],
]
const areaOf = (file) => AREAS.find(([, pattern]) => pattern.test(file))?.[0] ?? `other: ${file}`

const selfByArea = new Map()
const selfByFunction = new Map()
const selfByModule = new Map()
const selfByFile = new Map()
const totalByFunction = new Map()
const totalByModule = new Map()
const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms)

let idleMs = 0
let busyMs = 0
const { samples, timeDeltas } = profile
for (let i = 0; i < samples.length; i++) {
  // A sample's time is the delta to the next one (the last one has none).
  const ms = (timeDeltas[i + 1] ?? 0) / 1000
  const node = nodes.get(samples[i])
  if (node.callFrame.functionName === '(idle)') {
    idleMs += ms
    continue
  }
  busyMs += ms
  add(selfByFunction, functionKey(node), ms)
  add(selfByModule, moduleOf(node.callFrame.url), ms)
  add(selfByFile, fileOf(node.callFrame.url), ms)
  // Native code (file system calls, JSON, regular expressions) counts for the JavaScript that
  // called it; the collector and the VM's own time keep their names.
  let caller = node
  while (
    !caller.callFrame.url &&
    parent.has(caller.id) &&
    !/^\(/.test(caller.callFrame.functionName)
  )
    caller = nodes.get(parent.get(caller.id))
  add(
    selfByArea,
    caller.callFrame.url
      ? areaOf(fileOf(caller.callFrame.url))
      : areaOf(caller.callFrame.functionName),
    ms,
  )
  const seen = new Set()
  for (let id = node.id; id !== undefined; id = parent.get(id)) {
    const frame = nodes.get(id)
    for (const key of [functionKey(frame), `module ${moduleOf(frame.callFrame.url)}`]) {
      if (seen.has(key)) continue
      seen.add(key)
      add(
        key.startsWith('module ') ? totalByModule : totalByFunction,
        key.slice(key.startsWith('module ') ? 7 : 0),
        ms,
      )
    }
  }
}

const wallMs = (profile.endTime - profile.startTime) / 1000
console.log(
  `profile: ${wallMs.toFixed(0)} ms wall, ${busyMs.toFixed(0)} ms busy, ${idleMs.toFixed(0)} ms idle, ${samples.length} samples`,
)

function table(title, map) {
  const rows = [...map]
    .filter(([key]) => !match || match.test(key))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
  console.log(`\n${title}`)
  for (const [key, ms] of rows) {
    const share = ((100 * ms) / busyMs).toFixed(1).padStart(5)
    console.log(`${ms.toFixed(1).padStart(9)} ms ${share} %  ${key}`)
  }
}

table('self time by area (native code counted for its JavaScript caller)', selfByArea)
table('self time by module', selfByModule)
table('self time by file', selfByFile)
table('total time by module (inclusive: on the stack)', totalByModule)
table('self time by function', selfByFunction)
table('total time by function (inclusive)', totalByFunction)
