import type { Metadata } from 'next'

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

const SENTENCES = [
  'Les constructeurs revoient leurs gammes à mesure que les normes d’émission se durcissent.',
  'Sur les lignes de montage, la cadence dépend désormais autant du logiciel que des robots.',
  'Les batteries représentent encore près d’un tiers du prix d’une voiture électrique compacte.',
  'Les réseaux de recharge rapide progressent le long des autoroutes, moins vite en ville.',
  'Les plateformes de streaming multiplient les documentaires consacrés à l’industrie.',
  'Dans les bureaux d’études, la simulation numérique remplace une partie des essais physiques.',
]

/** Twelve paragraphs of six sentences: about the body of a long news article. */
const PARAGRAPHS = Array.from({ length: 12 }, (_, i) =>
  Array.from({ length: 6 }, (_, j) => SENTENCES[(i + j) % SENTENCES.length]).join(' '),
)

export default function BenchStaticPage() {
  return (
    <article className="article">
      <header className="article-header">
        <h1>Page statique du banc d’essai</h1>
        <p className="standfirst">Rendue une fois à la construction, servie telle quelle.</p>
      </header>
      <div className="article-body">
        {PARAGRAPHS.map((text, i) => (
          <p key={i}>{text}</p>
        ))}
      </div>
    </article>
  )
}
