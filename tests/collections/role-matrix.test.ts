/**
 * The role matrix of issue #4, cell by cell: every row is one operation, tried by an anonymous
 * reader, a journalist, an editor and an admin, over REST, the Local API (overrideAccess: false)
 * and, for articles and settings, GraphQL. An allowed write must show in the database; a denied
 * one must be refused and leave the database exactly as it was (re-read past access control).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq } from 'payload'
import sharp from 'sharp'

import { guardedSchedulePublish } from '../../admin/schedule-publish'
import type { Article, User } from '../../payload-types'
import { SETTINGS } from '../../seed/content'
import { articleData, makeArticle } from '../helpers/fixtures'
import { startPayload, TEST_PASSWORD, type TestContext } from '../helpers/payload'

const ACTORS = ['anonymous', 'journalist', 'editor', 'admin'] as const
type Actor = (typeof ACTORS)[number]
type Via = 'rest' | 'local' | 'graphql'
type Who = { user: User; token: string } | null
type Id = number | string

/** Which actors may do it: everyone else must be refused. */
type Allowed = readonly Actor[]
const EVERYONE: Allowed = ACTORS
const STAFF: Allowed = ['journalist', 'editor', 'admin']
const EDITORS: Allowed = ['editor', 'admin']
const ADMINS: Allowed = ['admin']
const NOBODY: Allowed = []

type Attempt<F> = (fixture: F, who: Who) => Promise<boolean>

type Row<F = unknown> = {
  /** Creates what the operation acts on, past access control; the actor is given for "own" rows. */
  setup: (actor: Actor) => Promise<F>
  /** Who acts, when not the shared user of that role (own-profile rows). */
  who?: (fixture: F) => Who
  rest?: Attempt<F>
  local?: Attempt<F>
  graphql?: Attempt<F>
  /** Writes only: the change is in the database. */
  applied?: (fixture: F) => Promise<boolean>
  /** Writes only: everything the operation could touch, to compare before and after a refusal. */
  state?: (fixture: F) => Promise<unknown>
}

let ctx: TestContext
const people = {} as Record<Exclude<Actor, 'anonymous'>, { user: User; token: string }>
let colleague: { user: User; token: string }
let unique = 0
const next = () => {
  unique += 1
  return unique
}

beforeAll(async () => {
  ctx = await startPayload()
  people.journalist = await ctx.createUser(['journalist'])
  people.editor = await ctx.createUser(['editor'])
  people.admin = await ctx.createUser(['admin'])
  colleague = await ctx.createUser(['journalist'])
  await ctx.payload.updateGlobal({ slug: 'site-settings', data: SETTINGS, overrideAccess: true })
})

afterAll(async () => {
  await ctx?.close()
})

const whoIs = (actor: Actor): Who => (actor === 'anonymous' ? null : people[actor])

/** The refusals of access control; anything else (a validation error, a crash) fails the test. */
const REFUSALS = [401, 403, 404]

/** A 2xx answer is a success, a refusal is not; anything else is a broken test. */
function isOk(response: Response) {
  if (response.status >= 200 && response.status < 300) return true
  if (REFUSALS.includes(response.status)) return false
  throw new Error(`unexpected ${response.status} from ${response.url}`)
}

function refused(error: unknown): false {
  if (REFUSALS.includes((error as { status?: number }).status ?? 0)) return false
  throw error
}

async function succeeds(operation: () => Promise<unknown>): Promise<boolean> {
  try {
    await operation()
    return true
  } catch (error) {
    return refused(error)
  }
}

/** The Local API as this user, with access control on. */
const as = (who: Who) => ({ overrideAccess: false as const, user: who?.user })

function rest(path: string, who: Who, init: RequestInit = {}) {
  return ctx.rest(path, { ...init, token: who?.token })
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  body: JSON.stringify(body),
})

type GraphQLError = { message: string; extensions?: { statusCode?: number } }

/** A GraphQL call whose errors, if any, must all be refusals (a schema error fails the test). */
async function graphql(who: Who, query: string, variables: Record<string, unknown> = {}) {
  const response = await rest('/api/graphql', who, json('POST', { query, variables }))
  const body = (await response.json()) as {
    data?: Record<string, unknown> | null
    errors?: GraphQLError[]
  }
  const other = body.errors?.find((e) => !REFUSALS.includes(e.extensions?.statusCode ?? 0))
  if (other) throw new Error(`GraphQL: ${JSON.stringify(other)}`)
  return body
}

/** A GraphQL id literal, quoted on MongoDB (string ids), bare on SQLite. */
const gid = (id: Id) => JSON.stringify(id)

// ---------------------------------------------------------------------------------------------
// Articles
// ---------------------------------------------------------------------------------------------

const latest = (id: Id) =>
  ctx.payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true })
const stored = (id: Id) =>
  ctx.payload.findByID({ collection: 'articles', id, depth: 0, overrideAccess: true })
const versionCount = async (id: Id) =>
  (
    await ctx.payload.countVersions({
      collection: 'articles',
      where: { parent: { equals: id } },
      overrideAccess: true,
    })
  ).totalDocs

/** The stored document, its latest version and how many versions it has. */
async function articleState(id: Id) {
  const [main, last, versions] = await Promise.all([
    stored(id).catch(() => null),
    latest(id).catch(() => null),
    versionCount(id),
  ])
  return { main, last, versions }
}

