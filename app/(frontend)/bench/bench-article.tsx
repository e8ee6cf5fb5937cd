/*
 * The body of the bench's yardstick pages (page.bench.tsx files, bench builds only): twelve
 * paragraphs of six sentences, about the size of a long news article, with no query.
 */
const SENTENCES = [
  'Les constructeurs revoient leurs gammes à mesure que les normes d’émission se durcissent.',
  'Sur les lignes de montage, la cadence dépend désormais autant du logiciel que des robots.',
  'Les batteries représentent encore près d’un tiers du prix d’une voiture électrique compacte.',
  'Les réseaux de recharge rapide progressent le long des autoroutes, moins vite en ville.',
  'Les plateformes de streaming multiplient les documentaires consacrés à l’industrie.',
  'Dans les bureaux d’études, la simulation numérique remplace une partie des essais physiques.',
]

const PARAGRAPHS = Array.from({ length: 12 }, (_, i) =>
  Array.from({ length: 6 }, (_, j) => SENTENCES[(i + j) % SENTENCES.length]).join(' '),
)

export function BenchArticle({ title, standfirst }: { title: string; standfirst: string }) {
  return (
    <article className="article">
      <header className="article-header">
        <h1>{title}</h1>
        <p className="standfirst">{standfirst}</p>
      </header>
      <div className="article-body">
        {PARAGRAPHS.map((text, i) => (
          <p key={i}>{text}</p>
        ))}
      </div>
    </article>
  )
}
