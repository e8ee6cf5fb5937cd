/*
 * `payload run scripts/bench-seed.ts -- --total <n>`, run by `npm run bench`: fills the database
 * with published articles until <n> bench articles exist (slugs `banc-d-essai-<number>`), through
 * the Local API in batches, each batch one transaction. Articles read like the site's: a title, a
 * standfirst, a Lexical body of a subheading and five paragraphs, one or two authors, a section,
 * a publication date within the last year. A one-line progress bar goes to stderr.
 *
 * The writes skip the per-article cache expiry (thousands of notices to the server); the lists'
 * tag is expired once at the end, through REVALIDATE_URLS like any change made outside a request.
 */
import { parseArgs } from 'node:util'

import config from '@payload-config'
import { commitTransaction, createLocalReq, getPayload, initTransaction } from 'payload'
import { z } from 'zod'

import type { User } from '../payload-types'
import { SKIP_CACHE_EXPIRY } from '../collections/shared/revalidate'
import { ARTICLE_CATEGORIES } from '../lib/categories'
import { tags } from '../lib/cache-tags'
import { expireTags } from '../lib/revalidate'
import { doc, h2, p } from '../seed/lexical'

const optionsSchema = z.object({
  total: z.coerce.number().int().min(1).max(100_000),
  batch: z.coerce.number().int().min(1).max(1000).default(100),
})
const parsed = optionsSchema.safeParse(
  parseArgs({ options: { total: { type: 'string' }, batch: { type: 'string' } } }).values,
)
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'))
  process.exit(2)
}
const { total, batch } = parsed.data

const BENCH_SLUG_PREFIX = 'banc-d-essai-'

const SUBJECTS = [
  'La voiture électrique d’occasion',
  'Le train de nuit',
  'La recharge en copropriété',
  'Le vélo cargo',
  'Les batteries sodium-ion',
  'Le covoiturage domicile-travail',
  'La conduite autonome',
  'Les péages en flux libre',
  'Les navettes fluviales',
  'Le rétrofit électrique',
  'Les gigafactories du Nord',
  'Les documentaires automobiles',
]
const ANGLES = [
  'ce qui change cette année',
  'les chiffres qui comptent',
  'ce que disent les ingénieurs',
  'le pari des constructeurs',
  'les questions qui restent',
  'un an après',
]
const SENTENCES = [
  'Les constructeurs revoient leurs gammes à mesure que les normes d’émission se durcissent.',
  'Sur les lignes de montage, la cadence dépend désormais autant du logiciel que des robots.',
  'Les batteries représentent encore près d’un tiers du prix d’une voiture électrique compacte.',
  'Les réseaux de recharge rapide progressent le long des autoroutes, moins vite en ville.',
  'Les collectivités hésitent entre subventions à l’achat et investissements dans les transports.',
  'Dans les bureaux d’études, la simulation numérique remplace une partie des essais physiques.',
  'Les usagers, eux, regardent d’abord le coût mensuel et le temps passé sur la route.',
  'Plusieurs start-up promettent de diviser par deux le temps de recharge d’ici à la fin de la décennie.',
  'Les syndicats s’inquiètent des conséquences sur l’emploi dans les usines de moteurs thermiques.',
  'Le marché de l’occasion reste tendu, faute de modèles récents en nombre suffisant.',
]

/** A small deterministic generator: the same total gives the same articles. */
function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length]!
}

function paragraph(n: number, k: number): string {
  const count = 4 + ((n + k) % 3)
  return Array.from({ length: count }, (_, i) => pick(SENTENCES, n * 7 + k * 3 + i)).join(' ')
}

function articleData(n: number, authors: User['id'][]) {
  const day = 24 * 60 * 60 * 1000
  const publishedAt = new Date(
    Date.UTC(2025, 0, 1) + ((n * 7919) % 365) * day + (n % 86_400) * 1000,
  )
  return {
    slug: `${BENCH_SLUG_PREFIX}${n}`,
    title: `${pick(SUBJECTS, n)} : ${pick(ANGLES, Math.floor(n / SUBJECTS.length))} (n° ${n})`,
    standfirst: `${pick(SENTENCES, n + 3)} ${pick(SENTENCES, n + 5)}`,
    category: pick(ARTICLE_CATEGORIES, n).value,
    publishedAt: publishedAt.toISOString(),
    authors: n % 4 === 0 ? authors.slice(0, 2) : [pick(authors, n)],
    body: doc(
      p(paragraph(n, 0)),
      p(paragraph(n, 1)),
      h2(pick(ANGLES, n + 2).replace(/^./, (c) => c.toUpperCase())),
      p(paragraph(n, 2)),
      p(paragraph(n, 3)),
      p(paragraph(n, 4)),
    ),
    _status: 'published' as const,
  }
}

function progress(done: number, startedAt: number) {
  const width = 30
  const filled = Math.round((done / total) * width)
  const perSecond = done / Math.max(0.001, (Date.now() - startedAt) / 1000)
  const eta = perSecond > 0 ? Math.ceil((total - done) / perSecond) : 0
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} articles, ` +
      `${perSecond.toFixed(0)}/s, reste ~${eta} s   `,
  )
}

const payload = await getPayload({ config })
try {
  const { docs: staff } = await payload.find({
    collection: 'users',
    where: { roles: { in: ['editor', 'journalist'] } },
    sort: 'email',
    depth: 0,
    limit: 10,
    overrideAccess: true,
  })
  if (staff.length === 0) throw new Error('no editor or journalist: run the demo seed first')
  const authors = staff.map((user) => user.id)

  const { totalDocs: existing } = await payload.count({
    collection: 'articles',
    where: { slug: { like: BENCH_SLUG_PREFIX } },
    overrideAccess: true,
  })
  const startedAt = Date.now()
  let done = existing
  progress(done, startedAt)
  while (done < total) {
    const size = Math.min(batch, total - done)
    // One transaction per batch: one commit instead of a hundred.
    const req = await createLocalReq({ context: { [SKIP_CACHE_EXPIRY]: true } }, payload)
    await initTransaction(req)
    for (let i = 0; i < size; i++) {
      await payload.create({
        collection: 'articles',
        data: articleData(done + i + 1, authors),
        depth: 0,
        select: {},
        overrideAccess: true,
        req,
      })
    }
    await commitTransaction(req)
    done += size
    progress(done, startedAt)
  }
  process.stderr.write('\n')
  console.log(
    `${total - existing} articles created in ${((Date.now() - startedAt) / 1000).toFixed(1)} s ` +
      `(${total} bench articles in the database)`,
  )
  await expireTags([tags.articles])
} finally {
  await payload.destroy()
}
process.exit(0)
