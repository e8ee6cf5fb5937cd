import { rmSync } from 'node:fs'

import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type { Payload } from 'payload'

import type { User } from '../../payload-types'
import { onMongo } from './test-database'

export type TestContext = {
  payload: Payload
  /** Calls the REST API as Payload serves it, optionally logged in with a JWT. */
  rest: (pathname: string, init?: RequestInit & { token?: string }) => Promise<Response>
  /** Calls the GraphQL API through the same handler as the Next route, optionally logged in. */
  graphql: (
    query: string,
    options?: { token?: string; variables?: Record<string, unknown> },
  ) => Promise<{ status: number; body: GraphQLBody }>
  /** Logs a user in through REST and returns their token. */
  login: (email: string, password: string) => Promise<string>
  /** Creates a user with the given roles (as an admin would) and returns it with its token. */
  createUser: (roles: User['roles'], email?: string) => Promise<{ user: User; token: string }>
  close: () => Promise<void>
}

export type GraphQLBody = {
  data?: Record<string, unknown> | null
  errors?: { message: string; extensions?: { statusCode?: number } }[]
}

export const TEST_PASSWORD = 'correct-horse-battery-staple'

let userCount = 0

/**
 * Boots the real Payload on the throw-away database of this test file (a SQLite file, or a
 * MongoDB database of its own with TEST_DATABASE_URI): migrations run as at start, nothing is
 * mocked. Call once per test file, in beforeAll, and close() in afterAll. With `runJobs`, this
 * process is the app server that runs the jobs queue (JOBS_RUNNER=app): its every-second cron
 * starts at the first REST call or `getPayload({ cron: true })`, as in the app.
 */
export async function startPayload({ runJobs = false } = {}): Promise<TestContext> {
  // tests/setup-env.ts chose a fresh database for this file before anything was imported.
  const dir = process.env.KIOSQUE_TEST_DIR
  const database = process.env.DATABASE_URI ?? ''
  if (!dir || !(database.includes(dir) || (onMongo() && database.includes('/kiosque_test_')))) {
    throw new Error('Integration tests must run with tests/setup-env.ts (see jest.config.js)')
  }
  // Read once, when the config below is first imported.
  if (runJobs) process.env.JOBS_RUNNER = 'app'
  const [{ default: config }, { getPayload, handleEndpoints }, { GRAPHQL_POST }] =
    await Promise.all([
      import('@payload-config'),
      import('payload'),
      import('@payloadcms/next/routes'),
    ])
  const graphqlRoute = GRAPHQL_POST(config)
  const payload = await getPayload({ config })
  // The first account ever created becomes the admin (the admin's "create first user" screen):
  // make it here so that the users a test creates get exactly the roles it asks for.
  await payload.create({
    collection: 'users',
    data: { email: 'root@kiosque.test', password: TEST_PASSWORD, name: 'Root', roles: ['admin'] },
    overrideAccess: true,
  })

  const rest: TestContext['rest'] = async (pathname, init = {}) => {
    const { token, ...rest } = init
    const headers = new Headers(rest.headers)
    if (token) headers.set('Authorization', `JWT ${token}`)
    const isJson = typeof rest.body === 'string'
    if (isJson && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json')
    const request = new Request(`http://localhost:3000${pathname}`, { ...rest, headers })
    // The Next route app/(payload)/api/graphql serves GraphQL, not the REST handler.
    if (new URL(request.url).pathname === '/api/graphql') return graphqlRoute(request)
    return handleEndpoints({ config, request })
  }

  const graphql: TestContext['graphql'] = async (query, { token, variables } = {}) => {
    const headers = new Headers({ 'Content-Type': 'application/json' })
    if (token) headers.set('Authorization', `JWT ${token}`)
    const request = new Request('http://localhost:3000/api/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    })
    const response = await graphqlRoute(request)
    return { status: response.status, body: (await response.json()) as GraphQLBody }
  }

  const login: TestContext['login'] = async (email, password) => {
    const response = await rest('/api/users/login', {
      method: 'POST',
      body: JSON.stringify({ email, password }),
    })
    const body = (await response.json()) as { token?: string }
    if (!response.ok || !body.token)
      throw new Error(`login failed for ${email}: ${response.status}`)
    return body.token
  }

  const createUser: TestContext['createUser'] = async (roles, email) => {
    userCount += 1
    const address = email ?? `${roles.join('-')}-${userCount}@kiosque.test`
    const user = await payload.create({
      collection: 'users',
      data: { email: address, password: TEST_PASSWORD, name: `Test ${roles.join(' ')}`, roles },
      overrideAccess: true,
    })
    return { user, token: await login(address, TEST_PASSWORD) }
  }

  return {
    payload,
    rest,
    graphql,
    login,
    createUser,
    close: async () => {
      // A MongoDB test database is this file's alone: drop it, as the SQLite file is removed.
      if (onMongo()) await (payload.db as unknown as MongooseAdapter).connection.dropDatabase()
      await payload.destroy()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
