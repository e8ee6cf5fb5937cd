import type { Metadata } from 'next'

import { AuthorPage, authorMetadata } from '../author-page'

// Rendered on first request, then served from Next's cache until a change expires its tags
// (lib/cache-tags.ts); nothing is rendered at build time, when there is no database.
export const dynamicParams = true
export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return authorMetadata((await params).slug, 1)
}

export default async function AuthorFirstPage({ params }: Props) {
  return <AuthorPage slug={(await params).slug} page={1} />
}