const articleCount = async () =>
  (await ctx.payload.count({ collection: 'articles', overrideAccess: true })).totalDocs

type ArticleFixture = { id: Id; article: Article }

const draftOf = async (author: User): Promise<ArticleFixture> => {
  const article = await makeArticle(ctx.payload, author.id, 'draft')
  return { id: article.id, article }
}
const publishedOf = async (author: User): Promise<ArticleFixture> => {
  const article = await makeArticle(ctx.payload, author.id, 'published')
  return { id: article.id, article }
}

/** A draft update of one article by id, over the three APIs. */
function updateArticle(
  data: Record<string, unknown>,
  reported: (doc: Record<string, unknown> | undefined) => boolean,
  { draft }: { draft: boolean },
): Pick<Row<ArticleFixture>, 'rest' | 'local' | 'graphql'> {
  return {
    rest: async ({ id }, who) => {
      const response = await rest(`/api/articles/${id}${draft ? '?draft=true' : ''}`, who, {
        ...json('PATCH', data),
      })
      if (!isOk(response)) return false
      const body = (await response.json()) as { doc?: Record<string, unknown> }
      return reported(body.doc)
    },
    local: async ({ id }, who) => {
      try {
        const doc = await ctx.payload.update({
          collection: 'articles',
          id,
          data,
          draft,
          depth: 0,
          ...as(who),
        })
        return reported(doc as unknown as Record<string, unknown>)
      } catch (error) {
        return refused(error)
      }
    },
    graphql: async ({ id }, who) => {
      const result = await graphql(
        who,
        `mutation ($data: mutationArticleUpdateInput!) {
          updateArticle(id: ${gid(id)}, data: $data, draft: ${draft}) { id title _status reviewState publishedAt }
        }`,
        { data },
      )
      const doc = result.data?.updateArticle as Record<string, unknown> | undefined
      return !result.errors && Boolean(doc) && reported(doc)
    },
  }
}

const articleWrite = (
  setup: (actor: Actor) => Promise<ArticleFixture>,
  applied: (fixture: ArticleFixture) => Promise<boolean>,
  attempts: Pick<Row<ArticleFixture>, 'rest' | 'local' | 'graphql'>,
): Row<ArticleFixture> => ({
  setup,
  applied,
  state: ({ id }) => articleState(id),
  ...attempts,
})

const readArticle = (setup: () => Promise<ArticleFixture>): Row<ArticleFixture> => ({
  setup,
  rest: async ({ id }, who) => {
    const response = await rest(`/api/articles/${id}?draft=true`, who)
    return isOk(response) && ((await response.json()) as { id: Id }).id === id
  },
  local: ({ id }, who) =>
    succeeds(() => ctx.payload.findByID({ collection: 'articles', id, draft: true, ...as(who) })),
  graphql: async ({ id }, who) => {
    const result = await graphql(who, `{ Article(id: ${gid(id)}, draft: true) { id } }`)
    return (result.data?.Article as { id?: Id } | null)?.id === id
  },
})

function createArticle(status: 'draft' | 'published'): Row<{ slug: string }> {
  const data = (slug: string) => ({
    ...articleData(people.journalist.user.id, { slug, title: `Création ${slug}` }),
    _status: status,
  })
  const found = async (slug: string) =>
    (
      await ctx.payload.count({
        collection: 'articles',
        where: { slug: { equals: slug }, _status: { equals: status } },
        overrideAccess: true,
      })
    ).totalDocs > 0
  return {
    setup: async () => ({ slug: `creation-${status}-${next()}` }),
    rest: async ({ slug }, who) =>
      isOk(
        await rest(
          `/api/articles${status === 'draft' ? '?draft=true' : ''}`,
          who,
          json('POST', data(slug)),
        ),
      ),
    local: ({ slug }, who) =>
      succeeds(() =>
        ctx.payload.create({
          collection: 'articles',
          data: data(slug),
          draft: status === 'draft',
          ...as(who),
        }),
      ),
    graphql: async ({ slug }, who) => {
      const result = await graphql(
        who,
        `mutation ($data: mutationArticleInput!) { createArticle(data: $data, draft: ${status === 'draft'}) { id } }`,
        { data: data(slug) },
      )
      return !result.errors && Boolean(result.data?.createArticle)
    },
    applied: async ({ slug }) => found(slug),
    state: async () => articleCount(),
  }
}

const titled = (title: string) => (doc: Record<string, unknown> | undefined) => doc?.title === title
const retitle = () => `Titre changé ${next()}`

function retitleRow(setup: (actor: Actor) => Promise<ArticleFixture>): Row<ArticleFixture> {
  const title = retitle()
  return articleWrite(
    setup,
    async ({ id }) => (await latest(id)).title === title,
    updateArticle({ title }, titled(title), { draft: true }),
  )
}

const publishRow = articleWrite(
  () => draftOf(people.journalist.user),
  async ({ id }) => (await stored(id))._status === 'published',
  updateArticle({ _status: 'published' }, (doc) => doc?._status === 'published', { draft: false }),
)

const unpublishRow = articleWrite(
  () => publishedOf(people.journalist.user),
  async ({ id }) => (await stored(id))._status === 'draft',
  updateArticle({ _status: 'draft' }, (doc) => doc?._status === 'draft', { draft: false }),
)

