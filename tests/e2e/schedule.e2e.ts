/**
 * Scheduled publication end to end, on the production server: an editor's draft is scheduled a
 * few seconds ahead as the admin's drawer does (a `schedulePublish` job at a whole second); a
 * reader gets 404 before and the article after, from the server's own job runner and cache.
 */
import { randomBytes } from 'node:crypto'

import { afterAll, beforeAll, expect, it } from '@jest/globals'
import type { Payload } from 'payload'

import { doc, p } from '../../seed/lexical'
import { api, DEMO, get, login } from './helpers'

let payload: Payload
let editor: { token: string; id: number | string }

beforeAll(async () => {
  editor = await login(DEMO.editor)
  const [{ default: config }, { getPayload }] = await Promise.all([
    import('@payload-config'),
    import('payload'),
  ])
  payload = await getPayload({ config })
})

afterAll(async () => {
  await payload?.destroy()
})

it('publishes a scheduled article at its second, never before: 404 before, the page after', async () => {
  const slug = `programme-${randomBytes(4).toString('hex')}`
  const title = `Article programmé ${slug}`
  const created = await api<{ doc: { id: number } }>('/api/articles?draft=true', {
    method: 'POST',
    token: editor.token,
    body: JSON.stringify({
      title,
      slug,
      standfirst: 'Un chapô programmé.',
      body: doc(p('Un texte programmé.')),
      authors: [editor.id],
      category: 'tech',
      _status: 'draft',
    }),
  })
  const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 4000)
  await payload.jobs.queue({
    task: 'schedulePublish',
    waitUntil: at,
    input: { type: 'publish', doc: { relationTo: 'articles', value: created.doc.id } },
  })

  // Before the second: not found, and the 404 must not stick once it is published.
  expect((await get(`/articles/${slug}`)).status).toBe(404)

  let liveAt: number | undefined
  while (Date.now() < at.getTime() + 30_000) {
    const answer = await get(`/articles/${slug}`)
    if (answer.status === 200) {
      liveAt = Date.now()
      expect(answer.text).toContain(slug)
      break
    }
    expect(answer.status).toBe(404)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  expect(liveAt).toBeDefined()
  const lateness = (liveAt ?? 0) - at.getTime()
  console.log(`[schedule] live ${lateness} ms after the scheduled second`)
  // Never early: that would break an embargo. How late is a figure (goal ≤ 2 s, reported here and
  // by `npm run measure:schedule`), not a timed assertion: the bound only proves it fired.
  expect(lateness).toBeGreaterThanOrEqual(0)
  expect(lateness).toBeLessThan(15_000)
  expect((await get('/')).text).toContain(slug)
})
