import type { Metadata } from 'next'

import { BenchArticle } from '../bench-article'

/*
 * Bench builds only (`npm run bench`, next.config.ts pageExtensions with KIOSQUE_BENCH_BUILD=1):
 * a page prerendered at build time in the reader layout, the yardstick of the cached article page.
 * The bench fits one article's size to this page's before comparing the two under load.
 */
export const dynamic = 'force-static'

export const metadata: Metadata = {
  title: 'Page statique du banc d’essai',
  robots: { index: false, follow: false },
}

export default function BenchStaticPage() {
  return (
    <BenchArticle
      title="Page statique du banc d’essai"
      standfirst="Rendue une fois à la construction, servie telle quelle."
    />
  )
}
