/**
 * Previewing drafts on the real pages (Next.js draft mode), for logged-in staff only.
 *
 * - `decidePreview` is the whole decision of the preview entry route: validated query, a Payload
 *   session with a newsroom role, a document that user may read. Only then does the route turn
 *   draft mode on. It redirects to `hrefFor` of the document it found, never to a URL from the
 *   query, so it cannot be used as an open redirect.
 * - `previewUser` is asked again by the pages on every render in draft mode: the draft mode
 *   cookie alone (copied to another browser, or outliving the session) shows nothing unpublished.
 * - `exitLocation` is where the exit route goes back to: a public reader page, or the home page.
 */
import { draftMode, headers } from 'next/headers'
import type { Payload, TypedUser } from 'payload'
import { cache } from 'react'
import { z } from 'zod'

import { isStaffUser } from '../collections/shared/access'
import { getArticle, getSeries } from './content'
import { getPayloadClient } from './payload'
import { hrefFor, previewHref } from './routes'
import { isSlug } from './slug'

export const PREVIEW_COLLECTIONS = ['articles', 'series'] as const
export type PreviewCollection = (typeof PREVIEW_COLLECTIONS)[number]

export const previewQuerySchema = z
  .strictObject({
    collection: z.enum(PREVIEW_COLLECTIONS),
    slug: z.string().refine(isSlug, 'not a slug').optional(),
    // Numbers (SQLite) or ObjectIds (MongoDB): nothing else reaches the database.
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
  })
  .refine((query) => (query.slug === undefined) !== (query.id === undefined), {
    message: 'give either a slug or an id',
  })

export type PreviewQuery = z.infer<typeof previewQuerySchema>

/** The query as one value per name; a repeated name is refused rather than guessed at. */
function singleValues(params: URLSearchParams): Record<string, string> | null {
  const values: Record<string, string> = {}
  for (const [name, value] of params) {
    if (Object.hasOwn(values, name)) return null
    values[name] = value
  }
  return values
}

export function parsePreviewQuery(params: URLSearchParams): PreviewQuery | null {
  const values = singleValues(params)
  if (!values) return null
  const result = previewQuerySchema.safeParse(values)
  return result.success ? result.data : null
}

export type PreviewDecision =
  | { outcome: 'invalid' }
  | { outcome: 'anonymous'; loginHref: string }
  | { outcome: 'forbidden' }
  | { outcome: 'not-found' }
  | { outcome: 'enable'; location: string }

/** An id as the database stores it; null when it cannot be one (a word where numbers are ids). */
function docIdFor(payload: Payload, id: string): number | string | null {
  if (payload.db.defaultIDType !== 'number') return id
  return /^\d{1,15}$/.test(id) ? Number(id) : null
}

/** The page address of the latest draft `user` may read, or null. */
async function findPreviewSlug(
  payload: Payload,
  query: PreviewQuery,
  user: TypedUser,
): Promise<string | null> {
  const id = query.id === undefined ? undefined : docIdFor(payload, query.id)
  if (id === null) return null
  const { docs } = await payload.find({
    collection: query.collection,
    where: id === undefined ? { slug: { equals: query.slug } } : { id: { equals: id } },
    draft: true,
    overrideAccess: false,
    user,
    depth: 0,
    limit: 1,
    pagination: false,
    select: { slug: true },
  })
  const slug = docs[0]?.slug
  return isSlug(slug) ? slug : null
}

/**
 * Who may preview what. The session comes from Payload (the admin's `payload-token` cookie or an
 * `Authorization: JWT …` header): a shared secret in the URL would let anyone holding the link in.
 */
export async function decidePreview(
  params: URLSearchParams,
  { payload, headers }: { payload: Payload; headers: Headers },
): Promise<PreviewDecision> {
  const query = parsePreviewQuery(params)
  if (!query) return { outcome: 'invalid' }
  const { user } = await payload.auth({ headers })
  if (!user) {
    const back = previewHref(
      query.slug !== undefined
        ? { collection: query.collection, slug: query.slug }
        : { collection: query.collection, id: query.id! },
    )
    return {
      outcome: 'anonymous',
      loginHref: `/admin/login?${new URLSearchParams({ redirect: back })}`,
    }
  }
  if (!isStaffUser(user)) return { outcome: 'forbidden' }
  const slug = await findPreviewSlug(payload, query, user)
  if (!slug) return { outcome: 'not-found' }
  return { outcome: 'enable', location: hrefFor({ collection: query.collection, slug }) }
}

/** Draft mode of this request; outside a Next.js request (tests, scripts) there is none. */
async function isDraftMode(): Promise<boolean> {
  try {
    return (await draftMode()).isEnabled
  } catch (error) {
    if (error instanceof Error && /outside a request scope/.test(error.message)) return false
    throw error
  }
}

/**
 * The staff member previewing this request, or null: draft mode off, no Payload session, or no
 * newsroom role. Pages render drafts only for a non-null answer, and as the public page otherwise.
 */
export const previewUser = cache(async (): Promise<TypedUser | null> => {
  if (!(await isDraftMode())) return null
  const payload = await getPayloadClient()
  const { user } = await payload.auth({ headers: await headers() })
  return isStaffUser(user) ? user : null
})

const READER_PAGE = /^\/(articles|series)\/([^/]+)$/

/** A reader page the exit route may go back to, parsed from `path`; null for anything else. */
export function parseReaderPage(
  path: string | null,
): { collection: PreviewCollection; slug: string } | null {
  if (typeof path !== 'string' || path.length > 300) return null
  const match = READER_PAGE.exec(path)
  if (!match || !isSlug(match[2])) return null
  return { collection: match[1] as PreviewCollection, slug: match[2] }
}

/** Where leaving the preview goes: the public page when readers can see it, the home page otherwise. */
export async function exitLocation(params: URLSearchParams): Promise<string> {
  const page = parseReaderPage(params.get('path'))
  if (!page) return '/'
  const visible =
    page.collection === 'articles' ? await getArticle(page.slug) : await getSeries(page.slug)
  return visible ? hrefFor(page) : '/'
}
