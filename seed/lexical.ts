/** Small builders for Lexical's serialized JSON, so the demo texts read like prose. */
import type { DocId } from '../lib/views'

type Node = { type: string; version: number; [key: string]: unknown }

const IS_BOLD = 1
const IS_ITALIC = 2

export const text = (value: string, format = 0): Node => ({
  type: 'text',
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

export const bold = (value: string) => text(value, IS_BOLD)
export const italic = (value: string) => text(value, IS_ITALIC)

const block = (type: string, children: Node[], extra: Record<string, unknown> = {}): Node => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})

/** A paragraph: plain strings become text nodes. */
export const p = (...children: (string | Node)[]): Node =>
  block(
    'paragraph',
    children.map((child) => (typeof child === 'string' ? text(child) : child)),
    { textFormat: 0, textStyle: '' },
  )

export const h2 = (value: string): Node => block('heading', [text(value)], { tag: 'h2' })

export const quote = (value: string): Node => block('quote', [text(value)])

/** An inline link to an affiliate offer, rendered as /go/<slug> with rel="sponsored". */
export const affiliateLink = (
  target: DocId | { id: DocId; slug: string },
  label: string,
): Node => ({
  ...block('link', [text(label)]),
  version: 3,
  fields: {
    linkType: 'internal',
    newTab: false,
    doc: { relationTo: 'affiliate-links', value: target },
  },
})

/** An ordinary link to a page of the site or the web. */
export const link = (url: string, label: string): Node => ({
  ...block('link', [text(label)]),
  version: 3,
  fields: { linkType: 'custom', newTab: false, url },
})

export const doc = (...children: Node[]) => ({
  root: {
    type: 'root',
    children,
    direction: 'ltr' as const,
    format: '' as const,
    indent: 0,
    version: 1,
  },
})

/**
 * A series card block (collections/shared/blocks.ts). The block id is fixed by the caller so
 * that reseeding rewrites the same block.
 */
export const seriesCard = (series: DocId | object | null, id: string): Node => ({
  type: 'block',
  version: 2,
  format: '',
  fields: { id, blockName: '', blockType: 'seriesCard', series },
})

/** An image from the media collection, as the editor's upload button inserts it. */
export const image = (media: DocId, id: string): Node => ({
  type: 'upload',
  version: 3,
  format: '',
  id,
  fields: null,
  relationTo: 'media',
  value: media,
})
