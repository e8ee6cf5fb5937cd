import type { Metadata } from 'next'
import { notFound, permanentRedirect } from 'next/navigation'
import { z } from 'zod'

import { authorPageHref } from '../../../../../../lib/routes'
import { isSlug } from '../../../../../../lib/slug'
import { AuthorPage, authorMetadata } from '../../../author-page'

// Pages in the path rather than ?page=, so that each one is cached like page 1.
export const dynamicParams = true
export function generateStaticParams() {
  return []
}

// One spelling per page: no leading zero, no sign; page 1 lives at /auteurs/<slug>.
const pageSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,3}$/)
  .transform(Number)

type Props = { params: Promise<{ slug: string; page: string }> }

async function parse(params: Props['params']) {
  const { slug, page } = await params
  const parsed = pageSchema.safeParse(page)
  return parsed.success ? { slug, page: parsed.data } : null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = await parse(params)
  return parsed ? authorMetadata(parsed.slug, parsed.page) : {}
}

export default async function AuthorNextPage({ params }: Props) {
  const parsed = await parse(params)
  if (!parsed) notFound()
  if (parsed.page === 1 && isSlug(parsed.slug)) permanentRedirect(authorPageHref(parsed.slug))
  return <AuthorPage slug={parsed.slug} page={parsed.page} />
}
