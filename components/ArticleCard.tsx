import Image from 'next/image'

import { formatDate } from '../lib/format'
import { hrefFor } from '../lib/routes'
import type { ArticleSummaryView } from '../lib/views'

export function ArticleCard({ article }: { article: ArticleSummaryView }) {
  return (
    <article className="card">
      {article.image ? (
        <Image
          src={article.image.url}
          alt={article.image.alt}
          width={article.image.width}
          height={article.image.height}
          sizes="(min-width: 960px) 300px, 100vw"
        />
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
