import type { DefaultNodeTypes, SerializedLinkNode } from '@payloadcms/richtext-lexical'
import { type JSXConvertersFunction, RichText } from '@payloadcms/richtext-lexical/react'

import { hrefFor } from '../lib/routes'
import type { ArticleView } from '../lib/views'

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

const converters: JSXConvertersFunction<DefaultNodeTypes> = ({ defaultConverters }) => ({
  ...defaultConverters,
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

export function ArticleBody({ body }: { body: ArticleView['body'] }) {
  return <RichText data={body} converters={converters} className="article-body" />
}