const deleteArticleRow = articleWrite(
  () => draftOf(people.journalist.user),
  async ({ id }) => (await stored(id).catch(() => null)) === null,
  {
    rest: async ({ id }, who) => isOk(await rest(`/api/articles/${id}`, who, { method: 'DELETE' })),
    local: ({ id }, who) =>
      succeeds(() => ctx.payload.delete({ collection: 'articles', id, ...as(who) })),
    graphql: async ({ id }, who) => {
      const result = await graphql(who, `mutation { deleteArticle(id: ${gid(id)}) { id } }`)
      return !result.errors && Boolean(result.data?.deleteArticle)
    },
  },
)

type VersionFixture = ArticleFixture & { versionId: Id; expect: (a: Article) => boolean }

/** Restores a version: Payload checks the update rule with the restored version's status. */
function restoreRow(setup: (actor: Actor) => Promise<VersionFixture>): Row<VersionFixture> {
  return {
    setup,
    applied: async (f) => f.expect(await latest(f.id)),
    state: ({ id }) => articleState(id),
    rest: async ({ versionId }, who) =>
      isOk(await rest(`/api/articles/versions/${versionId}`, who, { method: 'POST' })),
    local: ({ versionId }, who) =>
      succeeds(() =>
        ctx.payload.restoreVersion({ collection: 'articles', id: String(versionId), ...as(who) }),
      ),
    graphql: async ({ versionId }, who) => {
      const result = await graphql(
        who,
        `mutation { restoreVersionArticle(id: ${gid(versionId)}) { id } }`,
      )
      return !result.errors && Boolean(result.data?.restoreVersionArticle)
    },
  }
}

async function versionsOf(id: Id) {
  const { docs } = await ctx.payload.findVersions({
    collection: 'articles',
    where: { parent: { equals: id } },
    sort: 'createdAt',
    limit: 50,
    overrideAccess: true,
  })
  return docs
}

/** An article that was published, then taken offline: its published version is restorable. */
async function onceLiveDraftOf(author: User): Promise<VersionFixture> {
  const { id, article } = await publishedOf(author)
  await ctx.payload.update({
    collection: 'articles',
    id,
    data: { _status: 'draft' },
    overrideAccess: true,
  })
  const version = (await versionsOf(id)).find((v) => v.version._status === 'published')
  if (!version) throw new Error('no published version')
  return { id, article, versionId: version.id, expect: (a) => a._status === 'published' }
}

/** A draft edited once: its first version (the original title) is restorable. */
async function editedDraftOf(author: User): Promise<VersionFixture> {
  const { id, article } = await draftOf(author)
  await ctx.payload.update({
    collection: 'articles',
    id,
    data: { title: 'Deuxième version' },
    draft: true,
    overrideAccess: true,
  })
  const first = (await versionsOf(id))[0]
  if (!first) throw new Error('no version')
  return { id, article, versionId: first.id, expect: (a) => a.title === article.title }
}

/** A bulk edit as the admin's list view sends it: PATCH /api/articles?where=… */
function bulkUpdateRow(
  setup: (actor: Actor) => Promise<ArticleFixture>,
  data: Record<string, unknown>,
  applied: (a: Article) => boolean,
  { draft }: { draft: boolean },
): Row<ArticleFixture> {
  return articleWrite(setup, async ({ id }) => applied(await latest(id)), {
    rest: async ({ id }, who) => {
      const response = await rest(
        `/api/articles?where[id][equals]=${id}${draft ? '&draft=true' : ''}`,
        who,
        json('PATCH', data),
      )
      if (!isOk(response)) return false
      const body = (await response.json()) as { docs: { id: Id }[] }
      return body.docs.some((doc) => doc.id === id)
    },
    local: async ({ id }, who) => {
      try {
        const result = await ctx.payload.update({
          collection: 'articles',
          where: { id: { equals: id } },
          data,
          draft,
          ...as(who),
        })
        return result.docs.some((doc) => doc.id === id)
      } catch (error) {
        return refused(error)
      }
    },
  })
}

const bulkDeleteRow = articleWrite(
  () => draftOf(people.journalist.user),
  async ({ id }) => (await stored(id).catch(() => null)) === null,
  {
    rest: async ({ id }, who) => {
      const response = await rest(`/api/articles?where[id][equals]=${id}`, who, {
        method: 'DELETE',
      })
      if (!isOk(response)) return false
      return ((await response.json()) as { docs: { id: Id }[] }).docs.some((d) => d.id === id)
    },
    local: async ({ id }, who) => {
      try {
        const result = await ctx.payload.delete({
          collection: 'articles',
          where: { id: { equals: id } },
          ...as(who),
        })
        return result.docs.some((doc) => doc.id === id)
      } catch (error) {
        return refused(error)
      }
    },
  },
)

/** `POST /api/articles/:id/duplicate?draft=false` of a published article. */
const publishedTitled = async (title: string) =>
  (
    await ctx.payload.count({
      collection: 'articles',
      where: { title: { equals: title }, _status: { equals: 'published' } },
      overrideAccess: true,
    })
  ).totalDocs

/** A journalist's duplicate is allowed, as a draft: what must never appear is a published copy. */
const duplicateLiveRow: Row<ArticleFixture> = {
  setup: () => publishedOf(people.editor.user),
  state: async ({ article }) => publishedTitled(article.title),
  applied: async ({ article }) => (await publishedTitled(article.title)) > 1,
  rest: async ({ id }, who) => {
    const response = await rest(`/api/articles/${id}/duplicate?draft=false`, who, json('POST', {}))
    if (!isOk(response)) return false
    return ((await response.json()) as { doc: Article }).doc._status === 'published'
  },
  local: async ({ id }, who) => {
    try {
      const copy = await ctx.payload.duplicate({
        collection: 'articles',
        id,
        draft: false,
        ...as(who),
      })
      return copy._status === 'published'
    } catch (error) {
      return refused(error)
    }
  },
}

