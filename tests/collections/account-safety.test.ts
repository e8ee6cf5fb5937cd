import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { GRAPHQL_MAX_COMPLEXITY, MAX_API_LIMIT } from '../../collections/shared/query-limits'
import type { User } from '../../payload-types'
import { makeArticle } from '../helpers/fixtures'
import { startPayload, TEST_PASSWORD, type TestContext } from '../helpers/payload'

let ctx: TestContext
let admin: { user: User; token: string }
let editor: { user: User; token: string }

const PUBLISHED = MAX_API_LIMIT + 5

beforeAll(async () => {
  ctx = await startPayload()
  admin = await ctx.createUser(['admin'])
  editor = await ctx.createUser(['editor'])
  for (let i = 0; i < PUBLISHED; i += 1) {
    await makeArticle(ctx.payload, editor.user.id, 'published')
  }
})

afterAll(async () => {
  await ctx?.close()
})

type List = { docs: unknown[]; totalDocs: number; limit: number }

describe('one API request cannot read a whole collection', () => {
  it.each([
    ['a huge limit', `/api/articles?limit=100000`],
    ['limit=0 (Payload: no limit)', `/api/articles?limit=0`],
    ['pagination=false', `/api/articles?pagination=false`],
    ['pagination=false with limit=0', `/api/articles?pagination=false&limit=0`],
    ['a negative limit', `/api/articles?limit=-1`],
  ])('caps %s at %s documents over REST', async (_label, url) => {
    const response = await ctx.rest(url)
    expect(response.status).toBe(200)
    const body = (await response.json()) as List
    expect(body.totalDocs).toBe(PUBLISHED)
    expect(body.docs).toHaveLength(MAX_API_LIMIT)
  })

  it('keeps smaller pages as asked, and the next page reachable', async () => {
    const first = (await (await ctx.rest('/api/articles?limit=7')).json()) as List
    expect(first.docs).toHaveLength(7)
    const last = (await (await ctx.rest('/api/articles?limit=100&page=2')).json()) as List
    expect(last.docs).toHaveLength(PUBLISHED - MAX_API_LIMIT)
  })

  it('caps staff too, and GraphQL', async () => {
    const asEditor = (await (
      await ctx.rest('/api/articles?limit=0', { token: editor.token })
    ).json()) as List
    expect(asEditor.docs).toHaveLength(MAX_API_LIMIT)

    const { body } = await ctx.graphql('{ Articles(limit: 0) { totalDocs docs { id } } }')
    expect(body.errors).toBeUndefined()
    const articles = body.data?.Articles as { totalDocs: number; docs: unknown[] }
    expect(articles.totalDocs).toBe(PUBLISHED)
    expect(articles.docs).toHaveLength(MAX_API_LIMIT)
  })

  it('leaves server code (the Local API) uncapped', async () => {
    const all = await ctx.payload.find({ collection: 'articles', pagination: false, depth: 0 })
    expect(all.docs).toHaveLength(PUBLISHED)
  })
})

describe('GraphQL refuses queries above its complexity budget', () => {
  it(`answers a normal query and refuses one costing more than ${GRAPHQL_MAX_COMPLEXITY}`, async () => {
    const small = await ctx.graphql('{ Articles(limit: 2) { docs { title slug } } }')
    expect(small.body.errors).toBeUndefined()

    const aliases = Array.from(
      { length: GRAPHQL_MAX_COMPLEXITY + 1 },
      (_, i) => `a${i}: Articles(limit: 1) { totalDocs }`,
    )
    const big = await ctx.graphql(`{ ${aliases.join(' ')} }`)
    expect(big.body.data ?? null).toBeNull()
    expect(big.body.errors?.[0]?.message).toMatch(/complexity/i)
  })
})

