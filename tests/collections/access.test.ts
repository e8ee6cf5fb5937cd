import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import type { User } from '../../payload-types'
import { articleData, makeArticle } from '../helpers/fixtures'
import { startPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext
let journalist: { user: User; token: string }
let editor: { user: User; token: string }

beforeAll(async () => {
  ctx = await startPayload()
  journalist = await ctx.createUser(['journalist'])
  editor = await ctx.createUser(['editor'])
})

afterAll(async () => {
  await ctx?.close()
})

describe('articles seen by an anonymous reader', () => {
  it('hides a draft from the Local API, REST (even with ?draft=true) and lists', async () => {
    const draft = await makeArticle(ctx.payload, journalist.user.id, 'draft', {
      title: 'Brouillon secret',
    })
    const published = await makeArticle(ctx.payload, journalist.user.id, 'published')

    await expect(
      ctx.payload.findByID({ collection: 'articles', id: draft.id, overrideAccess: false }),
    ).rejects.toThrow()

    const one = await ctx.rest(`/api/articles/${draft.id}`)
    expect(one.status).toBe(404)
    const asDraft = await ctx.rest(`/api/articles/${draft.id}?draft=true`)
    expect(asDraft.status).toBe(404)

    const list = await ctx.rest('/api/articles?limit=100&draft=true')
    const body = (await list.json()) as { docs: { id: number; title: string }[] }
    const ids = body.docs.map((doc) => doc.id)
    expect(ids).toContain(published.id)
    expect(ids).not.toContain(draft.id)
    expect(JSON.stringify(body)).not.toContain('Brouillon secret')

    const versions = await ctx.rest('/api/articles/versions')
    expect(versions.status).toBe(403)
  })

  it('lets staff read the draft', async () => {
    const draft = await makeArticle(ctx.payload, journalist.user.id, 'draft')
    const response = await ctx.rest(`/api/articles/${draft.id}?draft=true`, { token: editor.token })
    expect(response.status).toBe(200)
  })
})

describe('a journalist', () => {
  it('creates a draft signed with their name', async () => {
    const response = await ctx.rest('/api/articles?draft=true', {
      method: 'POST',
      token: journalist.token,
      body: JSON.stringify({ ...articleData(journalist.user.id), _status: 'draft' }),
    })
    expect(response.status).toBe(201)
    const { doc } = (await response.json()) as { doc: { _status: string; authors: unknown[] } }
    expect(doc._status).toBe('draft')
  })

  it('cannot publish a new article, over REST or the Local API', async () => {
    const before = await ctx.payload.count({ collection: 'articles', overrideAccess: true })
    const response = await ctx.rest('/api/articles', {
      method: 'POST',
      token: journalist.token,
      body: JSON.stringify({ ...articleData(journalist.user.id), _status: 'published' }),
    })
    expect(response.status).toBe(403)

    await expect(
      ctx.payload.create({
        collection: 'articles',
        data: { ...articleData(journalist.user.id), _status: 'published' },
        user: journalist.user,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 403 })
    const after = await ctx.payload.count({ collection: 'articles', overrideAccess: true })
    expect(after.totalDocs).toBe(before.totalDocs)
  })

  it('cannot publish their own draft, which stays unpublished', async () => {
    const draft = await makeArticle(ctx.payload, journalist.user.id, 'draft')
    const response = await ctx.rest(`/api/articles/${draft.id}`, {
      method: 'PATCH',
      token: journalist.token,
      body: JSON.stringify({ _status: 'published' }),
    })
    expect(response.status).toBe(403)
    const reread = await ctx.payload.findByID({ collection: 'articles', id: draft.id, draft: true })
    expect(reread._status).toBe('draft')
  })

  it('edits their own draft but not a colleague’s, nor a published article', async () => {
    const own = await makeArticle(ctx.payload, journalist.user.id, 'draft')
    const theirs = await makeArticle(ctx.payload, editor.user.id, 'draft')
    const live = await makeArticle(ctx.payload, journalist.user.id, 'published')

    const ok = await ctx.rest(`/api/articles/${own.id}?draft=true`, {
      method: 'PATCH',
      token: journalist.token,
      body: JSON.stringify({ title: 'Titre revu' }),
    })
    expect(ok.status).toBe(200)

    for (const id of [theirs.id, live.id]) {
      const refused = await ctx.rest(`/api/articles/${id}?draft=true`, {
        method: 'PATCH',
        token: journalist.token,
        body: JSON.stringify({ title: 'Pas à moi' }),
      })
      expect(refused.status).toBe(403)
    }
  })

  it('cannot delete an article', async () => {
    const own = await makeArticle(ctx.payload, journalist.user.id, 'draft')
    const response = await ctx.rest(`/api/articles/${own.id}`, {
      method: 'DELETE',
      token: journalist.token,
    })
    expect(response.status).toBe(403)
  })

  it('cannot give themselves another role', async () => {
    const response = await ctx.rest(`/api/users/${journalist.user.id}`, {
      method: 'PATCH',
      token: journalist.token,
      body: JSON.stringify({ roles: ['admin'], name: 'Nom modifié' }),
    })
    expect(response.status).toBe(200)
    const reread = await ctx.payload.findByID({ collection: 'users', id: journalist.user.id })
    expect(reread.roles).toEqual(['journalist'])
    expect(reread.name).toBe('Nom modifié')
  })
})

describe('an editor', () => {
  it('publishes a journalist’s draft, which readers then see', async () => {
    const draft = await makeArticle(ctx.payload, journalist.user.id, 'draft')
    const response = await ctx.rest(`/api/articles/${draft.id}`, {
      method: 'PATCH',
      token: editor.token,
      body: JSON.stringify({ _status: 'published' }),
    })
    expect(response.status).toBe(200)
    const anonymous = await ctx.rest(`/api/articles/${draft.id}`)
    expect(anonymous.status).toBe(200)
    const { publishedAt } = (await anonymous.json()) as { publishedAt: string | null }
    expect(publishedAt).not.toBeNull()
  })

  it('cannot create or delete users: only admins manage them', async () => {
    const create = await ctx.rest('/api/users', {
      method: 'POST',
      token: editor.token,
      body: JSON.stringify({
        email: 'new@kiosque.test',
        password: 'a-long-password',
        name: 'Nouveau',
        roles: ['journalist'],
      }),
    })
    expect(create.status).toBe(403)
    const remove = await ctx.rest(`/api/users/${journalist.user.id}`, {
      method: 'DELETE',
      token: editor.token,
    })
    expect(remove.status).toBe(403)
  })
})

describe('users seen by an anonymous reader', () => {
  it('shows bylines but never e-mail addresses or roles', async () => {
    const response = await ctx.rest('/api/users?limit=50')
    const text = await response.text()
    expect(response.status).toBe(200)
    expect(text).toContain('Test editor')
    expect(text).not.toContain('@kiosque.test')
    expect(text).not.toContain('"roles"')
  })

  it('cannot filter users by e-mail to probe addresses', async () => {
    const response = await ctx.rest('/api/users?where[email][like]=root')
    const body = (await response.json()) as { docs?: unknown[] }
    expect(response.status === 400 || response.status === 403 || body.docs?.length === 0).toBe(true)
  })
})

describe('subscribers', () => {
  it('takes no sign-up over the API (the form is the way in) and shows the list to editors only', async () => {
    const before = await ctx.payload.count({ collection: 'subscribers' })
    const response = await ctx.rest('/api/subscribers', {
      method: 'POST',
      body: JSON.stringify({
        email: 'lectrice@example.org',
        status: 'confirmed',
        consentText: 'J’accepte de recevoir la lettre.',
      }),
    })
    expect(response.status).toBe(403)
    expect((await ctx.payload.count({ collection: 'subscribers' })).totalDocs).toBe(
      before.totalDocs,
    )

    const list = await ctx.rest('/api/subscribers')
    expect(list.status).toBe(403)
    const asJournalist = await ctx.rest('/api/subscribers', { token: journalist.token })
    expect(asJournalist.status).toBe(403)
    const asEditor = await ctx.rest('/api/subscribers', { token: editor.token })
    expect(asEditor.status).toBe(200)
  })
})

describe('affiliate links', () => {
  it('shows readers only active, unexpired links and never lets them write', async () => {
    const base = { merchant: 'Boutique', url: 'https://shop.example/offre' }
    await ctx.payload.create({
      collection: 'affiliate-links',
      data: { ...base, label: 'Offre active', slug: 'offre-active', active: true },
    })
    await ctx.payload.create({
      collection: 'affiliate-links',
      data: { ...base, label: 'Offre coupée', slug: 'offre-coupee', active: false },
    })
    await ctx.payload.create({
      collection: 'affiliate-links',
      data: {
        ...base,
        label: 'Offre expirée',
        slug: 'offre-expiree',
        active: true,
        expiresAt: new Date(Date.now() - 60_000).toISOString(),
      },
    })
    const response = await ctx.rest('/api/affiliate-links?limit=50')
    const { docs } = (await response.json()) as { docs: { slug: string }[] }
    expect(docs.map((d) => d.slug)).toEqual(['offre-active'])

    const write = await ctx.rest('/api/affiliate-links', {
      method: 'POST',
      body: JSON.stringify({ ...base, label: 'Pirate', slug: 'pirate' }),
    })
    expect(write.status).toBe(403)
  })

  it('keeps the click count out of everyone’s hands, editors included', async () => {
    const link = await ctx.payload.create({
      collection: 'affiliate-links',
      data: { merchant: 'B', url: 'https://shop.example/', label: 'Compteur', slug: 'compteur' },
    })
    const response = await ctx.rest(`/api/affiliate-links/${link.id}`, {
      method: 'PATCH',
      token: editor.token,
      body: JSON.stringify({ clicks: 9999, label: 'Compteur revu' }),
    })
    expect(response.status).toBe(200)
    // The count is the number of recorded clicks: the value sent is ignored, nothing is recorded.
    const reread = await ctx.rest(`/api/affiliate-links/${link.id}`, { token: editor.token })
    const doc = (await reread.json()) as { clicks?: number; label: string }
    expect(doc.clicks).toBe(0)
    expect(doc.label).toBe('Compteur revu')
    const clicks = await ctx.payload.count({ collection: 'affiliate-clicks' })
    expect(clicks.totalDocs).toBe(0)
  })
})

describe('site settings', () => {
  it('are public to read and editable by editors only', async () => {
    const read = await ctx.rest('/api/globals/site-settings')
    expect(read.status).toBe(200)
    const write = await ctx.rest('/api/globals/site-settings', {
      method: 'POST',
      token: journalist.token,
      body: JSON.stringify({ publicationName: 'Piraté' }),
    })
    expect(write.status).toBe(403)
  })
})