const scheduleJobs = async () =>
  (
    await ctx.payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'schedulePublish' } },
      limit: 200,
      depth: 0,
      overrideAccess: true,
    })
  ).docs.map((job) => ({ id: job.id, input: job.input }))

/** The admin's "schedule publish" server function, as the admin layout registers it. */
async function callSchedule(who: Who, args: Record<string, unknown>) {
  const req = await createLocalReq(
    { user: who?.user ? { ...who.user, collection: 'users' } : undefined },
    ctx.payload,
  )
  const result = (await guardedSchedulePublish({
    ...args,
    req,
    user: req.user,
    importMap: {},
    cookies: new Map(),
    locale: undefined,
    permissions: {} as never,
  } as never)) as { error?: string } | undefined
  return !result?.error
}

const scheduleRow: Row<ArticleFixture> = {
  setup: () => draftOf(people.journalist.user),
  state: async () => scheduleJobs(),
  applied: async ({ id }) =>
    (await scheduleJobs()).some(
      (job) => String((job.input as { doc?: { value?: Id } }).doc?.value) === String(id),
    ),
  // The admin's path; REST and GraphQL have no way to queue a job (rows below).
  local: ({ id }, who) =>
    succeeds(() =>
      callSchedule(who, {
        type: 'publish',
        date: new Date(Date.now() + 24 * 3600 * 1000),
        doc: { relationTo: 'articles', value: String(id) },
      }).then((ok) => {
        if (!ok) throw new Error('refused')
      }),
    ),
}

type JobFixture = ArticleFixture & { jobId: Id }

const unscheduleRow: Row<JobFixture> = {
  setup: async () => {
    const fixture = await draftOf(people.journalist.user)
    const job = await ctx.payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'articles', value: fixture.id as number },
        user: { relationTo: 'users', value: people.editor.user.id },
      },
      waitUntil: new Date(Date.now() + 24 * 3600 * 1000),
    })
    return { ...fixture, jobId: job.id }
  },
  state: async () => scheduleJobs(),
  // SQLite may give the id of a deleted row to the next one: look for the article, not the id.
  applied: async ({ id }) =>
    !(await scheduleJobs()).some(
      (job) => String((job.input as { doc?: { value?: Id } }).doc?.value) === String(id),
    ),
  local: ({ jobId }, who) =>
    succeeds(() =>
      callSchedule(who, { deleteID: jobId }).then((ok) => {
        if (!ok) throw new Error('refused')
      }),
    ),
}

const queueJobOverApi: Row<ArticleFixture> = {
  setup: () => draftOf(people.journalist.user),
  state: async () => scheduleJobs(),
  applied: async ({ id }) =>
    (await scheduleJobs()).some(
      (job) => String((job.input as { doc?: { value?: Id } }).doc?.value) === String(id),
    ),
  rest: async ({ id }, who) =>
    isOk(
      await rest(
        '/api/payload-jobs',
        who,
        json('POST', {
          taskSlug: 'schedulePublish',
          input: { type: 'publish', doc: { relationTo: 'articles', value: String(id) } },
          waitUntil: new Date(Date.now() + 3600_000).toISOString(),
        }),
      ),
    ),
  graphql: async ({ id }, who) => {
    const result = await graphql(
      who,
      `
        mutation ($data: mutationPayloadJobInput!) {
          createPayloadJob(data: $data) {
            id
          }
        }
      `,
      {
        data: {
          taskSlug: 'schedulePublish',
          input: { type: 'publish', doc: { relationTo: 'articles', value: String(id) } },
        },
      },
    )
    return !result.errors && Boolean(result.data?.createPayloadJob)
  },
}

/** A field rule: the save goes through, the field keeps its value. */
function articleFieldRow(field: 'reviewState' | 'publishedAt', value: string): Row<ArticleFixture> {
  return {
    ...articleWrite(
      () => draftOf(people.journalist.user),
      async ({ id }) => (await latest(id))[field] === value,
      updateArticle({ [field]: value }, (doc) => doc?.[field] === value, { draft: true }),
    ),
    state: async ({ id }) => (await latest(id))[field] ?? null,
  }
}

// ---------------------------------------------------------------------------------------------
// Other collections: one generic set of REST and Local API attempts
// ---------------------------------------------------------------------------------------------

type Slug = 'series' | 'affiliate-links' | 'media' | 'subscribers' | 'users'
type DocFixture = { id: Id }

const exists = async (collection: Slug, id: Id) =>
  (
    await ctx.payload.count({
      collection,
      where: { id: { equals: id } },
      overrideAccess: true,
    })
  ).totalDocs > 0

const rawDoc = (collection: Slug, id: Id) =>
  ctx.payload
    .findByID({
      collection,
      id,
      depth: 0,
      draft: true,
      overrideAccess: true,
      showHiddenFields: true,
    })
    .catch(() => null)

