import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { GET, HEAD } from '../../app/(frontend)/go/[slug]/route'
import type { AffiliateLink, User } from '../../payload-types'
import { startPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext
let editor: { user: User; token: string }
let journalist: { user: User; token: string }

beforeAll(async () => {
  ctx = await startPayload()
  editor = await ctx.createUser(['editor'])
  journalist = await ctx.createUser(['journalist'])
})

afterAll(async () => {
  await ctx?.close()
})

const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36'
const GOOGLEBOT =
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) Chrome/131.0 Safari/537.36'

let linkCount = 0

/** Creates an affiliate link as an editor would; live unless told otherwise. */
async function makeLink(overrides: Partial<AffiliateLink> = {}) {
  linkCount += 1
  return ctx.payload.create({
    collection: 'affiliate-links',
    data: {
      label: `Offre ${linkCount}`,
      slug: `offre-${linkCount}`,
      merchant: 'Boutique',
      url: `https://shop.example/offre-${linkCount}?ref=kiosque`,
      active: true,
      ...overrides,
    },
  })
}

type Follow = {
  method?: 'GET' | 'HEAD'
  headers?: Record<string, string>
}

/** Follows /go/<slug> as a browser would, unless other headers are given. */
function follow(
  slug: string,
  { method = 'GET', headers = { 'user-agent': BROWSER } }: Follow = {},
) {
  const request = new Request(`http://localhost:3000/go/${encodeURIComponent(slug)}`, {
    method,
    headers,
  })
  const handler = method === 'HEAD' ? HEAD : GET
  return handler(request, { params: Promise.resolve({ slug }) })
}

async function clicksOn(link: { id: AffiliateLink['id'] }) {
  const { totalDocs } = await ctx.payload.count({
    collection: 'affiliate-clicks',
    where: { link: { equals: link.id } },
  })
  return totalDocs
}

describe('/go/<slug>', () => {
  // A live link the tricks below are built on: none of them may reach it.
  let tricked: AffiliateLink

  beforeAll(async () => {
    tricked = await makeLink({ slug: 'offre-tricks' })
  })

  it('redirects (302) to the stored URL of a live link, uncached and unindexed', async () => {
    const link = await makeLink()
    const response = await follow(link.slug)
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(link.url)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow')
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  })

  it('redirects a link whose expiry is still ahead', async () => {
    const link = await makeLink({ expiresAt: new Date(Date.now() + 3_600_000).toISOString() })
    const response = await follow(link.slug)
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(link.url)
  })

  it('sends a stored address with accents as a valid, percent-encoded Location', async () => {
    const link = await makeLink({ url: 'https://boutique.example/offre-été?réf=kiosque' })
    const response = await follow(link.slug)
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(
      'https://boutique.example/offre-%C3%A9t%C3%A9?r%C3%A9f=kiosque',
    )
  })

  it.each([
    ['an unknown slug', async () => 'offre-qui-nexiste-pas'],
    ['an inactive link', async () => (await makeLink({ active: false })).slug],
    [
      'an expired link',
      async () => (await makeLink({ expiresAt: new Date(Date.now() - 60_000).toISOString() })).slug,
    ],
  ])('answers 404 without redirecting for %s, and counts nothing', async (_, slugOf) => {
    const slug = await slugOf()
    const before = await ctx.payload.count({ collection: 'affiliate-clicks' })
    const response = await follow(slug)
    expect(response.status).toBe(404)
    expect(response.headers.get('location')).toBeNull()
    expect(response.headers.get('cache-control')).toContain('no-store')
    const after = await ctx.payload.count({ collection: 'affiliate-clicks' })
    expect(after.totalDocs).toBe(before.totalDocs)
  })

  it.each([
    '%2F%2Fevil.example',
    '//evil.example',
    '..%2F',
    '../',
    '..%2Foffre-tricks',
    'https:%2F%2Fevil.example',
    'https://evil.example',
    'OFFRE-TRICKS',
    'Offre-Tricks',
    'offre-tricks%2F',
    'offre-tricks/',
    'offre-tricks%00',
    ' offre-tricks',
    'offre-tricks?next=https://evil.example',
    'a'.repeat(121),
    '',
  ])('answers 404 and never redirects for the slug %j', async (slug) => {
    const response = await follow(slug)
    expect(response.status).toBe(404)
    expect(response.headers.get('location')).toBeNull()
    expect(response.headers.get('cache-control')).toContain('no-store')
  })

  it('still redirects the genuine slug the tricks above were built on', async () => {
    const response = await follow(tricked.slug)
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(tricked.url)
  })
})

