import type { DocId } from './views'

type LexicalNode = {
  type?: string
  children?: LexicalNode[]
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

/** A copy of a Lexical document with each series card's `series` replaced by `narrow(series)`. */
export function mapSeriesCards<T>(root: T, narrow: (series: unknown) => unknown): T {
  const visit = (node: LexicalNode): LexicalNode => {
    const copy: LexicalNode = { ...node }
    if (isSeriesCard(node)) copy.fields = { ...node.fields, series: narrow(node.fields?.series) }
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
