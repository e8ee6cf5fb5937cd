/**
 * Generated bad input (fast-check) against the reader's ways in: the newsletter form, /go/<slug>,
 * the slug of page URLs, and REST queries. Properties: no 5xx, nothing invalid stored, no
 * redirect to a foreign host, no reflected markup. A fixed seed keeps each run identical
 * (FC_SEED=<n> tries another); about 1,500 cases in all.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'

import ArticlePage from '../../app/(frontend)/articles/[slug]/page'
import AuthorNextPage from '../../app/(frontend)/auteurs/[slug]/page/[page]/page'
import { GET as follow } from '../../app/(frontend)/go/[slug]/route'
import { subscribeToNewsletter } from '../../app/(frontend)/newsletter/actions'
import SeriesPage from '../../app/(frontend)/series/[slug]/page'
import { getArticle, getAuthorPage, getSeries } from '../../lib/content'
import { outbox } from '../../lib/email'
import { signupSchema, signUp } from '../../lib/newsletter'
import { isSlug, SLUG_MAX_LENGTH, slugify } from '../../lib/slug'
import { seedDemoContent } from '../../seed'
import { startPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext

const SEED = Number(process.env.FC_SEED ?? 20261129)
const run = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: true })

const names = { newsletterName: 'Rouages Mobilités', publicationName: 'Rouages' }
const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36'
const MARKUP = '<script>alert(1)</script>'

/** Strings that look like what attackers and clumsy readers type, plus anything at all. */
const nasty = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    MARKUP,
    '"><img src=x onerror=alert(1)>',
    '../../etc/passwd',
    '%2e%2e%2f',
    '//evil.example/x',
    'https://evil.example',
    'javascript:alert(1)',
    "' OR 1=1 --",
    'null',
    'undefined',
    '__proto__',
    'constructor',
    '\u0000',
    '\u202e',
    'a'.repeat(5000),
    'é'.repeat(300),
  ),
)

const emailish = fc.oneof(
  fc.emailAddress(),
  fc.tuple(fc.emailAddress(), nasty).map(([email, junk]) => `${email}${junk}`),
  fc.tuple(nasty, fc.emailAddress()).map(([junk, email]) => `${junk}${email}`),
  fc.emailAddress().map((email) => email.toUpperCase()),
  nasty,
)

let liveHosts: Set<string>

beforeAll(async () => {
  ctx = await startPayload()
  await seedDemoContent(ctx.payload, { password: 'bad-input-password' })
  const { docs } = await ctx.payload.find({ collection: 'affiliate-links', limit: 100, depth: 0 })
  liveHosts = new Set(docs.map((link) => new URL(link.url).host))
})

afterAll(async () => {
  await ctx?.close()
})

/** Every stored subscriber is one the sign-up schema would accept. */
async function expectOnlyValidSubscribers() {
  const { docs } = await ctx.payload.find({ collection: 'subscribers', limit: 0, depth: 0 })
  for (const subscriber of docs) {
    const parsed = signupSchema.safeParse({
      email: subscriber.email,
      consent: 'on',
      sourcePage: subscriber.sourcePage,
    })
    expect(parsed.success).toBe(true)
    expect(parsed.data?.email).toBe(subscriber.email)
    expect(subscriber.sourcePage).toMatch(/^\/(?!\/)[\w\-./]*$/)
    expect(subscriber.status).toBe('pending')
  }
  return docs.length
}

