import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { XMLParser, XMLValidator } from 'fast-xml-parser'

import { GET as feedGET } from '../../app/(frontend)/feed.xml/route'
import { GET as newsGET } from '../../app/(frontend)/news-sitemap.xml/route'
import robots from '../../app/robots'
import sitemap from '../../app/sitemap'
import type { Article } from '../../payload-types'
import { seedDemoContent } from '../../seed'
import { ARTICLES, SERIES, SETTINGS } from '../../seed/content'
import { startPayload, type TestContext } from '../helpers/payload'

const SITE = 'http://localhost:3000'
const REVIEW = 'renault-anatomie-dun-come-back-premier-episode'
// Unpublished content carries this token: it must appear in no output.
const CANARY = 'canari-7f3e9b'
const FRESH = 'article-frais-de-la-redaction'
const HOUR = 60 * 60 * 1000

let ctx: TestContext
let draftId: Article['id']
let canaryAuthorDraftId: Article['id']
const CANARY_AUTHOR = `auteur-${CANARY}`

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Single items stay arrays, so the assertions read the same whatever the count.
  isArray: (name) => ['item', 'url', 'author'].includes(name),
})

async function articleBase() {
  const { docs } = await ctx.payload.find({
    collection: 'articles',
    where: { slug: { equals: REVIEW } },
    depth: 0,
    overrideAccess: true,
  })
  const review = docs[0]!
  return {
    standfirst: review.standfirst,
    category: review.category,
    authors: review.authors,
    body: review.body,
  }
}

async function fetchXml(handler: () => Promise<Response>, type: string) {
  const response = await handler()
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe(type)
  const xml = await response.text()
  expect(XMLValidator.validate(xml)).toBe(true)
  return { xml, doc: parser.parse(xml) as Record<string, any> } // eslint-disable-line @typescript-eslint/no-explicit-any
}

const readFeed = () => fetchXml(feedGET, 'application/rss+xml; charset=utf-8')
const readNews = () => fetchXml(newsGET, 'application/xml; charset=utf-8')

beforeAll(async () => {
  ctx = await startPayload()
  await seedDemoContent(ctx.payload, { password: 'seed-password-for-tests' })
  const base = await articleBase()
  const draft = await ctx.payload.create({
    collection: 'articles',
    data: { ...base, title: `Brouillon ${CANARY}`, slug: `brouillon-${CANARY}`, _status: 'draft' },
    draft: true,
    overrideAccess: true,
  })
  draftId = draft.id
  await ctx.payload.create({
    collection: 'articles',
    data: {
      ...base,
      title: `Programmé ${CANARY}`,
      slug: `programme-${CANARY}`,
      publishedAt: new Date(Date.now() + 24 * HOUR).toISOString(),
      _status: 'draft',
    },
    draft: true,
    overrideAccess: true,
  })
  // An author whose only article is a draft: no author page, so nothing in the sitemap.
  const { user } = await ctx.createUser(['journalist'], `${CANARY}@kiosque.test`)
  await ctx.payload.update({
    collection: 'users',
    id: user.id,
    data: { slug: CANARY_AUTHOR },
    overrideAccess: true,
  })
  const authorDraft = await ctx.payload.create({
    collection: 'articles',
    data: {
      ...base,
      authors: [user.id],
      title: `Brouillon d’auteur ${CANARY}`,
      slug: `brouillon-auteur-${CANARY}`,
      _status: 'draft',
    },
    draft: true,
    overrideAccess: true,
  })
  canaryAuthorDraftId = authorDraft.id
}, 120_000)

afterAll(async () => {
  await ctx?.close()
})

