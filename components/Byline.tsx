import { Fragment } from 'react'

import { formatDateTime } from '../lib/format'
import { hrefFor } from '../lib/routes'
import type { AuthorView } from '../lib/views'

type Props = {
  authors: AuthorView[]
  publishedAt: string | null
  updatedAt: string
  readingMinutes?: number
}

const listFormat = new Intl.ListFormat('fr', { style: 'long', type: 'conjunction' })

/** Modified dates within a few minutes of publication are the same edit session. */
const SAME_EDIT_MS = 10 * 60 * 1000

/** "A, B et C", each name a link to the author's page when they have one. */
function AuthorNames({ authors }: { authors: AuthorView[] }) {
  let index = 0
  return listFormat.formatToParts(authors.map((a) => a.name)).map((part, i) => {
    if (part.type === 'literal') return <Fragment key={i}>{part.value}</Fragment>
    const author = authors[index++]
    return author?.slug ? (
      <a key={i} href={hrefFor({ collection: 'users', slug: author.slug })} rel="author">
        {part.value}
      </a>
    ) : (
      <Fragment key={i}>{part.value}</Fragment>
    )
  })
}

export function Byline({ authors, publishedAt, updatedAt, readingMinutes }: Props) {
  const modified =
    publishedAt && new Date(updatedAt).getTime() - new Date(publishedAt).getTime() > SAME_EDIT_MS
  return (
    <div className="byline">
      {authors.length > 0 ? (
        <p>
          Par <AuthorNames authors={authors} />
        </p>
      ) : null}
      {publishedAt ? (
        <p>
          Publié le{' '}
          <time dateTime={new Date(publishedAt).toISOString()}>{formatDateTime(publishedAt)}</time>
          {modified ? (
            <>
              {' · '}modifié le{' '}
              <time dateTime={new Date(updatedAt).toISOString()}>{formatDateTime(updatedAt)}</time>
            </>
          ) : null}
        </p>
      ) : null}
      {readingMinutes ? <p>Temps de lecture : {readingMinutes} min</p> : null}
    </div>
  )
}