describe('the newsletter sign-up, with generated input', () => {
  it('answers every input with a fixed message, stores only valid addresses, mails only them', async () => {
    const messages = new Set<string>()
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            email: fc.oneof(emailish, fc.constant(undefined), fc.integer(), fc.array(nasty)),
            consent: fc.oneof(fc.constant('on'), nasty, fc.boolean()),
            sourcePage: fc.oneof(fc.constant('/articles/un-article'), nasty),
            website: fc.oneof(fc.constant(undefined), fc.constant(''), nasty),
          },
          { requiredKeys: [] },
        ),
        async (input) => {
          outbox.length = 0
          const result = await signUp(ctx.payload, input as Record<string, unknown>, names)
          expect(['ok', 'invalid']).toContain(result.status)
          messages.add(result.message)
          if (result.status === 'invalid') {
            for (const text of Object.values(result.fieldErrors)) messages.add(text)
            // The typed address comes back only as a form value (React escapes it), bounded.
            expect(result.values.email.length).toBeLessThanOrEqual(254)
          }
          for (const mail of outbox) {
            expect(signupSchema.shape.email.safeParse(mail.to).success).toBe(true)
          }
        },
      ),
      run(400),
    )
    // Every answer is one of the module's own sentences: nothing typed is echoed in them.
    for (const message of messages) {
      expect(message).not.toMatch(/[<>]/)
      expect(message).toMatch(/^[A-ZÀ-Ý]/)
    }
    expect(messages.size).toBeLessThanOrEqual(8)
    await expectOnlyValidSubscribers()
  })

  it('takes any form posted to the server action without storing anything invalid', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom('email', 'consent', 'sourcePage', 'website', 'status', '$ACTION_ID'),
            fc.oneof(emailish, nasty, fc.constant('on')),
            fc.boolean(),
          ),
          { maxLength: 6 },
        ),
        async (entries) => {
          const form = new FormData()
          for (const [name, value, asFile] of entries) {
            if (asFile) form.append(name, new Blob([value]), 'x.txt')
            else form.append(name, value)
          }
          const state = await subscribeToNewsletter({ status: 'idle' }, form)
          expect(['ok', 'invalid']).toContain(state.status)
        },
      ),
      run(150),
    )
    await expectOnlyValidSubscribers()
  })
})

describe('/go/<slug>, with generated slugs and headers', () => {
  it('answers 302 to a live link’s https host or 404, and never echoes the request', async () => {
    const slugs = fc.oneof(
      nasty,
      fc.constantFrom('prime-video-essai-30-jours', 'PRIME-VIDEO-ESSAI-30-JOURS'),
      fc.tuple(fc.constant('prime-video-essai-30-jours'), nasty).map(([a, b]) => a + b),
    )
    await fc.assert(
      fc.asyncProperty(
        slugs,
        fc.option(nasty, { nil: undefined }),
        fc.option(fc.oneof(fc.webUrl(), nasty), { nil: undefined }),
        async (slug, userAgent, referer) => {
          const headers = new Headers({ 'user-agent': BROWSER })
          // Headers refuses values a client could not send (line breaks, NUL…).
          try {
            if (userAgent !== undefined) headers.set('user-agent', userAgent)
            if (referer !== undefined) headers.set('referer', referer)
          } catch {
            // keep the browser's
          }
          const request = new Request('http://localhost:3000/go/x', { headers })
          const response = await follow(request, { params: Promise.resolve({ slug }) })
          expect([302, 404]).toContain(response.status)
          if (response.status === 302) {
            const location = new URL(response.headers.get('location') ?? '')
            expect(location.protocol).toBe('https:')
            expect(liveHosts.has(location.host)).toBe(true)
          }
          const body = await response.text()
          expect(body === '' || body === 'Lien introuvable.').toBe(true)
          expect(response.headers.get('cache-control')).toBe('private, no-store')
        },
      ),
      run(300),
    )
    // Clicks are stored only for the live link, each with a path of this site or none.
    const { docs } = await ctx.payload.find({ collection: 'affiliate-clicks', limit: 0, depth: 0 })
    for (const click of docs) {
      if (click.source !== null && click.source !== undefined) {
        expect(click.source).toMatch(/^\//)
      }
    }
  })
})

describe('slugs, with generated text', () => {
  it('slugify always gives a valid slug (or nothing), once and for all', () => {
    fc.assert(
      fc.property(fc.oneof(nasty, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        const slug = slugify(text)
        expect(slug === '' || isSlug(slug)).toBe(true)
        expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH)
        expect(slugify(slug)).toBe(slug)
      }),
      run(300),
    )
  })

  it('reader queries and pages answer a bad slug with "nothing" (404), never an error', async () => {
    const notFoundDigest = /NEXT_HTTP_ERROR_FALLBACK;404/
    const digestOf = async (render: Promise<unknown>) => {
      try {
        await render
        return 'rendered'
      } catch (error) {
        return (error as { digest?: string }).digest ?? `error: ${String(error)}`
      }
    }
    await fc.assert(
      fc.asyncProperty(nasty, fc.oneof(fc.integer(), fc.double(), nasty), async (slug, page) => {
        expect(await getArticle(slug)).toBeNull()
        expect(await getSeries(slug)).toBeNull()
        expect(await getAuthorPage(slug, typeof page === 'number' ? page : 1)).toBeNull()
        const params = Promise.resolve({ slug })
        expect(await digestOf(ArticlePage({ params }))).toMatch(notFoundDigest)
        expect(await digestOf(SeriesPage({ params }))).toMatch(notFoundDigest)
        // The route parses the page number, then returns the author page's element: render it.
        const authorPage = Promise.resolve({ slug, page: String(page) })
        const renderAuthor = async () => {
          const element = await AuthorNextPage({ params: authorPage })
          const { type, props } = element as unknown as {
            type: (props: unknown) => Promise<unknown>
            props: unknown
          }
          return type(props)
        }
        expect(await digestOf(renderAuthor())).toMatch(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_REDIRECT/)
      }),
      run(150),
    )
  })
})