function readRow(collection: Slug, setup: () => Promise<DocFixture>): Row<DocFixture> {
  return {
    setup,
    rest: async ({ id }, who) => {
      const response = await rest(`/api/${collection}/${id}?draft=true`, who)
      return isOk(response) && ((await response.json()) as { id: Id }).id === id
    },
    local: ({ id }, who) =>
      succeeds(() => ctx.payload.findByID({ collection, id, draft: true, ...as(who) })),
  }
}

function createRow(
  collection: Slug,
  data: () => Record<string, unknown>,
): Row<{ data: Record<string, unknown>; key: string }> {
  const count = async () =>
    (await ctx.payload.count({ collection, overrideAccess: true })).totalDocs
  return {
    setup: async () => {
      const d = data()
      return { data: d, key: String(d.slug ?? d.email) }
    },
    state: count,
    applied: async ({ data: d }) =>
      (
        await ctx.payload.count({
          collection,
          where: d.slug ? { slug: { equals: d.slug } } : { email: { equals: d.email } },
          overrideAccess: true,
        })
      ).totalDocs > 0,
    rest: async ({ data: d }, who) => isOk(await rest(`/api/${collection}`, who, json('POST', d))),
    local: ({ data: d }, who) =>
      succeeds(() => ctx.payload.create({ collection, data: d as never, ...as(who) })),
  }
}

/**
 * Updates one document. With `field`, the rule is a field rule: the save itself goes through, so
 * only that field is compared after a refusal.
 */
function updateRow<F extends DocFixture & { who?: Who }>(
  collection: Slug,
  setup: (actor: Actor) => Promise<F>,
  data: Record<string, unknown> | ((fixture: F) => Record<string, unknown>),
  stuck: (doc: Record<string, unknown> | null, fixture: F) => boolean,
  field?: string,
): Row<F> {
  const dataOf = (f: F) => (typeof data === 'function' ? data(f) : data)
  return {
    setup,
    who: (f) => f.who ?? null,
    state: async ({ id }) => {
      const doc = (await rawDoc(collection, id)) as unknown as Record<string, unknown> | null
      return field ? (doc?.[field] ?? null) : doc
    },
    applied: async (f) =>
      stuck((await rawDoc(collection, f.id)) as unknown as Record<string, unknown> | null, f),
    rest: async (f, who) => {
      const response = await rest(`/api/${collection}/${f.id}`, who, json('PATCH', dataOf(f)))
      if (!isOk(response)) return false
      return stuck(((await response.json()) as { doc: Record<string, unknown> }).doc, f)
    },
    local: async (f, who) => {
      try {
        const doc = await ctx.payload.update({
          collection,
          id: f.id,
          data: dataOf(f) as never,
          ...as(who),
        })
        return stuck(doc as unknown as Record<string, unknown>, f)
      } catch (error) {
        return refused(error)
      }
    },
  }
}

/** A new biography on someone's profile, different every time so that each case is its own. */
const bioRow = (target: (actor: Actor) => User) =>
  updateRow(
    'users',
    async (actor) => ({ id: target(actor).id, bio: `Biographie ${next()}` }),
    (f) => ({ bio: f.bio }),
    (doc, f) => doc?.bio === f.bio,
  )

let victim: User | undefined

/** Only an admin's attempt really deletes: the others aim at one shared account. */
async function accountToDelete(actor: Actor) {
  const create = () =>
    ctx.payload.create({
      collection: 'users',
      data: {
        email: `partant-${next()}@kiosque.test`,
        password: TEST_PASSWORD,
        name: 'Partant',
        roles: ['journalist'],
      },
      overrideAccess: true,
    })
  const account = actor === 'admin' ? await create() : (victim ??= await create())
  return { id: account.id }
}

function deleteRow(
  collection: Slug,
  setup: (actor: Actor) => Promise<DocFixture>,
): Row<DocFixture> {
  return {
    setup,
    state: ({ id }) => rawDoc(collection, id),
    applied: async ({ id }) => !(await exists(collection, id)),
    rest: async ({ id }, who) =>
      isOk(await rest(`/api/${collection}/${id}`, who, { method: 'DELETE' })),
    local: ({ id }, who) => succeeds(() => ctx.payload.delete({ collection, id, ...as(who) })),
  }
}

const makeSeries = async (status: 'draft' | 'published') => {
  const n = next()
  const series = await ctx.payload.create({
    collection: 'series',
    data: {
      title: `Série ${n}`,
      slug: `serie-${n}`,
      synopsis: 'Une série de test.',
      platform: 'Canal test',
      // In the past: a future release would queue cache jobs.
      releaseAt: '2024-01-01T08:00:00.000Z',
      releaseAt_tz: 'Europe/Paris',
      _status: status,
    },
    draft: status === 'draft',
    overrideAccess: true,
  })
  return { id: series.id }
}

const makeLink = async (active: boolean) => {
  const n = next()
  const link = await ctx.payload.create({
    collection: 'affiliate-links',
    data: {
      label: `Offre ${n}`,
      slug: `offre-${n}`,
      merchant: 'Boutique',
      url: 'https://shop.example/',
      active,
    },
    overrideAccess: true,
  })
  return { id: link.id }
}

let png: Buffer
const pictureFile = async () => {
  png ??= await sharp({
    create: { width: 8, height: 8, channels: 3, background: '#c0392b' },
  })
    .png()
    .toBuffer()
  return { data: png, mimetype: 'image/png', name: `image-${next()}.png`, size: png.length }
}

const makeMedia = async () => {
  const media = await ctx.payload.create({
    collection: 'media',
    data: { alt: `Image ${next()}` },
    file: await pictureFile(),
    overrideAccess: true,
  })
  return { id: media.id }
}

