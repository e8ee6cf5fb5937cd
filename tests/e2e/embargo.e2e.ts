/**
 * The embargo canary: unpublished documents carry a unique token; every anonymous surface is
 * crawled and must never show it. Then the article is published and the token must appear on the
 * reader surfaces within the revalidation window, and vanish again when it is unpublished.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import sharp from 'sharp'

import { doc, image, p, seriesCard } from '../../seed/lexical'
import { api, DEMO, get, login, within } from './helpers'

const TOKEN = `canari${randomBytes(5).toString('hex')}`
const SCHEDULE_TOKEN = `${TOKEN}prog`
// Slugs are in the URLs the crawler asks for (pages may echo them): they must not hold the token.
const SLUG = randomBytes(4).toString('hex')

type Doc = { id: number | string; slug: string }

let editor: { token: string; id: number | string }
let draft: Doc
let scheduled: Doc
let draftSeries: Doc
let withDraftRelations: Doc
let pendingEdit: Doc
/** An image uploaded for the draft: embargoed with it (its alt text carries the token). */
let photo: { id: number | string; filename: string; url: string }
let closePayload: (() => Promise<void>) | undefined

const timings: Record<string, number> = {}

const articleData = (title: string, slug: string, extra: Record<string, unknown> = {}) => ({
  title,
  slug,
  standfirst: `Chapô ${title}`,
  body: doc(p(`Texte de ${title}.`)),
  authors: [editor.id],
  category: 'mobilite',
  ...extra,
})

async function createArticle(data: Record<string, unknown>, status: 'draft' | 'published') {
  const body = await api<{ doc: Doc }>(`/api/articles${status === 'draft' ? '?draft=true' : ''}`, {
    method: 'POST',
    token: editor.token,
    body: JSON.stringify({ ...data, _status: status }),
  })
  return body.doc
}

async function uploadPhoto(alt: string) {
  const png = await sharp({ create: { width: 32, height: 18, channels: 3, background: '#7a1f3d' } })
    .png()
    .toBuffer()
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `canari-${SLUG}.png`)
  form.append('_payload', JSON.stringify({ alt }))
  const body = await api<{ doc: typeof photo }>('/api/media', {
    method: 'POST',
    token: editor.token,
    body: form,
  })
  return body.doc
}

beforeAll(async () => {
  editor = await login(DEMO.editor)

  photo = await uploadPhoto(`Photo ${TOKEN}`)
  draft = await createArticle(
    articleData(`Brouillon ${TOKEN}`, `brouillon-${SLUG}`, {
      heroImage: photo.id,
      body: doc(p('Texte du brouillon.'), image(photo.id, 'photo-canari')),
    }),
    'draft',
  )

  // A scheduled article is a draft with a pending publication job, queued as the admin does.
  scheduled = await createArticle(
    articleData(`Programmé ${SCHEDULE_TOKEN}`, `programme-${SLUG}`),
    'draft',
  )
  const [{ default: config }, { getPayload }] = await Promise.all([
    import('@payload-config'),
    import('payload'),
  ])
  const payload = await getPayload({ config })
  closePayload = () => payload.destroy()
  await payload.jobs.queue({
    task: 'schedulePublish',
    waitUntil: new Date(Date.now() + 3600_000),
    // payload-types has the SQLite id type; the value is whatever the server returned.
    input: { type: 'publish', doc: { relationTo: 'articles', value: scheduled.id as number } },
  })

  const seriesBody = await api<{ doc: Doc }>('/api/series?draft=true', {
    method: 'POST',
    token: editor.token,
    body: JSON.stringify({
      title: `Série ${TOKEN}`,
      slug: `serie-${SLUG}`,
      synopsis: `Synopsis ${TOKEN}`,
      platform: `Plateforme ${TOKEN}`,
      releaseAt: new Date(Date.now() + 86_400_000).toISOString(),
      _status: 'draft',
    }),
  })
  draftSeries = seriesBody.doc

  // A published article that points at the unpublished series twice (field and body block).
  withDraftRelations = await createArticle(
    {
      ...articleData('Article publié lié', `publie-lie-${SLUG}`),
      series: draftSeries.id,
      body: doc(p('Une série à venir :'), seriesCard(draftSeries.id, 'bloc-canari')),
    },
    'published',
  )

  // A published article whose next version is still a draft (an embargoed correction).
  pendingEdit = await createArticle(
    articleData('Article en ligne', `en-ligne-${SLUG}`),
    'published',
  )
  await api(`/api/articles/${pendingEdit.id}?draft=true`, {
    method: 'PATCH',
    token: editor.token,
    body: JSON.stringify({ title: `Correction ${TOKEN}`, _status: 'draft' }),
  })
})

