import type {
  DefaultNodeTypes,
  SerializedBlockNode,
  SerializedLinkNode,
} from '@payloadcms/richtext-lexical'
import { type JSXConvertersFunction, RichText } from '@payloadcms/richtext-lexical/react'

import { hrefFor } from '../lib/routes'
import type { ArticleView, ImageView, SeriesCardBlockView, SeriesCardView } from '../lib/views'
import { Picture } from './Picture'
import { SeriesCard } from './SeriesCard'

/** Only web and mail links leave the body as links: no javascript: or data: URLs. */
export function safeExternalHref(url: unknown): string | null {
  if (typeof url !== 'string') return null
  const trimmed = url.trim()
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed
  try {
    const parsed = new URL(trimmed)
    return ['https:', 'http:', 'mailto:'].includes(parsed.protocol) ? parsed.href : null
  } catch {
    return null
  }
}

function affiliateSlug(node: SerializedLinkNode): string | null {
  const doc = node.fields.doc
  if (node.fields.linkType !== 'internal' || doc?.relationTo !== 'affiliate-links') return null
  const value = doc.value as unknown
  if (!value || typeof value !== 'object') return null
  const slug = (value as { slug?: unknown }).slug
  return typeof slug === 'string' ? slug : null
}

type NodeTypes = DefaultNodeTypes | SerializedBlockNode<SeriesCardBlockView>

/** lib/content narrows a card's series to a view; an id or null means readers may not see it. */
function cardSeries(value: unknown): SeriesCardView | null {
  return value && typeof value === 'object' ? (value as SeriesCardView) : null
}

/** lib/content narrows an embedded image to a view; anything else means readers may not see it. */
function bodyImage(value: unknown): ImageView | null {
  if (!value || typeof value !== 'object') return null
  const image = value as Partial<ImageView>
  return typeof image.url === 'string' && image.width && image.height ? (image as ImageView) : null
}

const converters: JSXConvertersFunction<NodeTypes> = ({ defaultConverters }) => ({
  ...defaultConverters,
  upload: ({ node }) => {
    const image = bodyImage(node.value)
    if (!image) return null
    return (
      <figure className="article-figure">
        <Picture image={image} sizes="(min-width: 800px) 720px, 100vw" />
      </figure>
    )
  },
  link: ({ node, nodesToJSX }) => {
    const children = nodesToJSX({ nodes: node.children })
    if (node.fields.linkType === 'internal') {
      const slug = affiliateSlug(node)
      // An offer that is switched off or expired is not readable: keep its words, drop the link.
      if (!slug) return <span>{children}</span>
      return (
        <a
          href={hrefFor({ collection: 'affiliate-links', slug })}
          rel="sponsored nofollow noopener"
          className="affiliate-link"
        >
          {children}
        </a>
      )
    }
    const href = safeExternalHref(node.fields.url)
    if (!href) return <span>{children}</span>
    return node.fields.newTab ? (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    ) : (
      <a href={href}>{children}</a>
    )
  },
  autolink: ({ node, nodesToJSX }) => {
    const children = nodesToJSX({ nodes: node.children })
    const href = safeExternalHref(node.fields.url)
    return href ? <a href={href}>{children}</a> : <span>{children}</span>
  },
})

type Props = { body: ArticleView['body']; now?: Date }

export function ArticleBody({ body, now = new Date() }: Props) {
  // Per render: a card's release status depends on the time of the request.
  const withBlocks: JSXConvertersFunction<NodeTypes> = (args) => ({
    ...converters(args),
    blocks: {
      seriesCard: ({ node }) => {
        const series = cardSeries(node.fields.series)
        return series ? <SeriesCard series={series} now={now} /> : null
      },
    },
  })
  return <RichText data={body} converters={withBlocks} className="article-body" />
}
