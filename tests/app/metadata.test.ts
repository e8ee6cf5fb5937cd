import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { generateMetadata as articleMetadata } from '../../app/(frontend)/articles/[slug]/page'
import { generateMetadata as seriesMetadata } from '../../app/(frontend)/series/[slug]/page'
import { seedDemoContent } from '../../seed'
import { startPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startPayload()
  await seedDemoContent(ctx.payload, { password: 'metadata-password' })
})

afterAll(async () => {
  await ctx?.close()
})

const params = (slug: string) => ({ params: Promise.resolve({ slug }) })

describe('page metadata', () => {
  it('gives the review its canonical URL, RSS link and an article card for social networks', async () => {
    const meta = await articleMetadata(params('renault-anatomie-dun-come-back-premier-episode'))
    expect(meta.alternates).toEqual({
      canonical: '/articles/renault-anatomie-dun-come-back-premier-episode',
      types: { 'application/rss+xml': '/feed.xml' },
    })
    expect(meta.openGraph).toMatchObject({
      type: 'article',
      siteName: 'Rouages',
      locale: 'fr_FR',
      publishedTime: '2024-12-05T13:32:00.000Z',
      authors: ['Julien Moreau'],
      section: 'Écrans',
    })
  })

  it('gives the series its canonical URL and a TV show card', async () => {
    const meta = await seriesMetadata(params('renault-anatomie-dun-come-back'))
    expect(meta.alternates).toMatchObject({ canonical: '/series/renault-anatomie-dun-come-back' })
    expect(meta.openGraph).toMatchObject({ type: 'video.tv_show', siteName: 'Rouages' })
  })

  it('says nothing about a page that does not exist', async () => {
    expect(await articleMetadata(params('nexiste-pas'))).toEqual({})
  })
})
