import type { DocId } from './views'

type LexicalNode = {
  type?: string
  children?: LexicalNode[]
  fields?: { linkType?: string; doc?: { relationTo?: string; value?: unknown } | null }
}

/** A populated affiliate-link document, or just its id when it was not (or could not be) read. */
export type AffiliateRef = {
  id: DocId
  doc: { slug?: unknown; label?: unknown; merchant?: unknown } | null
}

/** Every internal link to an affiliate offer in a Lexical document, in reading order, once each. */
export function collectAffiliateRefs(root: unknown): AffiliateRef[] {
  const found = new Map<DocId, AffiliateRef>()
  const visit = (node: LexicalNode | undefined) => {
    if (!node || typeof node !== 'object') return
    if (
      (node.type === 'link' || node.type === 'autolink') &&
      node.fields?.linkType === 'internal'
    ) {
      const target = node.fields.doc
      if (target?.relationTo === 'affiliate-links' && target.value != null) {
        const value = target.value
        if (typeof value === 'object') {
          const doc = value as { id?: DocId }
          if (doc.id != null && !found.has(doc.id))
            found.set(doc.id, { id: doc.id, doc: doc as AffiliateRef['doc'] })
        } else if (!found.has(value as DocId)) {
          found.set(value as DocId, { id: value as DocId, doc: null })
        }
      }
    }
    node.children?.forEach(visit)
  }
  visit((root as { root?: LexicalNode } | null)?.root)
  return [...found.values()]
}
