import { formatDateTime } from '../lib/format'
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

export function Byline({ authors, publishedAt, updatedAt, readingMinutes }: Props) {
  const modified =
    publishedAt && new Date(updatedAt).getTime() - new Date(publishedAt).getTime() > SAME_EDIT_MS
  return (
    <div className="byline">
      {authors.length > 0 ? <p>Par {listFormat.format(authors.map((a) => a.name))}</p> : null}
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
