import type { DocId } from './views'

type LexicalNode = {
  type?: string
  children?: LexicalNode[]
  /** Upload nodes: the collection and the document (an id, or the document when populated). */
  relationTo?: string
  value?: unknown
  fields?: {
    linkType?: string
    doc?: { relationTo?: string; value?: unknown } | null
    blockType?: string
    series?: unknown
  }
}

/** A populated affiliate-link document, or just its id when it was not (or could not) be read. */
export type AffiliateRef = {
  id: DocId
  doc: { slug?: unknown; label?: unknown; merchant?: unknown } | null
}

const isSeriesCard = (node: LexicalNode) =>
  node.type === 'block' && node.fields?.blockType === 'seriesCard'

/** The trial offer of a series as Payload returned it: a document, an id, or nothing. */
const trialOfferOf = (series: unknown): unknown =>
  series && typeof series === 'object' ? (series as { trialOffer?: unknown }).trialOffer : null

/**
 * Every affiliate offer a Lexical document leads to, in reading order, once each: internal links
 * and the trial offers of the series cards it embeds. `outside` adds offers the page shows
 * beside the body (the article's own series card), after it.
 */
export function collectAffiliateRefs(root: unknown, outside: unknown[] = []): AffiliateRef[] {
  const found = new Map<DocId, AffiliateRef>()
  const add = (value: unknown) => {
    if (value == null) return
    if (typeof value === 'object') {
      const doc = value as { id?: DocId }
      if (doc.id != null && !found.has(doc.id))
        found.set(doc.id, { id: doc.id, doc: doc as AffiliateRef['doc'] })
    } else if (!found.has(value as DocId)) {
      found.set(value as DocId, { id: value as DocId, doc: null })
    }
  }
  const visit = (node: LexicalNode | undefined) => {
    if (!node || typeof node !== 'object') return
    if (
      (node.type === 'link' || node.type === 'autolink') &&
      node.fields?.linkType === 'internal' &&
      node.fields.doc?.relationTo === 'affiliate-links'
    ) {
      add(node.fields.doc.value)
    }
    if (isSeriesCard(node)) add(trialOfferOf(node.fields?.series))
    node.children?.forEach(visit)
  }
  visit((root as { root?: LexicalNode } | null)?.root)
  outside.forEach(add)
  return [...found.values()]
}

const isImage = (node: LexicalNode) => node.type === 'upload' && node.relationTo === 'media'

/** The ids of the images a Lexical document embeds (upload nodes), once each, in reading order. */
export function collectImageIds(root: unknown): DocId[] {
  const found = new Set<DocId>()
  const visit = (node: LexicalNode | undefined) => {
    if (!node || typeof node !== 'object') return
    if (isImage(node)) {
      const id = idOf(node.value)
      if (id !== null) found.add(id)
    }
    node.children?.forEach(visit)
  }
  visit((root as { root?: LexicalNode } | null)?.root)
  return [...found]
}

/** The id of a relation as Payload gives it: the id itself, or the populated document's. */
export function idOf(value: unknown): DocId | null {
  if (typeof value === 'number' || typeof value === 'string') return value
  if (value && typeof value === 'object') {
    const id = (value as { id?: unknown }).id
    if (typeof id === 'number' || typeof id === 'string') return id
  }
  return null
}

type Narrowers = { series: (series: unknown) => unknown; image: (media: unknown) => unknown }

/**
 * A copy of a Lexical document with each series card's `series` replaced by `narrow.series(…)`
 * and each embedded image's document by `narrow.image(…)`.
 */
export function mapBodyRelations<T>(root: T, narrow: Narrowers): T {
  const visit = (node: LexicalNode): LexicalNode => {
    const copy: LexicalNode = { ...node }
    if (isSeriesCard(node))
      copy.fields = { ...node.fields, series: narrow.series(node.fields?.series) }
    if (isImage(node)) copy.value = narrow.image(node.value)
    if (Array.isArray(node.children)) copy.children = node.children.map(visit)
    return copy
  }
  const doc = root as { root?: LexicalNode } | null
  return doc && typeof doc === 'object' && doc.root
    ? ({ ...doc, root: visit(doc.root) } as T)
    : root
}

/** Words a reader reads in a Lexical document (text nodes only). */
export function countWords(root: unknown): number {
  let words = 0
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const { type, text, children } = node as { type?: string; text?: unknown; children?: unknown }
    if (type === 'text' && typeof text === 'string') {
      words += text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
    }
    if (Array.isArray(children)) children.forEach(visit)
  }
  visit((root as { root?: unknown } | null)?.root)
  return words
}
