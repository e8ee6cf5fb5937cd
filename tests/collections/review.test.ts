import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq, docAccessOperation } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'

import { ReviewQueue } from '../../admin/ReviewQueue'
import { listReviewQueue } from '../../collections/Articles/review'
import { outbox } from '../../lib/email'
import type { Article, User } from '../../payload-types'
import { articleData } from '../helpers/fixtures'
import { startPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext
let journalist: { user: User; token: string }
let editor: { user: User; token: string }
let admin: { user: User; token: string }

beforeAll(async () => {
  ctx = await startPayload()
  journalist = await ctx.createUser(['journalist'])
  editor = await ctx.createUser(['editor'])
  admin = await ctx.createUser(['admin'])
})

afterAll(async () => {
  await ctx?.close()
})

/** Saves a draft as the admin's form does (autosave and "save draft" both send draft=true). */
async function saveDraft(id: Article['id'], token: string, data: Partial<Article>) {
  const response = await ctx.rest(`/api/articles/${id}?draft=true`, {
    method: 'PATCH',
    token,
    body: JSON.stringify(data),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { doc: Article }).doc
}

const queueOf = (user: User) => listReviewQueue(ctx.payload, { ...user, collection: 'users' })

const waitForMail = async () => {
  // Mail is sent once the save's transaction has committed, right after the response.
  for (let i = 0; i < 50 && outbox.length === 0; i += 1) await new Promise((r) => setTimeout(r, 20))
}

describe('the review flow', () => {
  it('goes from a journalist’s draft to the editors’ queue, back for changes, then out', async () => {
    const created = await ctx.rest('/api/articles?draft=true', {
      method: 'POST',
      token: journalist.token,
      body: JSON.stringify({
        ...articleData(journalist.user.id, { title: 'Le retour du train de nuit' }),
        _status: 'draft',
      }),
    })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: Article }
    expect(doc.reviewState).toBe('writing')
    expect((await queueOf(editor.user))?.totalDocs).toBe(0)

    // The journalist hands it over: the editors get it in their queue and by e-mail.
    outbox.length = 0
    await saveDraft(doc.id, journalist.token, { reviewState: 'review' })
    const queue = await queueOf(editor.user)
    expect(queue?.state).toBe('review')
    expect(queue?.docs.map((d) => d.title)).toEqual(['Le retour du train de nuit'])
    expect(queue?.docs[0]?.authors).toEqual([journalist.user.name])
    await waitForMail()
    expect(outbox.map((mail) => mail.to).sort()).toEqual(
      [editor.user.email, admin.user.email, 'root@kiosque.test'].sort(),
    )
    expect(outbox[0]?.subject).toBe('À relire : Le retour du train de nuit')
    expect(outbox[0]?.text).toContain(`/admin/collections/articles/${doc.id}`)

    // Saving again while it waits sends nothing more.
    outbox.length = 0
    await saveDraft(doc.id, journalist.token, { standfirst: 'Un chapô précisé.' })
    await new Promise((r) => setTimeout(r, 100))
    expect(outbox).toHaveLength(0)

    // The list view's filter (it reads the latest versions) finds it too.
    const listed = await ctx.rest(
      '/api/articles?draft=true&where[reviewState][equals]=review&limit=50',
      { token: editor.token },
    )
    const { docs } = (await listed.json()) as { docs: Article[] }
    expect(docs.map((d) => d.id)).toEqual([doc.id])

    // An editor sends it back: the journalist sees it on their admin home, the editors no longer.
    await saveDraft(doc.id, editor.token, { reviewState: 'changes' })
    expect((await queueOf(editor.user))?.totalDocs).toBe(0)
    const toRework = await queueOf(journalist.user)
    expect(toRework?.state).toBe('changes')
    expect(toRework?.docs.map((d) => d.id)).toEqual([doc.id])
    // A colleague's queue does not show it.
    const colleague = await ctx.createUser(['journalist'])
    expect((await queueOf(colleague.user))?.totalDocs).toBe(0)

    // Reworked and handed over again, then published by an editor: the review is over.
    await saveDraft(doc.id, journalist.token, { reviewState: 'review' })
    const published = await ctx.rest(`/api/articles/${doc.id}`, {
      method: 'PATCH',
      token: editor.token,
      body: JSON.stringify({ _status: 'published' }),
    })
    expect(published.status).toBe(200)
    expect((await queueOf(editor.user))?.totalDocs).toBe(0)
    const stored = await ctx.payload.findByID({ collection: 'articles', id: doc.id, draft: true })
    expect(stored._status).toBe('published')
    expect(stored.reviewState).toBe('writing')

    // Readers get the article, never its review state.
    const anonymous = await ctx.rest(`/api/articles/${doc.id}`)
    expect(anonymous.status).toBe(200)
    expect(await anonymous.json()).not.toHaveProperty('reviewState')
  })

  it('ignores a journalist asking for “à reprendre” and keeps the state they had', async () => {
    const created = await ctx.payload.create({
      collection: 'articles',
      data: { ...articleData(journalist.user.id), _status: 'draft', reviewState: 'review' },
      draft: true,
    })
    const saved = await saveDraft(created.id, journalist.token, { reviewState: 'changes' })
    expect(saved.reviewState).toBe('review')
  })
})

describe('the admin home’s review panel', () => {
  it('lists the articles to review for an editor, with links, and shows nothing to nobody', async () => {
    const created = await ctx.payload.create({
      collection: 'articles',
      data: {
        ...articleData(journalist.user.id, { title: 'Bornes & recharge <rapide>' }),
        _status: 'draft',
        reviewState: 'review',
      },
      draft: true,
    })
    const element = await ReviewQueue({
      payload: ctx.payload,
      user: { ...editor.user, collection: 'users' },
      i18n: { language: 'fr' },
    })
    const html = renderToStaticMarkup(element!)
    expect(html).toMatch(/À relire \(\d+\)/)
    expect(html).toContain(`href="/admin/collections/articles/${created.id}"`)
    expect(html).toContain('Bornes &amp; recharge &lt;rapide&gt;')
    expect(html).toContain('/admin/collections/articles?where[reviewState][equals]=review')

    const english = renderToStaticMarkup(
      (await ReviewQueue({
        payload: ctx.payload,
        user: { ...editor.user, collection: 'users' },
        i18n: { language: 'en' },
      }))!,
    )
    expect(english).toMatch(/To review \(\d+\)/)

    expect(await ReviewQueue({ payload: ctx.payload, user: null })).toBeNull()
  })
})

describe('the publish and schedule buttons', () => {
  // Payload's document view shows "Publish" and its "Schedule" menu only with this permission.
  it('are not offered to a journalist on their own draft, and are to an editor', async () => {
    const draft = await ctx.payload.create({
      collection: 'articles',
      data: { ...articleData(journalist.user.id), _status: 'draft' },
      draft: true,
    })
    const canPublish = async (user: User) => {
      const req = await createLocalReq({ user: { ...user, collection: 'users' } }, ctx.payload)
      const permissions = await docAccessOperation({
        id: draft.id,
        collection: ctx.payload.collections.articles,
        data: { _status: 'published' },
        req,
      })
      return Boolean(permissions.update)
    }
    expect(await canPublish(journalist.user)).toBe(false)
    expect(await canPublish(editor.user)).toBe(true)
  })
})
