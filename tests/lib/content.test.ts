import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { getArticle } from '../../lib/content'
import type { SeriesCardView } from '../../lib/views'
import type { Series, User } from '../../payload-types'
import { seedDemoContent } from '../../seed'
import { SERIES, TRIAL_OFFER } from '../../seed/content'
import { doc, p, seriesCard } from '../../seed/lexical'
import { makeArticle } from '../helpers/fixtures'
import { startPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext
let authorId: User['id']
let demoSeriesId: Series['id']

beforeAll(async () => {
  ctx = await startPayload()
  await seedDemoContent(ctx.payload, { password: 'seed-password-for-tests' })
  const { user } = await ctx.createUser(['journalist'])
  authorId = user.id
  const { docs } = await ctx.payload.find({
    collection: 'series',
    where: { slug: { equals: SERIES.slug } },
    limit: 1,
  })
  demoSeriesId = docs[0]!.id
}, 120_000)

afterAll(async () => {
  await ctx?.close()
})

/** A series sharing the demo's facts, with its own slug, trial offer and status. */
async function makeSeries(slug: string, status: 'draft' | 'published', offerActive: boolean) {
  const offer = await ctx.payload.create({
    collection: 'affiliate-links',
    data: { ...TRIAL_OFFER, slug: `${slug}-essai`, active: offerActive },
    overrideAccess: true,
  })
  const data = { ...SERIES, slug, title: `Série ${slug}`, trialOffer: offer.id, _status: status }
  return ctx.payload.create({ collection: 'series', data, draft: status === 'draft' })
}

const cardsIn = (body: unknown) =>
  (
    body as { root: { children: { type: string; fields?: { series?: SeriesCardView | null } }[] } }
  ).root.children
    .filter((node) => node.type === 'block')
    .map((node) => node.fields?.series ?? null)

describe('getArticle and series cards', () => {
  it('counts the trial offer of the article’s own series card, so the disclosure shows', async () => {
    const article = await makeArticle(ctx.payload, authorId, 'published', {
      slug: 'article-lie-a-la-serie',
      series: demoSeriesId,
    })
    const view = await getArticle(article.slug)
    expect(view?.series?.trialOffer?.slug).toBe('prime-video-essai-30-jours')
    expect(view?.affiliateLinks.map((link) => link.slug)).toEqual(['prime-video-essai-30-jours'])
  })

  it('counts the trial offer of a series card embedded in the body', async () => {
    const article = await makeArticle(ctx.payload, authorId, 'published', {
      slug: 'article-avec-fiche',
      body: doc(p('Texte.'), seriesCard(demoSeriesId, 'carte')),
    })
    const view = await getArticle(article.slug)
    expect(cardsIn(view?.body).map((series) => series?.slug)).toEqual([SERIES.slug])
    expect(view?.affiliateLinks.map((link) => link.slug)).toEqual(['prime-video-essai-30-jours'])
  })

  it('shows no card and counts no offer for an embedded series that is still a draft', async () => {
    const draft = await makeSeries('serie-brouillon', 'draft', true)
    const article = await makeArticle(ctx.payload, authorId, 'published', {
      slug: 'article-fiche-brouillon',
      body: doc(p('Texte.'), seriesCard(draft.id, 'carte')),
    })
    const view = await getArticle(article.slug)
    expect(cardsIn(view?.body)).toEqual([null])
    expect(view?.affiliateLinks).toEqual([])
  })

  it('drops a switched-off trial offer from the card and from the disclosure count', async () => {
    const series = await makeSeries('serie-offre-coupee', 'published', false)
    const article = await makeArticle(ctx.payload, authorId, 'published', {
      slug: 'article-offre-coupee',
      series: series.id,
      body: doc(p('Texte.'), seriesCard(series.id, 'carte')),
    })
    const view = await getArticle(article.slug)
    expect(view?.series?.slug).toBe('serie-offre-coupee')
    expect(view?.series?.trialOffer).toBeNull()
    expect(cardsIn(view?.body)[0]?.trialOffer).toBeNull()
    expect(view?.affiliateLinks).toEqual([])
  })
})