afterAll(async () => {
  await closePayload?.()
  console.log(`[embargo] publish → visible (ms): ${JSON.stringify(timings)}`)
})

/** The build's draft-mode key: someone holding it, without a session, must still see nothing. */
function previewBypassCookie(): string {
  const manifest = JSON.parse(
    readFileSync(
      path.join(process.env.E2E_BUILD_DIR ?? '.next', 'prerender-manifest.json'),
      'utf8',
    ),
  ) as { preview?: { previewModeId?: string } }
  return `__prerender_bypass=${manifest.preview?.previewModeId ?? 'unknown'}`
}

function anonymousUrls(): { url: string; init?: RequestInit }[] {
  const pages = [
    '/',
    '/?page=2',
    `/articles/${draft.slug}`,
    `/articles/${scheduled.slug}`,
    `/articles/${draft.slug}/opengraph-image`,
    `/articles/${withDraftRelations.slug}`,
    `/articles/${withDraftRelations.slug}/opengraph-image`,
    `/articles/${pendingEdit.slug}`,
    `/articles/${DEMO.article}`,
    `/series/${draftSeries.slug}`,
    `/series/${draftSeries.slug}/calendar.ics`,
    `/series/${draftSeries.slug}/opengraph-image`,
    `/series/${DEMO.series}`,
    // The editor signs the canary articles: their author page lists published pieces only.
    '/auteurs/claire-dubois',
    '/auteurs/claire-dubois/page/2',
    '/feed.xml',
    '/sitemap.xml',
    '/news-sitemap.xml',
    '/robots.txt',
    // The preview entry without a session: refused, no draft shown, no draft mode.
    `/preview?collection=articles&slug=${draft.slug}`,
    `/preview?collection=articles&id=${draft.id}`,
    `/preview?collection=articles&slug=${pendingEdit.slug}`,
    `/preview?collection=series&slug=${draftSeries.slug}`,
    `/preview/exit?path=/articles/${draft.slug}`,
  ]
  const rsc = { headers: { RSC: '1', 'Next-Router-State-Tree': '%5B%22%22%5D' } }
  const bypass = { headers: { Cookie: previewBypassCookie() } }
  const like = encodeURIComponent(TOKEN)
  const rest = [
    '/api/articles?limit=100',
    '/api/articles?limit=100&draft=true',
    '/api/articles?limit=100&draft=true&depth=3',
    `/api/articles?draft=true&where[title][like]=${like}`,
    `/api/articles?draft=true&where[slug][contains]=${like}`,
    `/api/articles?draft=true&where[standfirst][like]=${like}`,
    `/api/articles?draft=true&where[or][0][_status][equals]=draft`,
    '/api/articles?draft=true&sort=-updatedAt&depth=2',
    '/api/articles?draft=true&sort=title',
    `/api/articles/${draft.id}`,
    `/api/articles/${draft.id}?draft=true`,
    `/api/articles/${scheduled.id}?draft=true`,
    `/api/articles/${pendingEdit.id}?draft=true`,
    `/api/articles/${pendingEdit.id}?draft=true&depth=2`,
    `/api/articles/${withDraftRelations.id}?depth=3`,
    `/api/articles/${withDraftRelations.id}?draft=true&depth=3`,
    '/api/articles/versions?limit=100',
    `/api/articles/versions?where[version.title][like]=${like}`,
    `/api/articles/count?draft=true&where[title][like]=${like}`,
    '/api/series?limit=100&draft=true&depth=2',
    `/api/series/${draftSeries.id}?draft=true`,
    `/api/series?where[synopsis][like]=${like}`,
    '/api/series/versions',
    '/api/payload-jobs?limit=100',
    '/api/users?limit=100&depth=2',
    '/api/affiliate-links?limit=100&depth=2',
    '/api/globals/site-settings?depth=2',
    '/api/media?limit=100',
    `/api/media/${photo.id}`,
    `/api/media?where[alt][like]=${like}`,
  ]
  return [
    ...pages.map((url) => ({ url })),
    ...pages
      .filter((url) => url.startsWith('/articles/') || url.startsWith('/series/'))
      .flatMap((url) => [
        { url, init: rsc },
        { url: `${url}?_rsc=${SLUG.slice(-4)}`, init: rsc },
        { url, init: bypass },
      ]),
    ...rest.map((url) => ({ url })),
  ]
}