describe('GET /feed.xml', () => {
  it('has the canary draft and scheduled article to hide (the checks below are not vacuous)', async () => {
    const { totalDocs } = await ctx.payload.count({
      collection: 'articles',
      where: { slug: { contains: CANARY } },
      overrideAccess: true,
    })
    expect(totalDocs).toBe(3)
  })

  it('is RSS 2.0 with the channel from the site settings and the published articles, review first', async () => {
    const { xml, doc } = await readFeed()
    expect(doc.rss['@version']).toBe('2.0')
    const channel = doc.rss.channel
    expect(channel.title).toBe(SETTINGS.publicationName)
    expect(channel.link).toBe(`${SITE}/`)
    expect(channel.language).toBe('fr')
    expect(channel['atom:link']['@href']).toBe(`${SITE}/feed.xml`)
    const items = channel.item as Record<string, any>[] // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(items).toHaveLength(ARTICLES.length)
    for (const article of ARTICLES) {
      const url = `${SITE}/articles/${article.slug}`
      const item = items.find((i) => i.link === url)
      expect(item).toBeDefined()
      expect(item?.guid['#text']).toBe(url)
      expect(item?.guid['@isPermaLink']).toBe('true')
      expect(new Date(item?.pubDate).toISOString()).toBe(article.publishedAt)
      expect(item?.description).toBe(article.standfirst)
    }
    const [first] = items
    expect(first?.link).toBe(`${SITE}/articles/${REVIEW}`)
    expect(first?.author).toEqual(['Julien Moreau'])
    expect(first?.enclosure['@url']).toMatch(/^http:\/\/localhost:3000\/api\/media\/file\//)
    expect(first?.enclosure['@type']).toMatch(/^image\//)
    expect(xml).not.toContain(CANARY)
  })
})

describe('sitemap.ts', () => {
  it('lists the home page, the published articles, the series and their authors with absolute URLs', async () => {
    const entries = await sitemap()
    const urls = entries.map((e) => e.url)
    expect(urls).toContain(`${SITE}/`)
    expect(urls).toContain(`${SITE}/articles/${REVIEW}`)
    expect(urls).toContain(`${SITE}/series/${SERIES.slug}`)
    // The two demo authors; the admin signed nothing, the canary author only a draft.
    expect(urls).toHaveLength(1 + ARTICLES.length + 1 + 2)
    expect(entries.every((e) => e.url.startsWith(`${SITE}/`) && e.lastModified)).toBe(true)
    expect(JSON.stringify(entries)).not.toContain(CANARY)
  })

  it('dates an author page by the latest change to the published articles it lists', async () => {
    const entries = await sitemap()
    const { docs } = await ctx.payload.find({
      collection: 'articles',
      where: { _status: { equals: 'published' } },
      depth: 1,
      limit: 100,
      overrideAccess: true,
    })
    for (const slug of ['julien-moreau', 'claire-dubois']) {
      const latest = docs
        .filter((doc) => doc.authors.some((a) => typeof a === 'object' && a.slug === slug))
        .map((doc) => doc.updatedAt)
        .sort()
        .at(-1)
      expect(latest).toBeDefined()
      expect(entries.find((e) => e.url === `${SITE}/auteurs/${slug}`)?.lastModified).toBe(latest)
    }
  })
})

describe('robots.ts', () => {
  it('keeps crawlers out of the admin and API and names both sitemaps', () => {
    const rules = robots()
    expect(rules.rules).toMatchObject({ userAgent: '*', allow: '/' })
    const disallow = (rules.rules as { disallow: string[] }).disallow
    expect(disallow).toEqual(
      expect.arrayContaining(['/admin', '/api', '/go/', '/newsletter/', '/preview']),
    )
    expect(rules.sitemap).toEqual([`${SITE}/sitemap.xml`, `${SITE}/news-sitemap.xml`])
  })
})

describe('GET /news-sitemap.xml', () => {
  it('lists only the articles of the last 48 hours, with publication name and language', async () => {
    const before = await readNews()
    expect(before.doc.urlset.url).toBeUndefined()

    const base = await articleBase()
    const publishedAt = new Date(Date.now() - HOUR).toISOString()
    await ctx.payload.create({
      collection: 'articles',
      data: {
        ...base,
        title: 'Article frais & «\u00a0urgent\u00a0»',
        slug: FRESH,
        publishedAt,
        _status: 'published',
      },
      overrideAccess: true,
    })
    const { xml, doc } = await readNews()
    const urls = doc.urlset.url as Record<string, any>[] // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(urls).toHaveLength(1)
    const [entry] = urls
    expect(entry?.loc).toBe(`${SITE}/articles/${FRESH}`)
    const news = entry?.['news:news']
    expect(news['news:publication']['news:name']).toBe(SETTINGS.publicationName)
    expect(news['news:publication']['news:language']).toBe('fr')
    expect(news['news:title']).toBe('Article frais & «\u00a0urgent\u00a0»')
    expect(news['news:publication_date']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/)
    expect(new Date(news['news:publication_date']).getTime()).toBe(
      Math.floor(new Date(publishedAt).getTime() / 1000) * 1000,
    )
    for (const article of ARTICLES) expect(xml).not.toContain(article.slug)
    expect(xml).not.toContain(CANARY)
  })
})

describe('publishing the canary draft', () => {
  it('puts it in the feed', async () => {
    await ctx.payload.update({
      collection: 'articles',
      id: draftId,
      data: { _status: 'published' },
      overrideAccess: true,
    })
    const { doc } = await readFeed()
    const links = (doc.rss.channel.item as { link: string }[]).map((i) => i.link)
    expect(links[0]).toBe(`${SITE}/articles/brouillon-${CANARY}`)
    // The scheduled article is still a draft.
    expect(links.some((link) => link.includes(`programme-${CANARY}`))).toBe(false)
  })
})

describe('publishing the canary author’s draft', () => {
  it('gives them an author page in the sitemap', async () => {
    await ctx.payload.update({
      collection: 'articles',
      id: canaryAuthorDraftId,
      data: { _status: 'published' },
      overrideAccess: true,
    })
    const urls = (await sitemap()).map((e) => e.url)
    expect(urls).toContain(`${SITE}/auteurs/${CANARY_AUTHOR}`)
  })
})
