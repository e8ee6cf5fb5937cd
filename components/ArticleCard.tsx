import { formatDate } from '../lib/format'
import { hrefFor } from '../lib/routes'
import type { ArticleSummaryView } from '../lib/views'
import { Picture } from './Picture'

export function ArticleCard({ article }: { article: ArticleSummaryView }) {
  return (
    <article className="card">
      {article.image ? (
        <Picture image={article.image} sizes="(min-width: 960px) 300px, 100vw" />
      ) : null}
      <h2>
        <a href={hrefFor({ collection: 'articles', slug: article.slug })}>{article.title}</a>
      </h2>
      <p>{article.standfirst}</p>
      {article.publishedAt ? (
        <p className="card-date">
          <time dateTime={new Date(article.publishedAt).toISOString()}>
            {formatDate(article.publishedAt)}
          </time>
        </p>
      ) : null}
    </article>
  )
}