/** An image on a published page: readers may see it (collections/shared/media-visibility.ts). */
const makePublishedMedia = async () => {
  const media = await makeMedia()
  await makeArticle(ctx.payload, people.editor.user.id, 'published', { heroImage: media.id })
  return media
}

const mediaCreateRow: Row<{ alt: string }> = {
  setup: async () => ({ alt: `Envoi ${next()}` }),
  state: async () =>
    (await ctx.payload.count({ collection: 'media', overrideAccess: true })).totalDocs,
  applied: async ({ alt }) =>
    (
      await ctx.payload.count({
        collection: 'media',
        where: { alt: { equals: alt } },
        overrideAccess: true,
      })
    ).totalDocs > 0,
  rest: async ({ alt }, who) => {
    const file = await pictureFile()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(file.data)], { type: file.mimetype }), file.name)
    form.append('_payload', JSON.stringify({ alt }))
    return isOk(await rest('/api/media', who, { method: 'POST', body: form }))
  },
  local: async ({ alt }, who) => {
    const file = await pictureFile()
    return succeeds(() =>
      ctx.payload.create({ collection: 'media', data: { alt }, file, ...as(who) }),
    )
  },
}

const makeSubscriber = async () => {
  const subscriber = await ctx.payload.create({
    collection: 'subscribers',
    data: {
      email: `lecteur-${next()}@exemple.fr`,
      consentText: 'J’accepte de recevoir la lettre.',
      status: 'pending',
    },
    overrideAccess: true,
  })
  return { id: subscriber.id, email: subscriber.email }
}

const exportRow: Row<{ id: Id; email: string }> = {
  setup: makeSubscriber,
  rest: async ({ email }, who) => {
    const response = await rest('/api/subscribers/export', who)
    return isOk(response) && (await response.text()).includes(email)
  },
}

const userEmailRow: Row<DocFixture> = {
  setup: async () => ({ id: colleague.user.id }),
  rest: async ({ id }, who) => {
    const response = await rest(`/api/users/${id}`, who)
    return isOk(response) && ((await response.json()) as User).email === colleague.user.email
  },
  local: async ({ id }, who) => {
    const user = await ctx.payload.findByID({ collection: 'users', id, ...as(who) })
    return user.email === colleague.user.email
  },
}

const userCreateRow = createRow('users', () => ({
  email: `recrue-${next()}@kiosque.test`,
  password: TEST_PASSWORD,
  name: 'Recrue',
  roles: ['journalist'],
}))

let locked: User | undefined

const unlockRow: Row<DocFixture & { email: string }> = {
  // One account, locked again before every attempt (no password hashing per case).
  setup: async () => {
    const account = (locked ??= await ctx.payload.create({
      collection: 'users',
      data: {
        email: 'verrou@kiosque.test',
        password: TEST_PASSWORD,
        name: 'Verrou',
        roles: ['journalist'],
      },
      overrideAccess: true,
    }))
    await ctx.payload.update({
      collection: 'users',
      id: account.id,
      data: { loginAttempts: 5, lockUntil: new Date(Date.now() + 3600_000).toISOString() },
      overrideAccess: true,
    })
    return { id: account.id, email: account.email }
  },
  state: ({ id }) => rawDoc('users', id),
  applied: async ({ id }) => {
    const user = (await rawDoc('users', id)) as { lockUntil?: string | null } | null
    return !user?.lockUntil || new Date(user.lockUntil).getTime() < Date.now()
  },
  rest: async ({ email }, who) =>
    isOk(await rest('/api/users/unlock', who, json('POST', { email }))),
  local: ({ email }, who) =>
    succeeds(() =>
      ctx.payload.unlock({
        collection: 'users',
        // Payload's type asks for a password that unlocking does not use.
        data: { email } as never,
        overrideAccess: false,
        req: { user: who?.user ? { ...who.user, collection: 'users' } : null },
      }),
    ),
  graphql: async ({ email }, who) => {
    const result = await graphql(who, `mutation { unlockUser(email: ${JSON.stringify(email)}) }`)
    return !result.errors && result.data?.unlockUser === true
  },
}

const settingsState = () =>
  ctx.payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: true })

const settingsReadRow: Row<null> = {
  setup: async () => null,
  rest: async (_, who) => isOk(await rest('/api/globals/site-settings', who)),
  local: (_, who) => succeeds(() => ctx.payload.findGlobal({ slug: 'site-settings', ...as(who) })),
  graphql: async (_, who) => {
    const result = await graphql(who, '{ SiteSetting { publicationName } }')
    return !result.errors && Boolean(result.data?.SiteSetting)
  },
}

const settingsUpdateRow: Row<{ tagline: string }> = {
  setup: async () => ({ tagline: `Signature ${next()}` }),
  state: settingsState,
  applied: async ({ tagline }) => (await settingsState()).tagline === tagline,
  rest: async ({ tagline }, who) =>
    isOk(await rest('/api/globals/site-settings', who, json('POST', { tagline }))),
  local: ({ tagline }, who) =>
    succeeds(() =>
      ctx.payload.updateGlobal({ slug: 'site-settings', data: { tagline }, ...as(who) }),
    ),
  graphql: async ({ tagline }, who) => {
    const result = await graphql(
      who,
      `
        mutation ($data: mutationSiteSettingInput!) {
          updateSiteSetting(data: $data) {
            tagline
          }
        }
      `,
      // GraphQL wants the whole global, required fields included.
      { data: { ...SETTINGS, tagline } },
    )
    return !result.errors && Boolean(result.data?.updateSiteSetting)
  },
}