describe('REST queries, with generated where, sort, limit and depth', () => {
  const fields = fc.constantFrom(
    'title',
    'slug',
    '_status',
    'publishedAt',
    'authors',
    'authors.email',
    'series.title',
    'body',
    'id',
    'createdAt',
    'nope',
    '__proto__',
    'title.foo.bar',
  )
  const operators = fc.constantFrom(
    'equals',
    'not_equals',
    'like',
    'contains',
    'in',
    'not_in',
    'exists',
    'greater_than',
    'near',
    'within',
    'all',
    'bogus',
  )
  const collections = fc.constantFrom(
    'articles',
    'series',
    'users',
    'affiliate-links',
    'affiliate-clicks',
    'subscribers',
    'media',
  )
  const query = fc.record({
    collection: collections,
    where: fc.array(fc.tuple(fields, operators, fc.oneof(nasty, fc.integer().map(String))), {
      maxLength: 3,
    }),
    or: fc.boolean(),
    sort: fc.option(
      fc.oneof(
        fields,
        fields.map((f) => `-${f}`),
        nasty,
      ),
      { nil: undefined },
    ),
    limit: fc.option(fc.oneof(fc.integer().map(String), nasty), { nil: undefined }),
    depth: fc.option(fc.oneof(fc.integer({ min: -5, max: 50 }).map(String), nasty), {
      nil: undefined,
    }),
    draft: fc.boolean(),
  })

  it('never answers 5xx, returns at most 100 published documents, and changes nothing', async () => {
    const before = await ctx.payload.count({ collection: 'subscribers' })
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const params = new URLSearchParams()
        q.where.forEach(([field, operator, value], index) => {
          const prefix = q.or ? `where[or][${index}][${field}]` : `where[${field}]`
          params.append(`${prefix}[${operator}]`, value)
        })
        if (q.sort !== undefined) params.set('sort', q.sort)
        if (q.limit !== undefined) params.set('limit', q.limit)
        if (q.depth !== undefined) params.set('depth', q.depth)
        if (q.draft) params.set('draft', 'true')
        const response = await ctx.rest(`/api/${q.collection}?${params}`)
        const text = await response.text()
        expect(response.status).toBeLessThan(500)
        expect(text).not.toContain(MARKUP)
        if (response.status !== 200) return
        const body = JSON.parse(text) as { docs: Record<string, unknown>[] }
        expect(body.docs.length).toBeLessThanOrEqual(100)
        for (const doc of body.docs) {
          if (q.collection === 'articles' || q.collection === 'series') {
            expect(doc._status).toBe('published')
          }
          expect(doc).not.toHaveProperty('email')
        }
        expect(['subscribers', 'affiliate-clicks']).not.toContain(q.collection)
      }),
      run(400),
    )
    expect(await ctx.payload.count({ collection: 'subscribers' })).toEqual(before)
  })
})