describe('responses never carry secrets', () => {
  const SECRET_KEYS = [
    'hash',
    'salt',
    'sessions',
    'resetPasswordToken',
    'resetPasswordExpiration',
    'loginAttempts',
    'lockUntil',
    'apiKey',
    'apiKeyIndex',
    'enableAPIKey',
    '_verificationToken',
    'password',
  ]

  /** Every key that holds something (Payload leaves an empty `sessions: []` once stripped). */
  function keysDeep(value: unknown, found = new Set<string>()): Set<string> {
    if (Array.isArray(value)) value.forEach((item) => keysDeep(item, found))
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (!(Array.isArray(inner) && inner.length === 0)) found.add(key)
        keysDeep(inner, found)
      }
    }
    return found
  }

  it('in login, me, user reads and lists, even to an admin', async () => {
    const login = await ctx.rest('/api/users/login', {
      method: 'POST',
      body: JSON.stringify({ email: editor.user.email, password: TEST_PASSWORD }),
    })
    const answers: unknown[] = [await login.json()]
    for (const [url, token] of [
      ['/api/users/me', editor.token],
      [`/api/users/${editor.user.id}`, admin.token],
      ['/api/users?limit=100&depth=1', admin.token],
      ['/api/users?limit=100', undefined],
      [`/api/articles?limit=5&depth=2`, undefined],
    ] as const) {
      const response = await ctx.rest(url, { token })
      expect(response.status).toBe(200)
      answers.push(await response.json())
    }
    const { body } = await ctx.graphql(
      '{ Users(limit: 50) { docs { id name email roles } } meUser { user { id email } } }',
      { token: admin.token },
    )
    answers.push(body)

    const keys = keysDeep(answers)
    for (const secret of SECRET_KEYS) expect(keys).not.toContain(secret)
    // No one else's token: only login and `me` echo the caller's own.
    expect(JSON.stringify(answers.slice(2))).not.toMatch(/eyJ[\w-]+\.eyJ/)
  })

  it('refuses to filter or sort users on hidden fields', async () => {
    for (const url of [
      '/api/users?where[hash][exists]=true',
      '/api/users?where[salt][like]=a',
      '/api/users?where[resetPasswordToken][exists]=true',
      '/api/users?sort=hash',
    ]) {
      const response = await ctx.rest(url, { token: admin.token })
      const text = await response.text()
      if (response.status === 200) {
        // A sort on a hidden field is ignored; it must not order by the secret.
        expect(text).not.toMatch(/"hash"|"salt"/)
      } else {
        expect(response.status).toBe(400)
      }
    }
  })
})

describe('cookies and cross-site requests', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie (Secure on https sites)', async () => {
    const response = await ctx.rest('/api/users/login', {
      method: 'POST',
      body: JSON.stringify({ email: editor.user.email, password: TEST_PASSWORD }),
    })
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/payload-token=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    // The tests run with the default SITE_URL, http://localhost:3000: no Secure flag there.
    expect(cookie).not.toMatch(/;\s*Secure/i)
  })

  it('ignores the session cookie on a request from another origin', async () => {
    const me = async (headers: Record<string, string>) => {
      const response = await ctx.rest('/api/users/me', {
        headers: { Cookie: `payload-token=${editor.token}`, ...headers },
      })
      return ((await response.json()) as { user: { id: unknown } | null }).user
    }
    expect(await me({ Origin: 'http://localhost:3000' })).toMatchObject({ id: editor.user.id })
    expect(await me({ 'Sec-Fetch-Site': 'same-origin' })).toMatchObject({ id: editor.user.id })
    expect(await me({ Origin: 'https://evil.example' })).toBeNull()
    expect(await me({ 'Sec-Fetch-Site': 'cross-site' })).toBeNull()

    // A cross-site form post cannot act with the editor's cookie.
    const forged = await ctx.rest('/api/articles', {
      method: 'POST',
      headers: { Cookie: `payload-token=${editor.token}`, Origin: 'https://evil.example' },
      body: JSON.stringify({ title: 'Forgé' }),
    })
    expect(forged.status).toBe(403)
  })
})

describe('login lockout', () => {
  it('locks an account after 5 wrong passwords, even against the right one, until an admin unlocks it', async () => {
    const { user } = await ctx.createUser(['journalist'], 'lockout@kiosque.test')
    const attempt = (password: string) =>
      ctx.rest('/api/users/login', {
        method: 'POST',
        body: JSON.stringify({ email: user.email, password }),
      })
    for (let i = 0; i < 5; i += 1) {
      expect((await attempt(`wrong-${i}`)).status).toBe(401)
    }
    const locked = await attempt(TEST_PASSWORD)
    expect(locked.status).toBeGreaterThanOrEqual(400)
    expect(JSON.stringify(await locked.json())).not.toMatch(/"token"/)

    // An editor may not unlock it; an admin may.
    const byEditor = await ctx.rest('/api/users/unlock', {
      method: 'POST',
      token: editor.token,
      body: JSON.stringify({ email: user.email }),
    })
    expect(byEditor.status).toBe(403)
    expect((await attempt(TEST_PASSWORD)).status).toBeGreaterThanOrEqual(400)
    const byAdmin = await ctx.rest('/api/users/unlock', {
      method: 'POST',
      token: admin.token,
      body: JSON.stringify({ email: user.email }),
    })
    expect(byAdmin.status).toBe(200)
    expect((await attempt(TEST_PASSWORD)).status).toBe(200)
  })
})
