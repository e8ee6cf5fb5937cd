import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { AffiliateLink } from '../../payload-types'
import { bodyOf } from '../helpers/fixtures'
import { startPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext
let editorToken: string
let adminToken: string

beforeAll(async () => {
  ctx = await startPayload()
  editorToken = (await ctx.createUser(['editor'])).token
  adminToken = (await ctx.createUser(['admin'])).token
})

afterAll(async () => {
  await ctx?.close()
})

type ErrorBody = {
  errors: { message: string; data?: { errors?: { path: string; message: string }[] } }[]
}

async function fieldErrors(response: Response) {
  const body = (await response.json()) as ErrorBody
  return body.errors.flatMap((error) => error.data?.errors ?? [])
}

describe('affiliate links', () => {
  const link = { label: 'Offre', merchant: 'Boutique', slug: 'offre' }

  it.each([
    ['http://shop.example/offre', 'https://'],
    ['javascript:alert(1)', 'https://'],
    ['pas une adresse', 'URL valide'],
    ['https://user:secret@shop.example/', 'identifiants'],
  ])('refuses %s with a clear message and stores nothing', async (url, expected) => {
    const response = await ctx.rest('/api/affiliate-links', {
      method: 'POST',
      token: editorToken,
      body: JSON.stringify({ ...link, url }),
    })
    expect(response.status).toBe(400)
    const errors = await fieldErrors(response)
    expect(errors).toEqual([expect.objectContaining({ path: 'url' })])
    expect(errors[0]?.message).toContain(expected)
    const { totalDocs } = await ctx.payload.count({ collection: 'affiliate-links' })
    expect(totalDocs).toBe(0)
  })

  it('accepts an https URL and derives a clean slug from the label when none is given', async () => {
    const response = await ctx.rest('/api/affiliate-links', {
      method: 'POST',
      token: editorToken,
      body: JSON.stringify({
        label: 'Essai gratuit : 30 jours !',
        merchant: 'M',
        url: 'https://shop.example/',
      }),
    })
    expect(response.status).toBe(201)
    const { doc } = (await response.json()) as { doc: { slug: string; clicks?: number } }
    expect(doc.slug).toBe('essai-gratuit-30-jours')
    // The editor sees the count computed from recorded clicks: none yet.
    expect(doc.clicks).toBe(0)
  })
})

describe('affiliate clicks', () => {
  let link: AffiliateLink

  beforeAll(async () => {
    link = await ctx.payload.create({
      collection: 'affiliate-links',
      data: { label: 'Source', slug: 'source', merchant: 'M', url: 'https://shop.example/' },
    })
  })

  it.each(['https://evil.example/page', 'evil.example/page', `/${'x'.repeat(500)}`])(
    'refuses the source %s: only a path on this site, 500 characters at most',
    async (source) => {
      await expect(
        ctx.payload.create({ collection: 'affiliate-clicks', data: { link: link.id, source } }),
      ).rejects.toMatchObject({ status: 400 })
      const { totalDocs } = await ctx.payload.count({ collection: 'affiliate-clicks' })
      expect(totalDocs).toBe(0)
    },
  )
})

// Readers sign up through the form (lib/newsletter.ts); the REST API only takes an admin's
// writes, which the collection validates the same way.
describe('subscribers', () => {
  const consentText = 'J’accepte de recevoir la lettre.'

  it.each(['pas-un-email', 'a@', '@exemple.fr', `${'x'.repeat(250)}@exemple.fr`])(
    'refuses the address %s and stores nothing',
    async (email) => {
      const response = await ctx.rest('/api/subscribers', {
        method: 'POST',
        token: adminToken,
        body: JSON.stringify({ email, consentText }),
      })
      expect(response.status).toBe(400)
      const errors = await fieldErrors(response)
      expect(errors.map((e) => e.path)).toContain('email')
      const { totalDocs } = await ctx.payload.count({
        collection: 'subscribers',
        where: { email: { equals: email.toLowerCase() } },
      })
      expect(totalDocs).toBe(0)
    },
  )

  it('normalises the address, so the same person signing up twice is one row', async () => {
    const first = await ctx.rest('/api/subscribers', {
      method: 'POST',
      token: adminToken,
      body: JSON.stringify({
        email: '  Lecteur@Exemple.FR ',
        consentText,
        sourcePage: '/articles/x',
      }),
    })
    expect(first.status).toBe(201)
    const second = await ctx.rest('/api/subscribers', {
      method: 'POST',
      token: adminToken,
      body: JSON.stringify({ email: 'lecteur@exemple.fr', consentText }),
    })
    expect(second.status).toBe(400)
    const { docs } = await ctx.payload.find({
      collection: 'subscribers',
      where: { email: { equals: 'lecteur@exemple.fr' } },
    })
    expect(docs).toHaveLength(1)
    expect(docs[0]?.consentAt).toBeTruthy()
    expect(docs[0]?.sourcePage).toBe('/articles/x')
  })

  it('records the consent time from the server, whatever the client sends', async () => {
    const response = await ctx.rest('/api/subscribers', {
      method: 'POST',
      token: adminToken,
      body: JSON.stringify({
        email: 'horodatage@exemple.fr',
        consentText,
        consentAt: '2001-01-01T00:00:00.000Z',
      }),
    })
    const { doc } = (await response.json()) as { doc: { id: number } }
    const stored = await ctx.payload.findByID({ collection: 'subscribers', id: doc.id })
    expect(Date.now() - new Date(stored.consentAt ?? 0).getTime()).toBeLessThan(60_000)
  })
})

describe('articles', () => {
  it('refuses an article without title or body and keeps nothing half-written', async () => {
    const response = await ctx.rest('/api/articles', {
      method: 'POST',
      token: editorToken,
      body: JSON.stringify({ standfirst: 'Chapô seul', _status: 'published' }),
    })
    expect(response.status).toBe(400)
    const paths = (await fieldErrors(response)).map((e) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['title', 'body']))
    const { totalDocs } = await ctx.payload.count({ collection: 'articles' })
    expect(totalDocs).toBe(0)
  })

  it('refuses a slug that is not one, and a second article with the same slug', async () => {
    const { id: authorId } = (await ctx.payload.find({ collection: 'users', limit: 1 })).docs[0]!
    const base = {
      title: 'Titre',
      standfirst: 'Chapô',
      category: 'tech' as const,
      authors: [authorId],
      body: bodyOf('Texte.'),
    }
    await expect(
      ctx.payload.create({ collection: 'articles', data: { ...base, slug: '!!!' } }),
    ).rejects.toMatchObject({ status: 400 })
    await ctx.payload.create({ collection: 'articles', data: { ...base, slug: 'un-titre' } })
    await expect(
      ctx.payload.create({ collection: 'articles', data: { ...base, slug: 'un-titre' } }),
    ).rejects.toMatchObject({ status: 400 })
    const { totalDocs } = await ctx.payload.count({
      collection: 'articles',
      where: { slug: { equals: 'un-titre' } },
    })
    expect(totalDocs).toBe(1)
  })
})
