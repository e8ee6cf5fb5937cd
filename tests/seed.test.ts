import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import {
  getArticle,
  getAuthorPage,
  getSeries,
  getSiteSettings,
  listLatestArticles,
} from '../lib/content'
import type { SeriesCardView } from '../lib/views'
import { seedDemoContent } from '../seed'
import { ARTICLES } from '../seed/content'
import { startPayload, type TestContext } from './helpers/payload'

let ctx: TestContext
const password = 'seed-password-for-tests'

beforeAll(async () => {
  ctx = await startPayload()
  await seedDemoContent(ctx.payload, { password })
  await seedDemoContent(ctx.payload, { password })
}, 120_000)

afterAll(async () => {
  await ctx?.close()
})

describe('seedDemoContent run twice', () => {
  it('leaves one copy of everything', async () => {
    const count = async (
      collection: 'articles' | 'series' | 'affiliate-links' | 'media' | 'users',
    ) => (await ctx.payload.count({ collection })).totalDocs
    expect(await count('articles')).toBe(ARTICLES.length)
    expect(await count('series')).toBe(1)
    expect(await count('affiliate-links')).toBe(1)
    // Poster, hero and the publication's logo.
    expect(await count('media')).toBe(3)
    // The three demo users, plus the admin the test harness makes first.
    expect(await count('users')).toBe(4)
  })

  it('lets each demo user log in with the seed password', async () => {
    for (const email of ['admin@kiosque.test', 'editor@kiosque.test', 'journalist@kiosque.test']) {
      await expect(ctx.login(email, password)).resolves.toEqual(expect.any(String))
    }
  })
})

describe('the demo authors', () => {
  it('keep their slugs and each has a page with the articles they signed', async () => {
    for (const [slug, email] of [
      ['julien-moreau', 'journalist@kiosque.test'],
      ['claire-dubois', 'editor@kiosque.test'],
    ] as const) {
      const author = await getAuthorPage(slug, 1)
      expect(author?.articles.map((a) => a.slug).sort()).toEqual(
        ARTICLES.filter((a) => a.author === email)
          .map((a) => a.slug)
          .sort(),
      )
    }
    // The admin signed nothing: a slug, but no public page.
    expect(await getAuthorPage('alexandra-martin', 1)).toBeNull()
  })
})

describe('the demo story as a reader gets it', () => {
  it('lists the review among the published articles', async () => {
    const { articles } = await listLatestArticles(1)
    expect(articles[0]?.slug).toBe('renault-anatomie-dun-come-back-premier-episode')
    expect(articles).toHaveLength(ARTICLES.length)
  })

  it('serves the review with its author, series and the affiliate offer it links', async () => {
    const article = await getArticle('renault-anatomie-dun-come-back-premier-episode')
    expect(article).not.toBeNull()
    expect(article?.authors.map((a) => a.name)).toEqual(['Julien Moreau'])
    expect(article?.series?.slug).toBe('renault-anatomie-dun-come-back')
    expect(article?.affiliateLinks).toEqual([
      expect.objectContaining({ slug: 'prime-video-essai-30-jours' }),
    ])
    expect(article?.image?.alt).toBeTruthy()
    // Search engines get the hero in 16:9, 4:3 and 1:1.
    expect(article?.shareImages).toEqual([
      expect.stringMatching(/-1600x900\.png$/),
      expect.stringMatching(/-1200x900\.png$/),
      expect.stringMatching(/-1200x1200\.png$/),
    ])
  })

  it('gives the publication a square logo for search engines', async () => {
    const settings = await getSiteSettings()
    expect(settings.logo).toMatchObject({ width: 512, height: 512 })
    expect(settings.logo?.url).toMatch(/^\/api\/media\/file\/rouages-logo\.png$/)
  })

  it('embeds the series card after the review’s first paragraph, series readable', async () => {
    const article = await getArticle('renault-anatomie-dun-come-back-premier-episode')
    const [first, second] = article!.body.root.children as unknown as {
      type: string
      fields?: { blockType?: string; series?: SeriesCardView | null }
    }[]
    expect(first?.type).toBe('paragraph')
    expect(second?.type).toBe('block')
    expect(second?.fields?.blockType).toBe('seriesCard')
    expect(second?.fields?.series).toMatchObject({
      slug: 'renault-anatomie-dun-come-back',
      platform: 'Prime Video',
      productionCompany: 'Breath Film (Elephant)',
      poster: { alt: expect.stringContaining('Affiche'), width: 1000, height: 1500 },
      trialOffer: { slug: 'prime-video-essai-30-jours' },
    })
    expect(article?.series?.episodes).toHaveLength(4)
  })

  it('lists the trial offer once for the disclosure: inline link, card in the body, card below', async () => {
    const article = await getArticle('renault-anatomie-dun-come-back-premier-episode')
    expect(article?.affiliateLinks.map((link) => link.slug)).toEqual(['prime-video-essai-30-jours'])
  })

  it('serves an article without affiliate links with none, so it shows no disclosure', async () => {
    const article = await getArticle('recharge-rapide-puissance-affichee')
    expect(article?.affiliateLinks).toEqual([])
  })

  it('serves the series with four 40-minute episodes released on 13 December 2024 at 9:00 Paris', async () => {
    const series = await getSeries('renault-anatomie-dun-come-back')
    expect(series?.episodes.map((e) => [e.number, e.title, e.durationMinutes])).toEqual([
      [1, 'Épisode 1', 40],
      [2, 'Épisode 2', 40],
      [3, 'Épisode 3', 40],
      [4, 'Épisode 4', 40],
    ])
    expect(new Date(series!.releaseAt).toISOString()).toBe('2024-12-13T08:00:00.000Z')
    expect(series?.trialOffer?.slug).toBe('prime-video-essai-30-jours')
    expect(series?.productionCompany).toBe('Breath Film (Elephant)')
  })

  it('keeps the membership appeal to exactly three reasons', async () => {
    const settings = await getSiteSettings()
    expect(settings.membership.reasons).toHaveLength(3)
    expect(settings.publicationName).toBe('Rouages')
  })

  it('answers null for unknown or malformed slugs instead of querying with them', async () => {
    expect(await getArticle('nexiste-pas')).toBeNull()
    expect(await getArticle('../../etc/passwd')).toBeNull()
    expect(await getSeries('https://evil.example')).toBeNull()
  })

  it('stops serving an article the moment it is unpublished', async () => {
    const { docs } = await ctx.payload.find({
      collection: 'articles',
      where: { slug: { equals: 'velo-electrique-faire-durer-sa-batterie' } },
    })
    await ctx.payload.update({
      collection: 'articles',
      id: docs[0]!.id,
      data: { _status: 'draft' },
    })
    expect(await getArticle('velo-electrique-faire-durer-sa-batterie')).toBeNull()
    const { articles } = await listLatestArticles(1)
    expect(articles.map((a) => a.slug)).not.toContain('velo-electrique-faire-durer-sa-batterie')
  })
})
