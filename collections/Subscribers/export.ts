import type { Endpoint, PayloadRequest, Where } from 'payload'
import { z } from 'zod'

import { csvDocument, type CsvValue } from '../../lib/csv'
import { isoWithParisOffset } from '../../lib/format'
import { isEditorUser } from '../shared/access'

export const SUBSCRIBER_STATUSES = ['pending', 'confirmed', 'unsubscribed'] as const

/** `?status=confirmed` narrows the export; nothing else is accepted. */
export const exportQuerySchema = z.strictObject({ status: z.enum(SUBSCRIBER_STATUSES).optional() })

const DATE_COLUMNS = new Set(['consentAt', 'confirmedAt', 'unsubscribedAt'])

const COLUMNS = [
  ['email', 'e-mail'],
  ['status', 'statut'],
  ['consentAt', 'consentement donné le'],
  ['confirmedAt', 'confirmé le'],
  ['unsubscribedAt', 'désabonné le'],
  ['sourcePage', 'page d’inscription'],
  ['consentText', 'texte du consentement'],
] as const

const PAGE_SIZE = 500

const fail = (status: number, message: string) =>
  Response.json({ errors: [{ message }] }, { status, headers: { 'Cache-Control': 'no-store' } })

/** The subscribers the request's user may read, as a CSV document, read page by page. */
export async function subscribersCsv(
  req: PayloadRequest,
  status?: (typeof SUBSCRIBER_STATUSES)[number],
  pageSize = PAGE_SIZE,
): Promise<string> {
  const where: Where = status ? { status: { equals: status } } : {}
  const rows: CsvValue[][] = []
  for (let page = 1; ; page += 1) {
    // The user's own rights: the read rule and the field rules (hidden token hashes) apply.
    const result = await req.payload.find({
      collection: 'subscribers',
      where,
      // The id breaks ties, so that no row is skipped or repeated between pages.
      sort: ['createdAt', 'id'],
      depth: 0,
      limit: pageSize,
      page,
      select: Object.fromEntries(COLUMNS.map(([name]) => [name, true])),
      overrideAccess: false,
      user: req.user,
      req,
    })
    for (const doc of result.docs) {
      const record = doc as unknown as Record<string, CsvValue>
      rows.push(
        COLUMNS.map(([name]) => {
          const value = record[name]
          // Dates in Paris time with their offset, as the newsroom reads them.
          return DATE_COLUMNS.has(name) && typeof value === 'string'
            ? isoWithParisOffset(value)
            : value
        }),
      )
    }
    if (!result.hasNextPage) break
  }
  return csvDocument(
    COLUMNS.map(([, label]) => label),
    rows,
  )
}

async function exportSubscribers(req: PayloadRequest): Promise<Response> {
  if (!req.user) return fail(401, 'Connectez-vous pour exporter les abonnés.')
  if (!isEditorUser(req.user)) return fail(403, 'Seuls les éditeurs exportent les abonnés.')
  const parsed = exportQuerySchema.safeParse(Object.fromEntries(req.searchParams))
  if (!parsed.success) return fail(400, 'Paramètre inconnu ou statut invalide.')

  const { status } = parsed.data
  const day = isoWithParisOffset(new Date()).slice(0, 10)
  return new Response(await subscribersCsv(req, status), {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="abonnes${status ? `-${status}` : ''}-${day}.csv"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

/** `GET /api/subscribers/export`: the list as CSV, for editors and admins. */
export const exportSubscribersEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: exportSubscribers,
}
