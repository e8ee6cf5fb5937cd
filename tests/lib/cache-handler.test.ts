/**
 * The cache handler (lib/next-cache-handler.mjs) on a throw-away folder, beside Next's own file-system
 * cache that it extends: what each writes for a page, a 404 and a query that found nothing.
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import fileSystemCacheModule from 'next/dist/server/lib/incremental-cache/file-system-cache.js'
import { nodeFs } from 'next/dist/server/lib/node-fs-methods.js'

import tagsManifestModule from 'next/dist/server/lib/incremental-cache/tags-manifest.external.js'

import {
  expiredTagsFile,
  KiosqueCacheHandler,
  liftLifetime,
  MISSING_ENTRIES_MAX,
  restoreExpiredTags,
  withLifetime,
} from '../../lib/next-cache-handler.mjs'
import { revalidationsSettled } from '../../lib/pending-revalidations.mjs'
import { inlineScriptHashes } from '../../lib/security-headers.mjs'

type Handler = {
  get: (key: string, ctx: Record<string, unknown>) => Promise<Entry | null>
  set: (key: string, data: unknown, ctx: Record<string, unknown>) => Promise<void>
  revalidateTag: (tags: string[], durations?: { expire?: number }) => Promise<void>
}
type Entry = { value: { headers?: Record<string, string>; status?: number } }

const FileSystemCache = ((fileSystemCacheModule as { default?: unknown }).default ??
  fileSystemCacheModule) as new (ctx: unknown) => Handler

const dirs: string[] = []
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

/** A handler writing under a fresh folder, without Next's in-memory layer (disk only). */
function make(Class: new (ctx: unknown) => Handler) {
  const dir = mkdtempSync(path.join(tmpdir(), 'kiosque-cache-'))
  dirs.push(dir)
  const handler = new Class({
    fs: nodeFs,
    // Next writes query results beside the server folder (<dist>/cache/fetch-cache).
    serverDistDir: path.join(dir, 'server'),
    flushToDisk: true,
    revalidatedTags: [],
    maxMemoryCacheSize: 0,
  })
  const files = () =>
    readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
  return { handler, files, dir }
}

const HTML =
  '<html><body><script>(self.__next_f=self.__next_f||[]).push([0])</script><script src="/_next/static/a.js"></script><script>self.__next_f.push([1,"x"])</script></body></html>'

const page = (status: number) => ({
  kind: 'APP_PAGE',
  html: HTML,
  rscData: Buffer.from('0:{}'),
  headers: { 'x-next-cache-tags': 'articles' } as Record<string, string>,
  status,
  postponed: undefined,
  segmentData: undefined,
})
const pageCtx = { cacheControl: { revalidate: false, expire: undefined } }
const key = (slug: string) => `/route-cache/APP_PAGE/build/$/articles/${slug}`

const nullQuery = {
  kind: 'FETCH',
  data: { headers: {}, body: 'null', status: 200, url: '' },
  revalidate: false,
}
const queryCtx = { fetchCache: true, fetchUrl: 'unstable_cache  article', tags: ['article:x'] }

