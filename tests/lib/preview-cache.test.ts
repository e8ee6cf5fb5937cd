/**
 * Preview queries must never go through Next's data cache (`unstable_cache`): a draft written
 * there would be served to readers. `unstable_cache` is observed, not replaced: outside a Next
 * server it throws and reader queries run directly (lib/content.ts `readerQuery`).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'

import type { User } from '../../payload-types'
import { makeArticle } from '../helpers/fixtures'
import type { TestContext } from '../helpers/payload'

type NextCache = typeof import('next/cache')
const actual = jest.requireActual<NextCache>('next/cache')
const unstableCache = jest.fn(actual.unstable_cache)
jest.unstable_mockModule('next/cache', () => ({ ...actual, unstable_cache: unstableCache }))

const { getArticle, getArticlePreview, getSeries, getSeriesPreview } =
  await import('../../lib/content')
const { startPayload } = await import('../helpers/payload')
const { SERIES } = await import('../../seed/content')

let ctx: TestContext
let editor: User

beforeAll(async () => {
  ctx = await startPayload()
  editor = (await ctx.createUser(['editor'])).user
  await makeArticle(ctx.payload, editor.id, 'draft', { slug: 'brouillon-en-apercu' })
  await ctx.payload.create({
    collection: 'series',
    data: { ...SERIES, slug: 'serie-brouillon-en-apercu', _status: 'draft' },
    draft: true,
    overrideAccess: true,
  })
}, 120_000)

afterAll(async () => {
  await ctx?.close()
})

beforeEach(() => {
  unstableCache.mockClear()
})

/** The cache keys the reader queries asked `unstable_cache` for. */
const cacheKeys = () => unstableCache.mock.calls.map((call) => call[1])

describe('preview queries and the data cache', () => {
  it('reader queries go through unstable_cache (the observation works)', async () => {
    expect(await getArticle('brouillon-en-apercu')).toBeNull()
    expect(await getSeries('serie-brouillon-en-apercu')).toBeNull()
    expect(cacheKeys()).toEqual([
      ['article', 'brouillon-en-apercu'],
      ['series', 'serie-brouillon-en-apercu'],
    ])
  })

  it('preview queries return the draft without ever calling unstable_cache', async () => {
    expect((await getArticlePreview('brouillon-en-apercu', editor))?.slug).toBe(
      'brouillon-en-apercu',
    )
    expect((await getSeriesPreview('serie-brouillon-en-apercu', editor))?.slug).toBe(
      'serie-brouillon-en-apercu',
    )
    expect(unstableCache).not.toHaveBeenCalled()
  })
})
