import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq } from 'payload'
import sharp from 'sharp'

import type { User } from '../../payload-types'
import { SETTINGS } from '../../seed/content'
import { doc, image, p } from '../../seed/lexical'
import { recomputeAllImageVisibility } from '../../collections/shared/media-visibility'
import { makeArticle } from '../helpers/fixtures'
import { startPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext
let editor: { user: User; token: string }
let journalist: { user: User; token: string }
let uploads = 0

beforeAll(async () => {
  ctx = await startPayload()
  editor = await ctx.createUser(['editor'])
  journalist = await ctx.createUser(['journalist'])
})

afterAll(async () => {
  await ctx?.close()
})

async function upload(alt: string) {
  uploads += 1
  const data = await sharp({
    create: { width: 16, height: 9, channels: 3, background: '#1f6f8b' },
  })
    .png()
    .toBuffer()
  return ctx.payload.create({
    collection: 'media',
    data: { alt },
    file: { data, mimetype: 'image/png', name: `visibility-${uploads}.png`, size: data.length },
    overrideAccess: true,
  })
}

/** What an anonymous reader can learn of an image: its document, the list, the file. */
async function seenByReaders(id: number | string) {
  const media = await ctx.payload.findByID({ collection: 'media', id, overrideAccess: true })
  const one = await ctx.rest(`/api/media/${id}`)
  const list = await ctx.rest('/api/media?limit=100')
  const listed = ((await list.json()) as { docs: { id: unknown }[] }).docs.some((d) => d.id === id)
  const file = await ctx.rest(`/api/media/file/${media.filename}`)
  const state = { one: one.status === 200, listed, file: file.status === 200 }
  // All three agree, or the rule leaks somewhere.
  expect(new Set(Object.values(state)).size).toBe(1)
  return state.one
}

const publish = (id: number | string) =>
  ctx.payload.update({
    collection: 'articles',
    id,
    data: { _status: 'published' },
    overrideAccess: true,
  })

describe('images are embargoed with the pages that use them', () => {
  it('keeps the hero of a draft from readers, shows it once published, hides it once unpublished', async () => {
    const hero = await upload('Photo sous embargo')
    const article = await makeArticle(ctx.payload, journalist.user.id, 'draft', {
      heroImage: hero.id,
    })
    expect(await seenByReaders(hero.id)).toBe(false)
    const graphql = await ctx.graphql('{ allMedia(limit: 100) { docs { id alt } } }')
    expect(graphql.body.errors).toBeUndefined()
    expect(JSON.stringify(graphql.body)).not.toContain('Photo sous embargo')

    // Staff see it all along (the admin, previews).
    const staff = await ctx.rest(`/api/media/${hero.id}`, { token: journalist.token })
    expect(staff.status).toBe(200)

    await publish(article.id)
    expect(await seenByReaders(hero.id)).toBe(true)

    await ctx.payload.update({
      collection: 'articles',
      id: article.id,
      data: { _status: 'draft' },
      overrideAccess: true,
    })
    expect(await seenByReaders(hero.id)).toBe(false)
  })

  it('counts images in the body, and keeps an image shared by two pages while one is published', async () => {
    const shared = await upload('Image partagée')
    const first = await makeArticle(ctx.payload, journalist.user.id, 'published', {
      body: doc(p('Avant.'), image(shared.id, 'img-1'), p('Après.')),
    })
    const second = await makeArticle(ctx.payload, journalist.user.id, 'published', {
      heroImage: shared.id,
    })
    expect(await seenByReaders(shared.id)).toBe(true)

    await ctx.payload.delete({ collection: 'articles', id: second.id, overrideAccess: true })
    expect(await seenByReaders(shared.id)).toBe(true)

    // A draft that drops the image leaves the published page, hence the image, as they were.
    await ctx.payload.update({
      collection: 'articles',
      id: first.id,
      data: { body: doc(p('Sans image.')) },
      draft: true,
      overrideAccess: true,
    })
    expect(await seenByReaders(shared.id)).toBe(true)
    await publish(first.id)
    expect(await seenByReaders(shared.id)).toBe(false)
  })

  it('shows the poster of a published series and the site logo', async () => {
    const poster = await upload('Affiche')
    const series = await ctx.payload.create({
      collection: 'series',
      data: {
        title: 'Série test',
        slug: 'serie-visibilite',
        synopsis: 'Une série pour le test.',
        platform: 'Prime Video',
        releaseAt: '2024-12-13T08:00:00.000Z',
        poster: poster.id,
        episodes: [{ number: 1, durationMinutes: 40 }],
        _status: 'draft',
      },
      draft: true,
      overrideAccess: true,
    })
    expect(await seenByReaders(poster.id)).toBe(false)
    await ctx.payload.update({
      collection: 'series',
      id: series.id,
      data: { _status: 'published' },
      overrideAccess: true,
    })
    expect(await seenByReaders(poster.id)).toBe(true)

    // A new poster saved as a draft: readers still see the old one only, until it is published.
    const newPoster = await upload('Nouvelle affiche')
    const saveDraft = (data: Record<string, unknown>) =>
      ctx.payload.update({
        collection: 'series',
        id: series.id,
        data,
        draft: true,
        overrideAccess: true,
      })
    await saveDraft({ poster: newPoster.id })
    expect(await seenByReaders(poster.id)).toBe(true)
    expect(await seenByReaders(newPoster.id)).toBe(false)
    await ctx.payload.update({
      collection: 'series',
      id: series.id,
      data: { _status: 'published' },
      overrideAccess: true,
    })
    expect(await seenByReaders(poster.id)).toBe(false)
    expect(await seenByReaders(newPoster.id)).toBe(true)

    // Unpublished while a newer draft waits: its poster goes with it.
    await saveDraft({ synopsis: 'Une correction en attente.' })
    await ctx.payload.update({
      collection: 'series',
      id: series.id,
      data: { _status: 'draft' },
      overrideAccess: true,
    })
    expect(await seenByReaders(newPoster.id)).toBe(false)

    const logo = await upload('Logo')
    await ctx.payload.updateGlobal({
      slug: 'site-settings',
      data: { ...SETTINGS, logo: logo.id },
      overrideAccess: true,
    })
    expect(await seenByReaders(logo.id)).toBe(true)
    await ctx.payload.updateGlobal({
      slug: 'site-settings',
      data: { logo: null },
      overrideAccess: true,
    })
    expect(await seenByReaders(logo.id)).toBe(false)
  })

  it('lets no request set the flag or the list of images an article uses', async () => {
    const secret = await upload('Pas encore publiée')
    const patched = await ctx.rest(`/api/media/${secret.id}`, {
      method: 'PATCH',
      token: editor.token,
      body: JSON.stringify({ visibleToReaders: true }),
    })
    expect(patched.status).toBe(200)
    expect(await seenByReaders(secret.id)).toBe(false)

    const article = await makeArticle(ctx.payload, journalist.user.id, 'published')
    const forged = await ctx.rest(`/api/articles/${article.id}`, {
      method: 'PATCH',
      token: editor.token,
      body: JSON.stringify({ imagesUsed: [secret.id] }),
    })
    expect(forged.status).toBe(200)
    expect(await seenByReaders(secret.id)).toBe(false)
    const stored = await ctx.payload.findByID({
      collection: 'articles',
      id: article.id,
      depth: 0,
      overrideAccess: true,
    })
    expect(stored.imagesUsed).toEqual([])
  })

  it('sets up a database made before images were private (the migration)', async () => {
    const hero = await upload('Déjà publiée')
    const article = await makeArticle(ctx.payload, journalist.user.id, 'published', {
      heroImage: hero.id,
    })
    // As the migration finds them: no list of images, every image private.
    await ctx.payload.db.updateOne({
      collection: 'articles',
      id: article.id,
      data: { imagesUsed: [] },
    })
    await ctx.payload.db.updateOne({
      collection: 'media',
      id: hero.id,
      data: { visibleToReaders: false },
    })
    expect(await seenByReaders(hero.id)).toBe(false)

    await recomputeAllImageVisibility(ctx.payload, await createLocalReq({}, ctx.payload))
    expect(await seenByReaders(hero.id)).toBe(true)
  })
})