// ---------------------------------------------------------------------------------------------
// The matrix
// ---------------------------------------------------------------------------------------------

/** The acting user's own (article author, profile); an anonymous reader tries the journalist's. */
const own = (actor: Actor) => (actor === 'anonymous' ? people.journalist : people[actor]).user

type Cell = {
  name: string
  allowed: Allowed
  vias: Via[]
  run: (via: Via, actor: Actor) => Promise<void>
}

/** One row of the matrix: tries it as an actor over one API and checks the database. */
function cell<F>(name: string, allowed: Allowed, row: Row<F>): Cell {
  return {
    name,
    allowed,
    vias: (['rest', 'local', 'graphql'] as const).filter((via) => row[via]),
    run: async (via, actor) => {
      const fixture = await row.setup(actor)
      const who = row.who?.(fixture) ?? whoIs(actor)
      const before = row.state ? await row.state(fixture) : undefined
      const reported = await row[via]!(fixture, who)
      if (allowed.includes(actor)) {
        expect(reported).toBe(true)
        if (row.applied) expect(await row.applied(fixture)).toBe(true)
      } else {
        expect(reported).toBe(false)
        if (row.applied) expect(await row.applied(fixture)).toBe(false)
        if (row.state) expect(await row.state(fixture)).toEqual(before)
      }
    },
  }
}

const sameStandfirst = (a: Article) => a.standfirst === 'Chapô en masse.'
const bulkStandfirst = { standfirst: 'Chapô en masse.' }

