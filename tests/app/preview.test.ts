import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { GET } from '../../app/(frontend)/preview/route'
import { getArticle, getArticlePreview, getSeries, getSeriesPreview } from '../../lib/content'
import {
  decidePreview,
  exitLocation,
  parsePreviewQuery,
  parseReaderPage,
  previewUser,
} from '../../lib/preview'
import type { Article, Series, User } from '../../payload-types'
import { SERIES } from '../../seed/content'
import { makeArticle } from '../helpers/fixtures'
import { startPayload, TEST_PASSWORD, type TestContext } from '../helpers/payload'

let ctx: TestContext
let editor: { user: User; token: string }
let journalist: { user: User; token: string }
/** A logged-in account whose newsroom roles were withdrawn: a reader with a session. */
let reader: { user: User; token: string }

/** Published, then edited: its latest version is a draft with another title. */
let edited: Article
/** Never published: readers have no page for it. */
let unpublished: Article
let editedSeries: Series

const PUBLISHED_TITLE = 'Titre publié'
const DRAFT_TITLE = 'Titre du brouillon en cours'

beforeAll(async () => {
  ctx = await startPayload()
  editor = await ctx.createUser(['editor'])
  journalist = await ctx.createUser(['journalist'])
  // Payload refuses to save an account without a role: withdraw them in the database (which
  // also ends the account's sessions), then log in again.
  const former = await ctx.createUser(['journalist'])
  await ctx.payload.db.updateOne({ collection: 'users', id: former.user.id, data: { roles: [] } })
  reader = { user: former.user, token: await ctx.login(former.user.email, TEST_PASSWORD) }

  edited = await makeArticle(ctx.payload, journalist.user.id, 'published', {
    title: PUBLISHED_TITLE,
    slug: 'article-modifie-apres-publication',
  })
  await ctx.payload.update({
    collection: 'articles',
    id: edited.id,
    data: { title: DRAFT_TITLE, _status: 'draft' },
    draft: true,
    overrideAccess: true,
  })
  unpublished = await makeArticle(ctx.payload, journalist.user.id, 'draft', {
    title: 'Jamais publié',
    slug: 'article-jamais-publie',
  })
  editedSeries = await ctx.payload.create({
    collection: 'series',
    data: { ...SERIES, slug: 'serie-apercu', title: 'Série publiée', _status: 'published' },
    overrideAccess: true,
  })
  await ctx.payload.update({
    collection: 'series',
    id: editedSeries.id,
    data: { title: 'Série en cours de réécriture', _status: 'draft' },
    draft: true,
    overrideAccess: true,
  })
}, 120_000)

afterAll(async () => {
  await ctx?.close()
})

const jwt = (token: string) => new Headers({ Authorization: `JWT ${token}` })
// What a browser sends after logging into /admin: the session cookie, no Authorization header,
// and (a same-origin navigation) Sec-Fetch-Site, without which Payload's csrf check ignores it.
const adminCookie = (token: string) =>
  new Headers({ Cookie: `payload-token=${token}`, 'Sec-Fetch-Site': 'same-origin' })

const decide = (query: string, headers: Headers = new Headers()) =>
  decidePreview(new URLSearchParams(query), { payload: ctx.payload, headers })

function callRoute(query: string, headers: Record<string, string> = {}) {
  return GET(new Request(`http://localhost:3000/preview?${query}`, { headers }))
}

describe('parsePreviewQuery', () => {
  it('accepts a collection with a slug or an id', () => {
    expect(parsePreviewQuery(new URLSearchParams('collection=articles&slug=un-article'))).toEqual({
      collection: 'articles',
      slug: 'un-article',
    })
    expect(parsePreviewQuery(new URLSearchParams('collection=series&id=12'))).toEqual({
      collection: 'series',
      id: '12',
    })
  })

  it.each([
    ['nothing', ''],
    ['another collection', 'collection=users&id=1'],
    ['neither slug nor id', 'collection=articles'],
    ['both slug and id', 'collection=articles&slug=a&id=1'],
    ['a slug that is a path', 'collection=articles&slug=../../admin'],
    ['a slug with capitals and spaces', 'collection=articles&slug=Un%20Article'],
    ['an id that is a query', 'collection=articles&id=1%20OR%201=1'],
    ['a repeated name', 'collection=articles&slug=a&slug=b'],
    ['a redirect to another site', 'collection=articles&slug=a&redirect=https://evil.example'],
    ['a path to go to', 'collection=articles&slug=a&path=//evil.example'],
  ])('refuses %s', (_, query) => {
    expect(parsePreviewQuery(new URLSearchParams(query))).toBeNull()
  })
})

