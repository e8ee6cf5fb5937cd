import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { generateMetadata as articleMetadata } from '../../app/(frontend)/articles/[slug]/page'
import { generateMetadata as authorMetadata } from '../../app/(frontend)/auteurs/[slug]/page'
import AuthorNextPage, {
  generateMetadata as authorNextMetadata,
} from '../../app/(frontend)/auteurs/[slug]/page/[page]/page'
import { AuthorPage } from '../../app/(frontend)/auteurs/author-page'
import { generateMetadata as seriesMetadata } from '../../app/(frontend)/series/[slug]/page'
import { seedDemoContent } from '../../seed'
import { startPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startPayload()
  await seedDemoContent(ctx.payload, { password: 'metadata-password' })
})

afterAll(async () => {
  await ctx?.close()
})

const params = (slug: string) => ({ params: Promise.resolve({ slug }) })

describe('page metadata', () => {
  it('gives the review its canonical URL, RSS link and an article card for social networks', async () => {
    const meta = await articleMetadata(params('renault-anatomie-dun-come-back-premier-episode'))
    expect(meta.alternates).toEqual({
      canonical: '/articles/renault-anatomie-dun-come-back-premier-episode',
      types: { 'application/rss+xml': '/feed.xml' },
    })
    expect(meta.openGraph).toMatchObject({
      type: 'article',
      siteName: 'Rouages',
      locale: 'fr_FR',
      publishedTime: '2024-12-05T13:32:00.000Z',
      authors: ['Julien Moreau'],
      section: 'Écrans',
    })
  })

  it('gives the series its canonical URL and a TV show card', async () => {
    const meta = await seriesMetadata(params('renault-anatomie-dun-come-back'))
    expect(meta.alternates).toMatchObject({ canonical: '/series/renault-anatomie-dun-come-back' })
    expect(meta.openGraph).toMatchObject({ type: 'video.tv_show', siteName: 'Rouages' })
  })

  it('says nothing about a page that does not exist', async () => {
    expect(await articleMetadata(params('nexiste-pas'))).toEqual({})
  })
})

/** What Next's notFound() and redirects throw, for the router to turn into a response. */
const digestOf = async (render: Promise<unknown>) => {
  try {
    await render
    return null
  } catch (error) {
    return (error as { digest?: string }).digest ?? String(error)
  }
}

describe('author pages', () => {
  it('give an author a canonical URL, a profile card and a description from the bio', async () => {
    const meta = await authorMetadata(params('julien-moreau'))
    expect(meta.title).toBe('Julien Moreau')
    expect(meta.description).toBe('Journaliste, il suit l’industrie automobile et les écrans.')
    expect(meta.alternates).toEqual({
      canonical: '/auteurs/julien-moreau',
      types: { 'application/rss+xml': '/feed.xml' },
    })
    expect(meta.openGraph).toMatchObject({
      type: 'profile',
      url: '/auteurs/julien-moreau',
      siteName: 'Rouages',
      locale: 'fr_FR',
    })
  })

  it('answer 404 to staff who signed nothing, unknown slugs and pages past the last', async () => {
    expect(await authorMetadata(params('alexandra-martin'))).toEqual({})
    expect(await digestOf(AuthorPage({ slug: 'alexandra-martin', page: 1 }))).toMatch(/404/)
    expect(await digestOf(AuthorPage({ slug: 'personne', page: 1 }))).toMatch(/404/)
    expect(await digestOf(AuthorPage({ slug: 'julien-moreau', page: 2 }))).toMatch(/404/)
    const page = (slug: string, n: string) => ({ params: Promise.resolve({ slug, page: n }) })
    expect(await digestOf(AuthorNextPage(page('julien-moreau', '02')))).toMatch(/404/)
    expect(await digestOf(AuthorNextPage(page('julien-moreau', '-1')))).toMatch(/404/)
    expect(await authorNextMetadata(page('julien-moreau', 'deux'))).toEqual({})
  })

  it('send /page/1 to the author page itself', async () => {
    const page = { params: Promise.resolve({ slug: 'julien-moreau', page: '1' }) }
    expect(await digestOf(AuthorNextPage(page))).toMatch(
      /^NEXT_REDIRECT;.*;\/auteurs\/julien-moreau;308;/,
    )
  })

  it('render for an author with published articles', async () => {
    expect(await digestOf(AuthorPage({ slug: 'claire-dubois', page: 1 }))).toBeNull()
  })
})
