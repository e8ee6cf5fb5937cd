import type { Metadata } from 'next'

import { BenchArticle } from '../../bench-article'

/*
 * Bench builds only (`npm run bench`): the floor under the uncached article render. Each new
 * `n` is rendered on its first request and cached, by the same path as an article (a dynamic
 * route in the reader layout, its cache entry written before the answer), but with no query and
 * no component of ours beyond the layout: what Next and React take for a page of that size.
 */
export const dynamicParams = true

export async function generateStaticParams() {
  return []
}

export const metadata: Metadata = {
  title: 'Page rendue du banc d’essai',
  robots: { index: false, follow: false },
}

export default async function BenchRenderedPage({ params }: { params: Promise<{ n: string }> }) {
  const { n } = await params
  return (
    <BenchArticle
      title={`Page rendue du banc d’essai n° ${n.slice(0, 12)}`}
      standfirst="Rendue à sa première demande, sans requête, puis servie du cache."
    />
  )
}
