import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  Field,
  GlobalAfterChangeHook,
  Payload,
  PayloadRequest,
} from 'payload'

import { collectImageIds, idOf } from '../../lib/richtext'
import type { DocId } from '../../lib/views'
import { nobodyField, publishedFilter, isStaffField } from './access'

/**
 * Readers may see an image only once a published page uses it: the hero or a body image of a
 * published article, the poster of a published series, the site's logo. Until then its file,
 * its alt text and its very existence stay with the newsroom, as the draft does (embargo).
 *
 * `media.visibleToReaders` is that fact, stored so the read rule is a plain query (Payload's
 * file route applies it too). It is recomputed, in the transaction of the change, for every
 * image a published document starts or stops using.
 */

/** Articles keep the images they use in one relation, so "who uses this image" is one query. */
export const articleImagesField: Field = {
  name: 'imagesUsed',
  type: 'relationship',
  relationTo: 'media',
  hasMany: true,
  admin: { hidden: true },
  access: { read: isStaffField, create: nobodyField, update: nobodyField },
  hooks: {
    // Drawn from the hero and the body on every save, whatever the request sent.
    beforeChange: [
      ({ siblingData, originalDoc }) => {
        const hero = 'heroImage' in siblingData ? siblingData.heroImage : originalDoc?.heroImage
        const body = 'body' in siblingData ? siblingData.body : originalDoc?.body
        return articleImageIds({ heroImage: hero, body })
      },
    ],
  },
}

/** The images an article shows: its hero, then those in its body. */
export function articleImageIds(doc: { heroImage?: unknown; body?: unknown }): DocId[] {
  const ids = new Set<DocId>()
  const hero = idOf(doc.heroImage)
  if (hero !== null) ids.add(hero)
  for (const id of collectImageIds(doc.body)) ids.add(id)
  return [...ids]
}

const idsOf = (value: unknown): DocId[] =>
  Array.isArray(value) ? value.map(idOf).filter((id): id is DocId => id !== null) : []

/** Whether a published article or series, or the site settings, use the image. */
async function inPublishedUse(payload: Payload, req: PayloadRequest, id: DocId) {
  const common = { overrideAccess: true, req, depth: 0 } as const
  const inArticles = await payload.count({
    collection: 'articles',
    ...common,
    where: { and: [{ imagesUsed: { equals: id } }, publishedFilter] },
  })
  if (inArticles.totalDocs > 0) return true
  const inSeries = await payload.count({
    collection: 'series',
    ...common,
    where: { and: [{ poster: { equals: id } }, publishedFilter] },
  })
  if (inSeries.totalDocs > 0) return true
  const settings = await payload.findGlobal({ slug: 'site-settings', ...common })
  return idOf(settings.logo) === id
}

/** Recomputes `visibleToReaders` of these images, inside the request's transaction. */
export async function refreshImageVisibility(req: PayloadRequest, ids: DocId[]) {
  const { payload } = req
  for (const id of new Set(ids)) {
    const visible = await inPublishedUse(payload, req, id)
    const current = await payload.find({
      collection: 'media',
      overrideAccess: true,
      req,
      depth: 0,
      where: { id: { equals: id } },
      select: { visibleToReaders: true },
      limit: 1,
    })
    const image = current.docs[0]
    if (!image || (image.visibleToReaders === true) === visible) continue
    await payload.update({
      collection: 'media',
      id,
      data: { visibleToReaders: visible },
      overrideAccess: true,
      req,
      depth: 0,
    })
  }
}

type Drafted = 'articles' | 'series'

/** The images a stored document of each drafted collection shows, and what to read for it. */
type Stored = { imagesUsed?: unknown; poster?: unknown }
const USES: Record<Drafted, { select: Record<string, true>; images: (doc: Stored) => DocId[] }> = {
  articles: {
    select: { _status: true, imagesUsed: true },
    images: (doc) => idsOf(doc.imagesUsed),
  },
  series: {
    select: { _status: true, poster: true },
    images: (doc) => [idOf(doc.poster)].filter((id): id is DocId => id !== null),
  },
}

/** The images readers see through this document: none unless its stored state is published. */
async function shownToReaders(req: PayloadRequest, collection: Drafted, id: DocId) {
  const { docs } = await req.payload.find({
    collection,
    overrideAccess: true,
    req,
    depth: 0,
    where: { id: { equals: id } },
    select: USES[collection].select,
    limit: 1,
  })
  const doc = docs[0] as ({ _status?: string | null } & Stored) | undefined
  return doc?._status === 'published' ? USES[collection].images(doc) : []
}

const BEFORE = 'kiosqueImagesBefore'

/**
 * Hooks that keep images' visibility in step with a drafted collection. What readers see is the
 * stored document (the versions hold the drafts), and Payload's `previousDoc` is the latest
 * version, a draft when one was saved after the publication: so the images shown are read from
 * the stored document before the save and after it, and only those that came or went are
 * recomputed. A draft save (autosave, every 2 s) leaves the stored document alone: nothing to do.
 */
export function imageVisibilityHooks(collection: Drafted): {
  beforeChange: CollectionBeforeChangeHook
  afterChange: CollectionAfterChangeHook
  afterDelete: CollectionAfterDeleteHook
} {
  const key = (id: DocId) => `${collection}:${id}`
  return {
    beforeChange: async ({ req, operation, originalDoc, data }) => {
      if (operation === 'update' && originalDoc?.id != null) {
        const before = (req.context[BEFORE] ??= new Map()) as Map<string, DocId[]>
        before.set(key(originalDoc.id), await shownToReaders(req, collection, originalDoc.id))
      }
      return data
    },
    afterChange: async ({ req, doc }) => {
      const before =
        (req.context[BEFORE] as Map<string, DocId[]> | undefined)?.get(key(doc.id)) ?? []
      const after = await shownToReaders(req, collection, doc.id)
      const changed = [
        ...before.filter((id) => !after.includes(id)),
        ...after.filter((id) => !before.includes(id)),
      ]
      if (changed.length > 0) await refreshImageVisibility(req, changed)
      return doc
    },
    afterDelete: async ({ req, doc }) => {
      await refreshImageVisibility(req, USES[collection].images(doc))
      return doc
    },
  }
}

export const refreshLogoVisibility: GlobalAfterChangeHook = async ({ req, doc, previousDoc }) => {
  const ids = [idOf(doc?.logo), idOf(previousDoc?.logo)].filter((id): id is DocId => id !== null)
  await refreshImageVisibility(req, ids)
  return doc
}

/**
 * Sets every article's `imagesUsed` and every image's visibility from the stored documents:
 * for a database made before images were private (the migration that adds them runs it).
 */
export async function recomputeAllImageVisibility(payload: Payload, req: PayloadRequest) {
  const articles = await payload.find({
    collection: 'articles',
    overrideAccess: true,
    req,
    depth: 0,
    pagination: false,
    select: { heroImage: true, body: true },
  })
  for (const article of articles.docs) {
    await payload.db.updateOne({
      collection: 'articles',
      id: article.id,
      data: { imagesUsed: articleImageIds(article) },
      req,
    })
  }
  const media = await payload.find({
    collection: 'media',
    overrideAccess: true,
    req,
    depth: 0,
    pagination: false,
    select: { filename: true },
  })
  await refreshImageVisibility(
    req,
    media.docs.map((doc) => doc.id),
  )
}