const GRAPHQL_QUERIES = () => [
  `{ Articles(draft: true, limit: 100) { docs { title slug standfirst series { title } } } }`,
  `{ Articles(draft: true, where: { title: { like: "${TOKEN}" } }) { totalDocs docs { title } } }`,
  `{ Article(id: ${JSON.stringify(draft.id)}, draft: true) { title } }`,
  `{ Article(id: ${JSON.stringify(pendingEdit.id)}, draft: true) { title } }`,
  `{ versionsArticles(limit: 100) { docs { version { title } } } }`,
  `{ Series(draft: true) { docs { title synopsis } } }`,
  `{ countArticles(where: { title: { like: "${TOKEN}" } }) { totalDocs } }`,
  `{ allMedia(limit: 100) { docs { alt filename } } }`,
]

async function crawlForToken(token: string): Promise<string[]> {
  const leaks: string[] = []
  for (const { url, init } of anonymousUrls()) {
    const answer = await get(url, init)
    if (answer.status >= 500) leaks.push(`${url}: ${answer.status}`)
    if (answer.text.includes(token)) leaks.push(`${url} ${JSON.stringify(init?.headers ?? {})}`)
  }
  for (const query of GRAPHQL_QUERIES()) {
    const answer = await get('/api/graphql', { method: 'POST', body: JSON.stringify({ query }) })
    if (answer.text.includes(token)) leaks.push(`graphql ${query}`)
  }
  return leaks
}

describe('the embargo canary', () => {
  it('finds the token on no anonymous surface while the documents are unpublished', async () => {
    expect(await crawlForToken(TOKEN)).toEqual([])
  })

  it('answers 404 for the unpublished pages and their images, and counts nothing', async () => {
    for (const url of [
      `/articles/${draft.slug}`,
      `/articles/${scheduled.slug}`,
      `/articles/${draft.slug}/opengraph-image`,
      `/series/${draftSeries.slug}`,
      `/series/${draftSeries.slug}/calendar.ics`,
    ]) {
      expect([url, (await get(url)).status]).toEqual([url, 404])
      expect([
        url,
        (await get(url, { headers: { Cookie: previewBypassCookie() } })).status,
      ]).toEqual([url, 404])
    }
    const count = await api<{ totalDocs: number }>(
      `/api/articles/count?draft=true&where[title][like]=${TOKEN}`,
    )
    expect(count.totalDocs).toBe(0)
    // The draft's image: neither the file nor the optimizer's copy of it.
    const file = new URL(photo.url, 'http://x').pathname
    for (const url of [file, `/_next/image?url=${encodeURIComponent(file)}&w=640&q=75`]) {
      const status = (await get(url)).status
      expect([url, status >= 400 && status < 500]).toEqual([url, true])
    }
  })

  it('lets the editor see them, so the crawl looked in the right places', async () => {
    const staff = await get(`/api/articles/${draft.id}?draft=true`, { token: editor.token })
    expect(staff.text).toContain(TOKEN)
    const pending = await get(`/api/articles/${pendingEdit.id}?draft=true`, { token: editor.token })
    expect(pending.text).toContain(TOKEN)
  })

  it('shows the article everywhere within a second or so of publication, and hides it again', async () => {
    await api(`/api/articles/${draft.id}`, {
      method: 'PATCH',
      token: editor.token,
      body: JSON.stringify({ _status: 'published' }),
    })
    // Sitemaps list URLs, not titles: there the slug is what must appear.
    const surfaces: [string, string][] = [
      ['/', TOKEN],
      [`/articles/${draft.slug}`, TOKEN],
      ['/feed.xml', TOKEN],
      ['/sitemap.xml', `/articles/${draft.slug}<`],
      ['/news-sitemap.xml', TOKEN],
      ['/auteurs/claire-dubois', TOKEN],
    ]
    for (const [url, mark] of surfaces) {
      timings[url] = await within(
        10_000,
        async () => (await get(url)).text.includes(mark),
        `${url} after publication`,
      )
    }
    expect((await get(`/articles/${draft.slug}`)).status).toBe(200)
    // Its image came out with it, through the optimizer as readers get it.
    const file = new URL(photo.url, 'http://x').pathname
    expect((await get(file)).status).toBe(200)
    expect((await get(`/_next/image?url=${encodeURIComponent(file)}&w=640&q=75`)).status).toBe(200)

    await api(`/api/articles/${draft.id}`, {
      method: 'PATCH',
      token: editor.token,
      body: JSON.stringify({ _status: 'draft' }),
    })
    for (const [url, mark] of surfaces) {
      timings[`${url} (unpublished)`] = await within(
        10_000,
        async () => !(await get(url)).text.includes(mark),
        `${url} after unpublication`,
      )
    }
    expect((await get(`/articles/${draft.slug}`)).status).toBe(404)
    // The scheduled article and the other drafts stayed hidden throughout.
    expect(await crawlForToken(SCHEDULE_TOKEN)).toEqual([])
  })
})