describe('the cache handler', () => {
  it('stores a page with its reader policy: this origin and the hashes of its inline scripts', async () => {
    const { handler } = make(KiosqueCacheHandler as never)
    const data = page(200)
    await handler.set(key('un-article'), data, pageCtx)
    const policy = data.headers['content-security-policy']
    expect(policy).toContain(`script-src 'self' ${inlineScriptHashes(HTML).join(' ')}`)
    expect(inlineScriptHashes(HTML)).toHaveLength(2)
    const read = await handler.get(key('un-article'), { kind: 'APP_PAGE', isFallback: false })
    expect(read?.value.headers?.['content-security-policy']).toBe(policy)
  })

  it('writes a 404 page to disk, as Next does, only with Next’s own handler', async () => {
    const next = make(FileSystemCache)
    const ours = make(KiosqueCacheHandler as never)
    for (let i = 0; i < 20; i += 1) {
      await next.handler.set(key(`hasard-${i}`), page(404), pageCtx)
      await ours.handler.set(key(`hasard-${i}`), page(404), pageCtx)
      await next.handler.set(`query-${i}`, nullQuery, queryCtx)
      await ours.handler.set(`query-${i}`, nullQuery, queryCtx)
    }
    // Next: an .html, .rsc and .meta per 404 and a file per empty query result, without limit.
    expect(next.files().length).toBeGreaterThanOrEqual(20 * 4)
    expect(ours.files()).toHaveLength(0)
    // Still served from memory, with their policy, until the LRU drops them.
    const read = await ours.handler.get(key('hasard-3'), { kind: 'APP_PAGE', isFallback: false })
    expect(read?.value.status).toBe(404)
    expect(read?.value.headers?.['content-security-policy']).toMatch(/script-src 'self' 'sha256-/)
    expect(await ours.handler.get('query-3', { kind: 'FETCH', ...queryCtx })).not.toBeNull()
  })

  it(`keeps at most ${MISSING_ENTRIES_MAX} missing entries, dropping the least recently used`, async () => {
    const { handler } = make(KiosqueCacheHandler as never)
    await handler.set(key('premier'), page(404), pageCtx)
    for (let i = 0; i < MISSING_ENTRIES_MAX + 50; i += 1) {
      if (i === 100) await handler.get(key('premier'), { kind: 'APP_PAGE', isFallback: false })
      await handler.set(key(`crawl-${i}`), page(404), pageCtx)
    }
    const get = (slug: string) => handler.get(key(slug), { kind: 'APP_PAGE', isFallback: false })
    // 551 entries for 500 places: the 51 least recently used go, 'premier' (read at 100) stays.
    expect(await get('crawl-0')).toBeNull()
    expect(await get('crawl-50')).toBeNull()
    expect(await get('crawl-51')).not.toBeNull()
    expect(await get(`crawl-${MISSING_ENTRIES_MAX + 49}`)).not.toBeNull()
    expect(await get('premier')).not.toBeNull()
  })

  it('writes a page that is found again after a 404 to disk like any page', async () => {
    const { handler, files } = make(KiosqueCacheHandler as never)
    await handler.set(key('bientot'), page(404), pageCtx)
    await handler.set(key('bientot'), page(200), pageCtx)
    expect(files().some((file) => file.name === 'bientot.html')).toBe(true)
    const read = await handler.get(key('bientot'), { kind: 'APP_PAGE', isFallback: false })
    expect(read?.value.status).toBe(200)
  })

  it('remembers a revalidated tag across a restart, so a page expired before it stays expired', async () => {
    const { tagsManifest } =
      (tagsManifestModule as { default?: typeof tagsManifestModule }).default ?? tagsManifestModule
    const { handler, dir } = make(KiosqueCacheHandler as never)
    const ctx = { kind: 'APP_PAGE', isFallback: false }
    await handler.set(key('retire'), page(200), pageCtx)
    await new Promise((resolve) => setTimeout(resolve, 5))
    // What lib/revalidate.ts does when the article is unpublished.
    await handler.revalidateTag(['articles'], { expire: 0 })
    expect(await handler.get(key('retire'), ctx)).toBeNull()

    // A new process: Next's manifest starts empty, the page is still on disk.
    tagsManifest.clear()
    expect(await handler.get(key('retire'), ctx)).not.toBeNull()
    restoreExpiredTags(expiredTagsFile(path.join(dir, 'server')))
    expect(await handler.get(key('retire'), ctx)).toBeNull()

    // A page rendered after the revalidation is served.
    await handler.set(key('retire'), page(200), pageCtx)
    expect(await handler.get(key('retire'), ctx)).not.toBeNull()
  })

  it('lets code that runs after the answer wait for a revalidation Next started beside it', async () => {
    const { handler, dir } = make(KiosqueCacheHandler as never)
    const file = expiredTagsFile(path.join(dir, 'server'))
    // Next calls this without waiting for it before sending the answer (lib/pending-revalidations.mjs).
    void handler.revalidateTag(['article:attendu'], { expire: 0 })
    await revalidationsSettled()
    // Done means written to disk, as a restart would read it.
    expect(readFileSync(file, 'utf8')).toContain('article:attendu')
  })

  it('keeps a page’s lifetime with the value that goes to Redis, and gives it back to Next', () => {
    const lifetime = { revalidate: false, expire: undefined }
    // Redis holds JSON: what comes back is a copy, not the object that was stored.
    const stored = JSON.parse(JSON.stringify(withLifetime(page(200), { cacheControl: lifetime })))
    const entry = liftLifetime({ lastModified: 1, value: stored })
    expect(entry.cacheControl).toEqual({ revalidate: false })
    expect(entry.value.html).toBe(HTML)
    // A query result keeps its own lifetime; an entry stored before this change has none.
    const query = withLifetime(nullQuery, { cacheControl: lifetime })
    expect(query).toBe(nullQuery)
    expect(liftLifetime({ lastModified: 1, value: page(200) }).cacheControl).toBeUndefined()
    expect(liftLifetime(null)).toBeNull()
  })
})
