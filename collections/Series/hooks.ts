import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { tags } from '../../lib/cache-tags'
import { expireAfterCommit, touchesPublic } from '../shared/revalidate'

export const EXPIRE_TAGS_TASK = 'expireCacheTags'

type SeriesDoc = {
  slug: string
  releaseAt?: string | null
  episodes?: { releaseAt?: string | null }[] | null
}

/** The future instants at which something shown about this series changes by itself. */
export function releaseInstants(doc: SeriesDoc, now = Date.now()): Date[] {
  const all = [doc.releaseAt, ...(doc.episodes ?? []).map((e) => e.releaseAt)]
  const future = all
    .filter((value): value is string => Boolean(value))
    .map((value) => new Date(value))
    .filter((date) => date.getTime() > now)
  return [...new Map(future.map((d) => [d.getTime(), d])).values()]
}

/**
 * A cached page must say "Disponible" from the release second on, without an edit: a job at
 * each release instant expires everything that shows a series. One job per instant is enough.
 */
async function scheduleReleaseFlips(req: PayloadRequest, doc: SeriesDoc) {
  for (const instant of releaseInstants(doc)) {
    const { totalDocs } = await req.payload.count({
      collection: 'payload-jobs',
      where: {
        and: [
          { taskSlug: { equals: EXPIRE_TAGS_TASK } },
          { waitUntil: { equals: instant.toISOString() } },
          { completedAt: { exists: false } },
        ],
      },
      req,
    })
    if (totalDocs > 0) continue
    await req.payload.jobs.queue({
      task: EXPIRE_TAGS_TASK,
      input: { tags: [tags.series] },
      waitUntil: instant,
      req,
    })
  }
}

export const revalidateSeries: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (!touchesPublic(doc, previousDoc)) return doc
  const slugs = new Set([doc.slug, previousDoc?.slug].filter(Boolean) as string[])
  await expireAfterCommit(req, [...[...slugs].map(tags.seriesPage), tags.series])
  if (doc._status === 'published') await scheduleReleaseFlips(req, doc)
  return doc
}

export const revalidateDeletedSeries: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await expireAfterCommit(req, [tags.seriesPage(doc.slug), tags.series])
  return doc
}
