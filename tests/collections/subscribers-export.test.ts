import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createLocalReq } from 'payload'

import { subscribersCsv } from '../../collections/Subscribers/export'
import type { User } from '../../payload-types'
import { startPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext
let journalist: { user: User; token: string }
let editor: { user: User; token: string }

const consentText = 'J’accepte de recevoir « La lettre », avec ses guillemets, virgules et retours.'

beforeAll(async () => {
  ctx = await startPayload()
  journalist = await ctx.createUser(['journalist'])
  editor = await ctx.createUser(['editor'])
  const rows = [
    { email: 'alice@exemple.fr', status: 'confirmed', sourcePage: '/articles/un' },
    // A page typed by a stranger that a spreadsheet would run as a formula.
    { email: 'bob@exemple.fr', status: 'pending', sourcePage: '=HYPERLINK("https://x.test")' },
    { email: 'chloe@exemple.fr', status: 'unsubscribed', sourcePage: '/' },
  ] as const
  for (const row of rows) {
    await ctx.payload.create({
      collection: 'subscribers',
      data: { ...row, consentText, confirmTokenHash: 'a'.repeat(64) },
      overrideAccess: true,
    })
  }
})

afterAll(async () => {
  await ctx?.close()
})

/** Parses what the endpoint wrote (RFC 4180: quoted cells, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i += 1
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i += 1
    } else cell += c
  }
  return rows
}

/** The file's rows; it must start with the UTF-8 byte-order mark (which text decoding drops). */
async function rowsOf(response: Response) {
  const bytes = new Uint8Array(await response.arrayBuffer())
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = new TextDecoder().decode(bytes)
  return { text, rows: parseCsv(text) }
}

describe('GET /api/subscribers/export', () => {
  it('gives editors every subscriber as a CSV file, safe to open in a spreadsheet', async () => {
    const response = await ctx.rest('/api/subscribers/export', { token: editor.token })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="abonnes-\d{4}-\d{2}-\d{2}\.csv"$/,
    )
    expect(response.headers.get('cache-control')).toBe('no-store')
    const { text, rows: all } = await rowsOf(response)
    const [header, ...rows] = all
    expect(header).toEqual([
      'e-mail',
      'statut',
      'consentement donné le',
      'confirmé le',
      'désabonné le',
      'page d’inscription',
      'texte du consentement',
    ])
    expect(rows.map((r) => r[0])).toEqual([
      'alice@exemple.fr',
      'bob@exemple.fr',
      'chloe@exemple.fr',
    ])
    expect(rows[1]?.[5]).toBe(`'=HYPERLINK("https://x.test")`)
    expect(rows[0]?.[6]).toBe(consentText)
    expect(rows[0]?.[2]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/)
    // Token hashes are closed to every API user, the export included.
    expect(text).not.toContain('a'.repeat(64))
  })

  it('narrows to one status on request and refuses anything else', async () => {
    const confirmed = await ctx.rest('/api/subscribers/export?status=confirmed', {
      token: editor.token,
    })
    expect(confirmed.headers.get('content-disposition')).toContain('abonnes-confirmed-')
    const rows = (await rowsOf(confirmed)).rows.slice(1)
    expect(rows.map((r) => r[0])).toEqual(['alice@exemple.fr'])

    for (const query of ['status=everyone', 'status=confirmed&limit=5', 'where[email][like]=a']) {
      const response = await ctx.rest(`/api/subscribers/export?${query}`, { token: editor.token })
      expect(response.status).toBe(400)
    }
  })

  it('answers 401 to anonymous callers and 403 to journalists, with no address', async () => {
    const anonymous = await ctx.rest('/api/subscribers/export')
    expect(anonymous.status).toBe(401)
    const asJournalist = await ctx.rest('/api/subscribers/export', { token: journalist.token })
    expect(asJournalist.status).toBe(403)
    for (const response of [anonymous, asJournalist]) {
      expect(await response.text()).not.toContain('@exemple.fr')
    }
  })

  it('reads page after page without skipping or repeating anyone', async () => {
    const req = await createLocalReq({ user: { ...editor.user, collection: 'users' } }, ctx.payload)
    const rows = parseCsv((await subscribersCsv(req, undefined, 2)).slice(1)).slice(1)
    expect(rows.map((r) => r[0])).toEqual([
      'alice@exemple.fr',
      'bob@exemple.fr',
      'chloe@exemple.fr',
    ])
  })
})
