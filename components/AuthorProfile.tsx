import { authorPageHref } from '../lib/routes'
import type { AuthorPageView } from '../lib/views'
import { ArticleCard } from './ArticleCard'

/** An author page: who they are, then their published articles, newest first, page by page. */
export function AuthorProfile({ author }: { author: AuthorPageView }) {
  const { page, totalPages } = author
  return (
    <>
      <header className="author-header">
        <h1 className="page-title">{author.name}</h1>
        {author.bio ? <p className="author-bio">{author.bio}</p> : null}
      </header>
      <h2 className="author-articles-title">
        {page > 1 ? `Ses articles, page ${page}` : 'Ses articles'}
      </h2>
      <div className="card-grid">
        {author.articles.map((article) => (
          <ArticleCard key={article.slug} article={article} />
        ))}
      </div>
      {totalPages > 1 ? (
        <nav className="pagination" aria-label="Pages">
          {page > 1 ? (
            <a href={authorPageHref(author.slug, page - 1)}>Articles plus récents</a>
          ) : null}
          {page < totalPages ? (
            <a href={authorPageHref(author.slug, page + 1)}>Articles plus anciens</a>
          ) : null}
        </nav>
      ) : null}
    </>
  )
}