describe('click counting', () => {
  it('counts 100 concurrent clicks exactly: 100 more, no more, no fewer', async () => {
    const link = await makeLink()
    await follow(link.slug)
    expect(await clicksOn(link)).toBe(1)

    const responses = await Promise.all(Array.from({ length: 100 }, () => follow(link.slug)))
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 302))
    expect(await clicksOn(link)).toBe(101)
  })

  it.each([
    ['a HEAD request', { method: 'HEAD', headers: { 'user-agent': BROWSER } }],
    ['Googlebot', { headers: { 'user-agent': GOOGLEBOT } }],
    ['a request without User-Agent', { headers: {} }],
    ['a prefetch (Purpose)', { headers: { 'user-agent': BROWSER, purpose: 'prefetch' } }],
    [
      'a prerender (Sec-Purpose)',
      { headers: { 'user-agent': BROWSER, 'sec-purpose': 'prefetch;prerender' } },
    ],
  ] as [string, Follow][])('redirects %s the same way but does not count it', async (_, how) => {
    const link = await makeLink()
    const response = await follow(link.slug, how)
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(link.url)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(await clicksOn(link)).toBe(0)
  })

  it('answers HEAD on an unknown slug with the same 404', async () => {
    const response = await follow('offre-inconnue', { method: 'HEAD' })
    expect(response.status).toBe(404)
    expect(response.headers.get('location')).toBeNull()
  })

  it('keeps the path of the page of this site the reader came from, and nothing from elsewhere', async () => {
    const link = await makeLink()
    const referers = [
      'http://localhost:3000/articles/un-article?utm_source=lettre#avis',
      'https://evil.example/articles/un-article',
      `http://localhost:3000/${'x'.repeat(600)}`,
      'pas une adresse',
    ]
    for (const referer of referers) {
      await follow(link.slug, { headers: { 'user-agent': BROWSER, referer } })
    }
    const { docs } = await ctx.payload.find({
      collection: 'affiliate-clicks',
      where: { link: { equals: link.id } },
      sort: 'createdAt',
    })
    expect(docs.map((click) => click.source ?? null).sort()).toEqual(
      ['/articles/un-article', null, null, null].sort(),
    )
  })
})

describe('the click count of a link', () => {
  it('is the number of recorded clicks for editors and absent for readers and journalists', async () => {
    const link = await makeLink()
    await Promise.all([follow(link.slug), follow(link.slug), follow(link.slug)])

    const asEditor = await ctx.rest(`/api/affiliate-links/${link.id}`, { token: editor.token })
    expect(asEditor.status).toBe(200)
    expect(((await asEditor.json()) as { clicks?: number }).clicks).toBe(3)

    const list = await ctx.rest(`/api/affiliate-links?where[slug][equals]=${link.slug}`, {
      token: editor.token,
    })
    const { docs } = (await list.json()) as { docs: { clicks?: number }[] }
    expect(docs[0]?.clicks).toBe(3)

    for (const token of [undefined, journalist.token]) {
      const response = await ctx.rest(`/api/affiliate-links/${link.id}`, { token })
      expect(response.status).toBe(200)
      expect(await response.json()).not.toHaveProperty('clicks')
    }
  })

  it('goes with the link when an editor deletes it', async () => {
    const link = await makeLink()
    await follow(link.slug)
    await follow(link.slug)
    const response = await ctx.rest(`/api/affiliate-links/${link.id}`, {
      method: 'DELETE',
      token: editor.token,
    })
    expect(response.status).toBe(200)
    expect(await clicksOn(link)).toBe(0)
    expect((await follow(link.slug)).status).toBe(404)
  })
})

describe('affiliate-clicks over the API', () => {
  it('refuses to record a click sent by anyone, editors included, and stores nothing', async () => {
    const link = await makeLink()
    for (const token of [undefined, editor.token]) {
      const response = await ctx.rest('/api/affiliate-clicks', {
        method: 'POST',
        token,
        body: JSON.stringify({ link: link.id, source: '/articles/faux' }),
      })
      expect(response.status).toBe(403)
    }
    expect(await clicksOn(link)).toBe(0)
  })

  it('is readable by editors only, and nobody alters a recorded click', async () => {
    const link = await makeLink()
    await follow(link.slug)
    const [click] = (
      await ctx.payload.find({
        collection: 'affiliate-clicks',
        where: { link: { equals: link.id } },
      })
    ).docs
    expect(click).toBeDefined()

    expect((await ctx.rest('/api/affiliate-clicks')).status).toBe(403)
    expect((await ctx.rest('/api/affiliate-clicks', { token: journalist.token })).status).toBe(403)
    const asEditor = await ctx.rest(`/api/affiliate-clicks?where[link][equals]=${link.id}`, {
      token: editor.token,
    })
    expect(asEditor.status).toBe(200)
    expect(((await asEditor.json()) as { totalDocs: number }).totalDocs).toBe(1)

    const update = await ctx.rest(`/api/affiliate-clicks/${click!.id}`, {
      method: 'PATCH',
      token: editor.token,
      body: JSON.stringify({ source: '/ailleurs' }),
    })
    expect(update.status).toBe(403)
    const remove = await ctx.rest(`/api/affiliate-clicks/${click!.id}`, {
      method: 'DELETE',
      token: editor.token,
    })
    expect(remove.status).toBe(403)
    expect(await clicksOn(link)).toBe(1)
  })
})