const MATRIX: Cell[] = [
  // Articles: journalists write their own drafts and nothing else.
  cell(
    'articles: read a published article',
    EVERYONE,
    readArticle(() => publishedOf(people.journalist.user)),
  ),
  cell(
    'articles: read a draft',
    STAFF,
    readArticle(() => draftOf(colleague.user)),
  ),
  cell('articles: create a draft', STAFF, createArticle('draft')),
  cell('articles: create a published article', EDITORS, createArticle('published')),
  cell(
    'articles: edit their own draft',
    STAFF,
    retitleRow((actor) => draftOf(own(actor))),
  ),
  cell(
    'articles: edit a colleague’s draft',
    EDITORS,
    retitleRow(() => draftOf(colleague.user)),
  ),
  cell(
    'articles: edit a published article they signed',
    EDITORS,
    retitleRow(() => publishedOf(people.journalist.user)),
  ),
  cell('articles: publish their own draft', EDITORS, publishRow),
  cell('articles: unpublish an article they signed', EDITORS, unpublishRow),
  cell('articles: delete their own draft', EDITORS, deleteArticleRow),
  cell(
    'articles: restore a published version of their own draft',
    EDITORS,
    restoreRow(() => onceLiveDraftOf(people.journalist.user)),
  ),
  cell(
    'articles: restore an older version of a colleague’s draft',
    EDITORS,
    restoreRow(() => editedDraftOf(colleague.user)),
  ),
  cell(
    'articles: restore an older version of their own draft',
    STAFF,
    restoreRow((actor) => editedDraftOf(own(actor))),
  ),
  cell(
    'articles: bulk-edit their own draft',
    STAFF,
    bulkUpdateRow((actor) => draftOf(own(actor)), bulkStandfirst, sameStandfirst, { draft: true }),
  ),
  cell(
    'articles: bulk-edit a colleague’s draft',
    EDITORS,
    bulkUpdateRow(() => draftOf(colleague.user), bulkStandfirst, sameStandfirst, { draft: true }),
  ),
  cell(
    'articles: bulk-publish their own draft',
    EDITORS,
    bulkUpdateRow(
      () => draftOf(people.journalist.user),
      { _status: 'published' },
      (a) => a._status === 'published',
      { draft: false },
    ),
  ),
  cell(
    'articles: bulk-unpublish an article they signed',
    EDITORS,
    bulkUpdateRow(
      () => publishedOf(people.journalist.user),
      { _status: 'draft' },
      (a) => a._status === 'draft',
      { draft: false },
    ),
  ),
  cell('articles: bulk-delete their own draft', EDITORS, bulkDeleteRow),
  cell('articles: publish a copy of a published article (duplicate)', EDITORS, duplicateLiveRow),
  cell('articles: schedule the publication of their own draft', EDITORS, scheduleRow),
  cell('articles: cancel a scheduled publication', EDITORS, unscheduleRow),
  cell('articles: queue a job over the API', NOBODY, queueJobOverApi),
  cell(
    'articles: hand their own draft to the editors (à relire)',
    STAFF,
    articleFieldRow('reviewState', 'review'),
  ),
  cell(
    'articles: send a draft back for changes (à reprendre)',
    EDITORS,
    articleFieldRow('reviewState', 'changes'),
  ),
  cell(
    'articles: set the publication date of their own draft',
    EDITORS,
    articleFieldRow('publishedAt', '2020-02-02T10:00:00.000Z'),
  ),

  // Series and affiliate links: the newsroom reads, editors write.
  cell(
    'series: read a published series',
    EVERYONE,
    readRow('series', () => makeSeries('published')),
  ),
  cell(
    'series: read a draft series',
    STAFF,
    readRow('series', () => makeSeries('draft')),
  ),
  cell(
    'series: create',
    EDITORS,
    createRow('series', () => ({
      title: 'Nouvelle série',
      slug: `nouvelle-serie-${next()}`,
      synopsis: 'S.',
      platform: 'P',
      releaseAt: '2024-01-01T08:00:00.000Z',
      releaseAt_tz: 'Europe/Paris',
      _status: 'published',
    })),
  ),
  cell(
    'series: edit',
    EDITORS,
    updateRow(
      'series',
      () => makeSeries('published'),
      { synopsis: 'Synopsis revu.' },
      (d) => d?.synopsis === 'Synopsis revu.',
    ),
  ),
  cell(
    'series: delete',
    EDITORS,
    deleteRow('series', () => makeSeries('published')),
  ),
  cell(
    'affiliate links: read a live link',
    EVERYONE,
    readRow('affiliate-links', () => makeLink(true)),
  ),
  cell(
    'affiliate links: read a switched-off link',
    STAFF,
    readRow('affiliate-links', () => makeLink(false)),
  ),
  cell(
    'affiliate links: create',
    EDITORS,
    createRow('affiliate-links', () => ({
      label: 'Lien',
      slug: `lien-${next()}`,
      merchant: 'M',
      url: 'https://shop.example/x',
    })),
  ),
  cell(
    'affiliate links: edit',
    EDITORS,
    updateRow(
      'affiliate-links',
      () => makeLink(true),
      { merchant: 'Autre marchand' },
      (d) => d?.merchant === 'Autre marchand',
    ),
  ),
  cell(
    'affiliate links: delete',
    EDITORS,
    deleteRow('affiliate-links', () => makeLink(true)),
  ),
  cell(
    'affiliate links: set the click count',
    NOBODY,
    updateRow(
      'affiliate-links',
      () => makeLink(true),
      { clicks: 9999 },
      (d) => d?.clicks === 9999,
      'clicks',
    ),
  ),

  // Media: journalists upload; changing or deleting a shared image is an editor's call.
  // An image is as embargoed as the draft it was uploaded for, until a published page uses it.
  cell('media: read an image no published page uses', STAFF, readRow('media', makeMedia)),
  cell(
    'media: read an image a published page uses',
    EVERYONE,
    readRow('media', makePublishedMedia),
  ),
  cell('media: upload', STAFF, mediaCreateRow),
  cell(
    'media: edit',
    EDITORS,
    updateRow('media', makeMedia, { alt: 'Texte revu' }, (d) => d?.alt === 'Texte revu'),
  ),
  cell('media: delete', EDITORS, deleteRow('media', makeMedia)),

  // Subscribers: editors read and export, admins do everything.
  cell('subscribers: read', EDITORS, readRow('subscribers', makeSubscriber)),
  cell('subscribers: export as CSV', EDITORS, exportRow),
  cell(
    'subscribers: create',
    ADMINS,
    createRow('subscribers', () => ({ email: `abonne-${next()}@exemple.fr`, consentText: 'Oui.' })),
  ),
  cell(
    'subscribers: edit',
    ADMINS,
    updateRow(
      'subscribers',
      makeSubscriber,
      { sourcePage: '/revu' },
      (d) => d?.sourcePage === '/revu',
    ),
  ),
  cell(
    'subscribers: confirm by hand (status)',
    ADMINS,
    updateRow(
      'subscribers',
      makeSubscriber,
      { status: 'confirmed' },
      (d) => d?.status === 'confirmed',
      'status',
    ),
  ),
  cell('subscribers: delete', ADMINS, deleteRow('subscribers', makeSubscriber)),

  // Users: everyone edits their own profile, only admins touch roles and other accounts.
  cell(
    'users: read a byline',
    EVERYONE,
    readRow('users', async () => ({ id: colleague.user.id })),
  ),
  cell('users: read a colleague’s e-mail address', STAFF, userEmailRow),
  cell('users: edit their own profile', STAFF, bioRow(own)),
  cell(
    'users: give themselves another role',
    ADMINS,
    // The admin's own attempt succeeds and leaves them admin and editor: harmless to later rows.
    updateRow(
      'users',
      async (actor) => ({ id: own(actor).id }),
      { roles: ['admin', 'editor'] },
      (d) => Array.isArray(d?.roles) && d.roles.includes('editor') && d.roles.includes('admin'),
      'roles',
    ),
  ),
  cell(
    'users: edit a colleague’s profile',
    ADMINS,
    bioRow(() => colleague.user),
  ),
  cell('users: create an account', ADMINS, userCreateRow),
  cell('users: delete an account', ADMINS, deleteRow('users', accountToDelete)),
  cell('users: unlock a locked account', ADMINS, unlockRow),

  // Site settings: public to read, editors edit.
  cell('site settings: read', EVERYONE, settingsReadRow),
  cell('site settings: edit', EDITORS, settingsUpdateRow),
]

const CASES = MATRIX.flatMap((c) =>
  c.vias.flatMap((via) =>
    ACTORS.map((actor) => {
      const verdict = c.allowed.includes(actor) ? 'allowed' : 'refused'
      return [`${c.name} · ${via} · ${actor}: ${verdict}`, c, via, actor] as const
    }),
  ),
)

describe('the role matrix', () => {
  it.each(CASES)('%s', async (_, c, via, actor) => {
    await c.run(via, actor)
  })
})