describe('decidePreview', () => {
  it('refuses an invalid query before looking at the session', async () => {
    expect(
      await decide('collection=articles&slug=a&next=https://evil.example', jwt(editor.token)),
    ).toEqual({
      outcome: 'invalid',
    })
  })

  it('sends an anonymous visitor to the admin login, which comes back to the same preview', async () => {
    const decision = await decide(`collection=articles&slug=${edited.slug}`)
    expect(decision).toEqual({
      outcome: 'anonymous',
      loginHref:
        '/admin/login?redirect=%2Fpreview%3Fcollection%3Darticles%26slug%3Darticle-modifie-apres-publication',
    })
  })

  it('does not take an invalid or forged token for a session', async () => {
    expect(
      (await decide(`collection=articles&slug=${edited.slug}`, jwt('not-a-jwt'))).outcome,
    ).toBe('anonymous')
    const forged = `${editor.token.slice(0, -4)}AAAA`
    expect((await decide(`collection=articles&slug=${edited.slug}`, jwt(forged))).outcome).toBe(
      'anonymous',
    )
  })

  it('refuses a logged-in account without a newsroom role', async () => {
    expect(await decide(`collection=articles&slug=${edited.slug}`, jwt(reader.token))).toEqual({
      outcome: 'forbidden',
    })
  })

  it.each([
    ['an editor', () => editor],
    ['a journalist', () => journalist],
  ])('lets %s preview an article by slug, from the admin session cookie', async (_, who) => {
    expect(
      await decide(`collection=articles&slug=${edited.slug}`, adminCookie(who().token)),
    ).toEqual({ outcome: 'enable', location: '/articles/article-modifie-apres-publication' })
  })

  it('finds a never-published draft by id and goes to its (not yet public) page', async () => {
    expect(await decide(`collection=articles&id=${unpublished.id}`, jwt(journalist.token))).toEqual(
      {
        outcome: 'enable',
        location: '/articles/article-jamais-publie',
      },
    )
  })

  it('previews a series', async () => {
    expect(await decide(`collection=series&slug=serie-apercu`, jwt(editor.token))).toEqual({
      outcome: 'enable',
      location: '/series/serie-apercu',
    })
  })

  it('answers not found for an unknown document, without turning preview on', async () => {
    expect((await decide('collection=articles&slug=nexiste-pas', jwt(editor.token))).outcome).toBe(
      'not-found',
    )
    expect((await decide('collection=articles&id=999999', jwt(editor.token))).outcome).toBe(
      'not-found',
    )
    expect((await decide('collection=series&id=pas-un-nombre', jwt(editor.token))).outcome).toBe(
      'not-found',
    )
  })
})

