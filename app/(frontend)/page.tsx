import { z } from 'zod'

import { AffiliateDisclosure } from '../../components/AffiliateDisclosure'
import { ArticleCard } from '../../components/ArticleCard'
import { ReadingMeter } from '../../components/ReadingMeter.client'
import { SeriesCard } from '../../components/SeriesCard'
import { getFeaturedSeries, getSiteSettings, listLatestArticles } from '../../lib/content'

// Rendered per request (it reads ?page=); its data comes from the tagged reader cache.
export const dynamic = 'force-dynamic'

const searchSchema = z.object({ page: z.coerce.number().int().min(1).max(1000).catch(1) })

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function HomePage({ searchParams }: Props) {
  const { page } = searchSchema.parse(await searchParams)
  const [{ articles, totalPages }, settings, featured] = await Promise.all([
    listLatestArticles(page),
    getSiteSettings(),
    page === 1 ? getFeaturedSeries() : null,
  ])
  return (
    <>
      <h1 className="page-title">Les derniers articles</h1>
      {featured ? (
        <div className="featured">
          <SeriesCard
            series={featured}
            now={new Date()}
            label={`À l’affiche : ${featured.title}`}
          />
          <AffiliateDisclosure
            disclosure={settings.affiliateDisclosure}
            linkCount={featured.trialOffer ? 1 : 0}
            text={`Le bouton « ${featured.trialOffer?.label ?? ''} » est un lien d’affiliation : ${settings.publicationName} peut percevoir une commission, sans surcoût pour vous.`}
          />
        </div>
      ) : null}
      {articles.length === 0 ? (
        <p>Aucun article publié pour le moment.</p>
      ) : (
        <div className="card-grid">
          {articles.map((article) => (
            <ArticleCard key={article.slug} article={article} />
          ))}
        </div>
      )}
      {totalPages > 1 ? (
        <nav className="pagination" aria-label="Pages">
          {page > 1 ? (
            <a href={page === 2 ? '/' : `/?page=${page - 1}`}>Articles plus récents</a>
          ) : null}
          {page < totalPages ? <a href={`/?page=${page + 1}`}>Articles plus anciens</a> : null}
        </nav>
      ) : null}
      {settings.meterEnabled ? <ReadingMeter publicationName={settings.publicationName} /> : null}
    </>
  )
}
