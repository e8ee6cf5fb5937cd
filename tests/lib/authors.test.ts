import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { ARTICLES_PER_PAGE, getArticle, getAuthorPage } from '../../lib/content'
import type { User } from '../../payload-types'
import { seedDemoContent } from '../../seed'
import { ARTICLES } from '../../seed/content'
import { makeArticle } from '../helpers/fixtures'
import { startPayload, type TestContext } from '../helpers/payload'

const HOUR = 60 * 60 * 1000

let ctx: TestContext
let julienId: User['id']

async function userByEmail(email: string) {
  const { docs } = await ctx.payload.find({
    collection: 'users',
    where: { email: { equals: email } },
    limit: 1,
    overrideAccess: true,
  })
  return docs[0]!
}

beforeAll(async () => {
  ctx = await startPayload()
  await seedDemoContent(ctx.payload, { password: 'seed-password-for-tests' })
  julienId = (await userByEmail('journalist@kiosque.test')).id
}, 120_000)

afterAll(async () => {
  await ctx?.close()
})

describe('getAuthorPage', () => {
  it('lists only the published articles the author signed, newest first', async () => {
    await makeArticle(ctx.payload, julienId, 'draft', { slug: 'brouillon-de-julien' })
    await makeArticle(ctx.payload, julienId, 'draft', {
      slug: 'programme-de-julien',
      publishedAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    })
    const expected = ARTICLES.filter((a) => a.author === 'journalist@kiosque.test')
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
      .map((a) => a.slug)
    const author = await getAuthorPage('julien-moreau', 1)
    expect(author).toMatchObject({
      name: 'Julien Moreau',
      slug: 'julien-moreau',
      bio: 'Journaliste, il suit l’industrie automobile et les écrans.',
      page: 1,
      totalPages: 1,
    })
    expect(author?.articles.map((a) => a.slug)).toEqual(expected)
    expect(author?.articles[0]?.image?.url).toMatch(/^\/api\/media\/file\//)
  })

  it('gives no page to an account whose only article is a draft, nor to staff who signed none', async () => {
    const { user } = await ctx.createUser(['journalist'])
    expect(user.slug).toBe('test-journalist')
    await makeArticle(ctx.payload, user.id, 'draft', { slug: 'seul-brouillon' })
    expect(await getAuthorPage('test-journalist', 1)).toBeNull()
    // The demo admin has a slug but signed nothing.
    expect(await getAuthorPage('alexandra-martin', 1)).toBeNull()
  })

  it('answers null for an unknown slug, a malformed one and a page out of range', async () => {
    expect(await getAuthorPage('personne-inconnue', 1)).toBeNull()
    for (const bad of [
      'Julien Moreau',
      '../julien-moreau',
      'julien--moreau',
      '',
      'x'.repeat(121),
    ]) {
      expect(await getAuthorPage(bad, 1)).toBeNull()
    }
    expect(await getAuthorPage('julien-moreau', 0)).toBeNull()
    expect(await getAuthorPage('julien-moreau', 1.5)).toBeNull()
    expect(await getAuthorPage('julien-moreau', 2)).toBeNull()
  })

  it('pages the articles like the home page', async () => {
    const { user } = await ctx.createUser(['journalist'], 'prolifique@kiosque.test')
    await ctx.payload.update({
      collection: 'users',
      id: user.id,
      data: { name: 'Plume Prolifique' },
      overrideAccess: true,
    })
    for (let i = 0; i <= ARTICLES_PER_PAGE; i += 1) {
      await makeArticle(ctx.payload, user.id, 'published', {
        slug: `prolifique-${i}`,
        publishedAt: new Date(Date.UTC(2024, 0, 1 + i)).toISOString(),
      })
    }
    // Same name as the account above: the slug drawn from it gets a suffix. It stays what it
    // was when the name changes, so links already given out keep working.
    expect(user.slug).toBe('test-journalist-2')
    const first = await getAuthorPage('test-journalist-2', 1)
    expect(first?.name).toBe('Plume Prolifique')
    expect(first?.articles).toHaveLength(ARTICLES_PER_PAGE)
    expect(first?.totalPages).toBe(2)
    expect(first?.articles[0]?.slug).toBe(`prolifique-${ARTICLES_PER_PAGE}`)
    const second = await getAuthorPage('test-journalist-2', 2)
    expect(second?.articles.map((a) => a.slug)).toEqual(['prolifique-0'])
  })
})

describe('the users slug field', () => {
  it('fills a missing slug from the name on the next save, even one that sends only the bio', async () => {
    const { user } = await ctx.createUser(['journalist'], 'ancien@kiosque.test')
    // An account from before the field existed: written past the hooks, as the migration left it.
    await ctx.payload.update({
      collection: 'users',
      id: user.id,
      data: { name: 'Élodie Ancienne' },
      overrideAccess: true,
    })
    await ctx.payload.db.updateOne({ collection: 'users', id: user.id, data: { slug: null } })
    const cleared = await ctx.payload.findByID({ collection: 'users', id: user.id, depth: 0 })
    expect(cleared.slug ?? null).toBeNull()
    const saved = await ctx.payload.update({
      collection: 'users',
      id: user.id,
      data: { bio: 'Arrivée de longue date.' },
      overrideAccess: true,
    })
    expect(saved.slug).toBe('elodie-ancienne')
  })

  it('is public with the name and bio, while the e-mail stays hidden from readers', async () => {
    const response = await ctx.rest('/api/users?where[slug][equals]=julien-moreau&depth=0')
    expect(response.status).toBe(200)
    const { docs } = (await response.json()) as { docs: Record<string, unknown>[] }
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ name: 'Julien Moreau', slug: 'julien-moreau' })
    expect(docs[0]).not.toHaveProperty('email')
    expect(docs[0]).not.toHaveProperty('roles')
  })

  it('lets users change their own slug, and only their own', async () => {
    const { user, token } = await ctx.createUser(['journalist'], 'soi@kiosque.test')
    const own = await ctx.rest(`/api/users/${user.id}`, {
      method: 'PATCH',
      token,
      body: JSON.stringify({ slug: 'Mon Nom De Plume' }),
    })
    expect(own.status).toBe(200)
    expect(((await own.json()) as { doc: User }).doc.slug).toBe('mon-nom-de-plume')

    const other = await ctx.rest(`/api/users/${julienId}`, {
      method: 'PATCH',
      token,
      body: JSON.stringify({ slug: 'usurpation' }),
    })
    expect(other.status).toBe(403)
    expect((await userByEmail('journalist@kiosque.test')).slug).toBe('julien-moreau')
  })

  it('refuses a slug another user already has', async () => {
    const { user, token } = await ctx.createUser(['journalist'], 'doublon@kiosque.test')
    const response = await ctx.rest(`/api/users/${user.id}`, {
      method: 'PATCH',
      token,
      body: JSON.stringify({ slug: 'julien-moreau' }),
    })
    expect(response.status).toBe(400)
  })
})

describe('bylines', () => {
  it('carry each author’s slug, for the link to their page', async () => {
    const article = await getArticle('renault-anatomie-dun-come-back-premier-episode')
    expect(article?.authors).toEqual([
      expect.objectContaining({ name: 'Julien Moreau', slug: 'julien-moreau' }),
    ])
  })
})
