/**
 * What both author routes render: /auteurs/<slug> (page 1) and /auteurs/<slug>/page/<n>.
 * Only an author with at least one published article has a page; anyone else is a 404.
 */
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { AuthorProfile } from '../../../components/AuthorProfile'
import { JsonLd } from '../../../components/JsonLd'
import { getAuthorPage, getSiteSettings } from '../../../lib/content'
import { env } from '../../../lib/env'
import { alternatesFor, siteOpenGraph } from '../../../lib/metadata'
import { authorPageHref } from '../../../lib/routes'
import { authorBreadcrumbJsonLd, authorJsonLd } from '../../../lib/structured-data'

export async function authorMetadata(slug: string, page: number): Promise<Metadata> {
  const [author, { publicationName }] = await Promise.all([
    getAuthorPage(slug, page),
    getSiteSettings(),
  ])
  if (!author) return {}
  const url = authorPageHref(author.slug, page)
  const title = page > 1 ? `${author.name}, page ${page}` : author.name
  const description = author.bio ?? `Les articles de ${author.name} dans ${publicationName}.`
  return {
    title,
    description,
    alternates: alternatesFor(url),
    openGraph: {
      type: 'profile',
      url,
      title: author.name,
      description,
      ...siteOpenGraph(publicationName),
    },
    twitter: { card: 'summary', title: author.name, description },
  }
}

export async function AuthorPage({ slug, page }: { slug: string; page: number }) {
  const [author, settings] = await Promise.all([getAuthorPage(slug, page), getSiteSettings()])
  if (!author) notFound()
  return (
    <>
      <JsonLd data={authorJsonLd(author, settings, env().SITE_URL)} />
      <JsonLd data={authorBreadcrumbJsonLd(author, settings, env().SITE_URL)} />
      <AuthorProfile author={author} />
    </>
  )
}
