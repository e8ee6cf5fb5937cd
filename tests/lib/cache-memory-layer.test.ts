/**
 * The memory layer in front of the shared cache (lib/cache-memory-layer.mjs), on a stand-in for
 * Redis that two "instances" share: a copy is served only while nothing was written since it was
 * read, on whichever instance the write happened. tests/stack/shared-cache.stack.ts runs the
 * same layer on a real Redis with the real handler.
 */
import { describe, expect, it } from '@jest/globals'

import { entryBytes, withMemoryInFront } from '../../lib/cache-memory-layer.mjs'

type Entry = { lastModified: number; tags: string[]; value: { kind: string; html: string } }

/** One Redis: a key-value map and counters, with a hook to run something during a read. */
function sharedStore() {
  const entries = new Map<string, Entry>()
  const counters = new Map<string, number>()
  const state = { ready: true, reads: 0, duringRead: null as null | (() => Promise<void>) }
  const client = {
    get isReady() {
      return state.ready
    },
    withAbortSignal() {
      return {
        get: async (key: string) => (counters.has(key) ? String(counters.get(key)) : null),
        incr: async (key: string) => {
          counters.set(key, (counters.get(key) ?? 0) + 1)
          return counters.get(key)
        },
      }
    },
  }
  const handler = {
    name: 'stand-in',
    async get(key: string) {
      if (!state.ready) throw new Error('down')
      state.reads++
      const entry = entries.get(key) ?? null
      if (state.duringRead) {
        const hook = state.duringRead
        state.duringRead = null
        await hook()
      }
      return entry
    },
    async set(key: string, entry: Entry) {
      entries.set(key, entry)
    },
    async revalidateTag(tag: string) {
      for (const [key, entry] of entries) if (entry.tags.includes(tag)) entries.delete(key)
    },
    async delete(key: string) {
      entries.delete(key)
    },
  }
  return { client, handler, state }
}

const page = (html: string, tags = ['articles']): Entry => ({
  lastModified: Date.now(),
  tags,
  value: { kind: 'APP_PAGE', html },
})

function instances(options: { maxBytes?: number } = {}) {
  const store = sharedStore()
  const make = () =>
    withMemoryInFront(store.handler, store.client, { generationKey: 'gen', ...options })
  return { store, a: make(), b: make() }
}

describe('the memory layer in front of the shared cache', () => {
  it('serves a repeated read from memory, without reading the entry again', async () => {
    const { store, a } = instances()
    await a.set('/x', page('<p>x</p>'))
    expect((await a.get('/x', {}))?.value.html).toBe('<p>x</p>')
    expect((await a.get('/x', {}))?.value.html).toBe('<p>x</p>')
    expect(store.state.reads).toBe(1)
    expect(a.stats().entries).toBe(1)
  })

  it('drops its copies when another instance revalidates a tag', async () => {
    const { a, b } = instances()
    await a.set('/x', page('<p>old</p>'))
    expect((await b.get('/x', {}))?.value.html).toBe('<p>old</p>')
    await a.revalidateTag('articles')
    expect(await b.get('/x', {})).toBeNull()
    await a.set('/x', page('<p>new</p>'))
    expect((await b.get('/x', {}))?.value.html).toBe('<p>new</p>')
  })

  it('drops its copies when another instance sets or deletes an entry', async () => {
    const { a, b } = instances()
    await a.set('/x', page('<p>1</p>'))
    expect((await b.get('/x', {}))?.value.html).toBe('<p>1</p>')
    await a.set('/x', page('<p>2</p>'))
    expect((await b.get('/x', {}))?.value.html).toBe('<p>2</p>')
    await a.delete('/x')
    expect(await b.get('/x', {})).toBeNull()
  })

  it('does not keep an entry read while another instance revalidated it', async () => {
    const { store, a, b } = instances()
    await a.set('/x', page('<p>old</p>'))
    // B reads the old entry; before its read returns, A revalidates and renders anew.
    store.state.duringRead = async () => {
      await a.revalidateTag('articles')
      await a.set('/x', page('<p>new</p>'))
    }
    expect((await b.get('/x', {}))?.value.html).toBe('<p>old</p>')
    // That one request saw the old page (it was in flight); the next one sees the new page.
    expect((await b.get('/x', {}))?.value.html).toBe('<p>new</p>')
  })

  it('does not keep an entry when a concurrent read saw a newer generation', async () => {
    const { store, a, b } = instances()
    await a.set('/x', page('<p>old</p>'))
    let second: Promise<unknown> = Promise.resolve()
    store.state.duringRead = async () => {
      await a.set('/y', page('<p>y</p>'))
      second = b.get('/y', {})
      await second
    }
    await b.get('/x', {})
    await second
    expect(b.stats().entries).toBe(1)
    expect(await b.get('/x', {})).not.toBeNull()
    expect(store.state.reads).toBe(3)
  })

  it('serves nothing from memory while Redis is unreachable', async () => {
    const { store, a } = instances()
    await a.set('/x', page('<p>x</p>'))
    await a.get('/x', {})
    store.state.ready = false
    await expect(a.get('/x', {})).rejects.toThrow(/not connected/)
  })

  it('keeps its copies within its memory budget, least recently used out first', async () => {
    const big = 'x'.repeat(1000)
    const { a } = instances({ maxBytes: 8 * (1000 + 256) })
    for (const key of ['/1', '/2', '/3', '/4', '/5', '/6', '/7', '/8']) await a.set(key, page(big))
    for (const key of ['/1', '/2', '/3', '/4', '/5', '/6', '/7', '/8']) await a.get(key, {})
    await a.get('/1', {})
    await a.set('/9', page(big)) // a write: the next read drops every copy
    for (const key of ['/1', '/2', '/3', '/4', '/5', '/6', '/7', '/8', '/9']) await a.get(key, {})
    expect(a.stats().entries).toBe(8)
    expect(a.stats().bytes).toBeLessThanOrEqual(8 * (1000 + 256))
  })

  it('estimates an entry from its bodies', () => {
    expect(
      entryBytes({
        value: {
          html: 'abc',
          rscData: Buffer.alloc(10),
          segmentData: new Map([['/s', Buffer.alloc(5)]]),
        },
      }),
    ).toBe(256 + 3 + 10 + 5)
    expect(entryBytes({ value: { kind: 'FETCH', data: { body: '[1,2]' } } })).toBe(256 + 5)
  })
})
