import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import sharp from 'sharp'

import ArticleImage from '../../app/(frontend)/articles/[slug]/opengraph-image'
import SeriesImage from '../../app/(frontend)/series/[slug]/opengraph-image'
import { seedDemoContent } from '../../seed'
import { articleData } from '../helpers/fixtures'
import { startPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startPayload()
  await seedDemoContent(ctx.payload, { password: 'og-password' })
})

afterAll(async () => {
  await ctx?.close()
})

const params = (slug: string) => ({ params: Promise.resolve({ slug }) })

async function png(response: Response) {
  const buffer = Buffer.from(await response.arrayBuffer())
  return { type: response.headers.get('content-type'), meta: await sharp(buffer).metadata() }
}

describe('social images', () => {
  it('are 1200×630 PNGs for the review and the series', async () => {
    for (const response of [
      await ArticleImage(params('renault-anatomie-dun-come-back-premier-episode')),
      await SeriesImage(params('renault-anatomie-dun-come-back')),
    ]) {
      const { type, meta } = await png(response)
      expect(type).toBe('image/png')
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630])
    }
  })

  it('do not exist for an unpublished article', async () => {
    const { docs } = await ctx.payload.find({ collection: 'users', limit: 1 })
    await ctx.payload.create({
      collection: 'articles',
      draft: true,
      data: { ...articleData(docs[0]!.id, { slug: 'image-sous-embargo' }), _status: 'draft' },
    })
    await expect(ArticleImage(params('image-sous-embargo'))).rejects.toThrow(
      /NEXT_HTTP_ERROR_FALLBACK;404/,
    )
  })
})