describe('GET /preview', () => {
  async function expectRefusal(response: Response, status: number) {
    expect(response.status).toBe(status)
    // No draft mode cookie, no redirect: the browser stays out of preview.
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('location')).toBeNull()
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow')
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    return response.text()
  }

  it('refuses an anonymous visitor (401) with a link to log in', async () => {
    const html = await expectRefusal(
      await callRoute(`collection=articles&slug=${edited.slug}`),
      401,
    )
    expect(html).toContain('Connectez-vous à l’administration')
    expect(html).toContain('href="/admin/login?redirect=%2Fpreview%3Fcollection%3Darticles')
    expect(html).not.toContain(DRAFT_TITLE)
  })

  it('refuses a reader with a session (403)', async () => {
    const response = await callRoute(`collection=articles&slug=${edited.slug}`, {
      cookie: `payload-token=${reader.token}`,
      'sec-fetch-site': 'same-origin',
    })
    const html = await expectRefusal(response, 403)
    expect(html).not.toContain(DRAFT_TITLE)
  })

  it.each([
    ['an unknown collection', 'collection=users&id=1'],
    ['an absolute URL to go to', 'collection=articles&slug=a&redirect=https%3A%2F%2Fevil.example'],
    ['a protocol-relative path', 'collection=articles&slug=%2F%2Fevil.example'],
    ['a backslash path', 'collection=articles&slug=%2F%5Cevil.example'],
  ])('answers 400 for %s, even to an editor', async (_, query) => {
    await expectRefusal(await callRoute(query, { authorization: `JWT ${editor.token}` }), 400)
  })

  it('answers 404 for a document that does not exist', async () => {
    const response = await callRoute('collection=articles&slug=nexiste-pas', {
      authorization: `JWT ${editor.token}`,
    })
    await expectRefusal(response, 404)
  })
})

describe('leaving the preview', () => {
  it('goes back to the public page of a published article or series', async () => {
    expect(await exitLocation(new URLSearchParams({ path: `/articles/${edited.slug}` }))).toBe(
      '/articles/article-modifie-apres-publication',
    )
    expect(await exitLocation(new URLSearchParams({ path: '/series/serie-apercu' }))).toBe(
      '/series/serie-apercu',
    )
  })

  it('goes to the home page for a draft readers cannot see yet', async () => {
    expect(await exitLocation(new URLSearchParams({ path: `/articles/${unpublished.slug}` }))).toBe(
      '/',
    )
  })

  it.each([
    ['no path', null],
    ['https://evil.example/articles/x', 'https://evil.example/articles/x'],
    ['protocol-relative', '//evil.example/articles/x'],
    ['backslashes', '/\\evil.example'],
    ['a dot segment', '/articles/../admin'],
    ['another page', '/admin'],
    ['a query', '/articles/un-article?x=1'],
    ['javascript', 'javascript:alert(1)'],
  ])('goes to the home page for %s', async (_, path) => {
    const params = new URLSearchParams(path === null ? {} : { path })
    expect(parseReaderPage(params.get('path'))).toBeNull()
    expect(await exitLocation(params)).toBe('/')
  })
})

describe('previewUser', () => {
  it('finds no preview outside a Next.js request, where there is no draft mode', async () => {
    expect(await previewUser()).toBeNull()
  })
})

describe('preview queries', () => {
  it('show staff the latest draft, where the reader query shows the published version', async () => {
    expect((await getArticle(edited.slug))?.title).toBe(PUBLISHED_TITLE)
    expect((await getArticlePreview(edited.slug, editor.user))?.title).toBe(DRAFT_TITLE)
    expect((await getArticlePreview(edited.slug, journalist.user))?.title).toBe(DRAFT_TITLE)
    expect((await getSeries('serie-apercu'))?.title).toBe('Série publiée')
    expect((await getSeriesPreview('serie-apercu', editor.user))?.title).toBe(
      'Série en cours de réécriture',
    )
  })

  it('show staff a draft that was never published, which readers cannot see', async () => {
    expect(await getArticle(unpublished.slug)).toBeNull()
    expect((await getArticlePreview(unpublished.slug, journalist.user))?.title).toBe(
      'Jamais publié',
    )
  })

  it('show nothing unpublished to an account without a newsroom role', async () => {
    const { docs } = await ctx.payload.find({
      collection: 'users',
      where: { id: { equals: reader.user.id } },
      overrideAccess: true,
    })
    const readerUser = { ...docs[0]!, collection: 'users' as const }
    expect(readerUser.roles).toEqual([])
    // Readers' rule (published only) applied to the latest versions: both are drafts.
    expect(await getArticlePreview(edited.slug, readerUser)).toBeNull()
    expect(await getArticlePreview(unpublished.slug, readerUser)).toBeNull()
    expect(await getSeriesPreview('serie-apercu', readerUser)).toBeNull()
  })
})
