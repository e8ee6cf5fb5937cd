/**
 * The admin home's review panel (admin.components.beforeDashboard): editors see the articles
 * "à relire", a journalist their own articles "à reprendre". A server component reading with
 * the logged-in user's rights.
 */
import type { Payload, PayloadRequest } from 'payload'

import {
  listReviewQueue,
  reviewQueueAdminPath,
  type ReviewState,
} from '../collections/Articles/review'
import { NEWSROOM_TIME_ZONE } from '../lib/time'

type Props = {
  payload: Payload
  user?: PayloadRequest['user']
  i18n?: { language?: string }
}

const TEXTS = {
  fr: {
    review: 'À relire',
    changes: 'À reprendre',
    emptyReview: 'Aucun article n’attend de relecture.',
    emptyChanges: 'Aucun de vos articles n’est à reprendre.',
    all: 'Voir la liste complète',
    by: 'par',
    updated: 'modifié le',
  },
  en: {
    review: 'To review',
    changes: 'Changes requested',
    emptyReview: 'No article is waiting for review.',
    emptyChanges: 'None of your articles needs changes.',
    all: 'See the full list',
    by: 'by',
    updated: 'updated',
  },
} as const

export async function ReviewQueue({ payload, user, i18n }: Props) {
  const queue = await listReviewQueue(payload, user)
  if (!queue) return null
  const language = i18n?.language === 'en' ? 'en' : 'fr'
  const t = TEXTS[language]
  const adminRoute = payload.config.routes.admin
  const when = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', {
    timeZone: NEWSROOM_TIME_ZONE,
    dateStyle: 'long',
    timeStyle: 'short',
  })
  const state: ReviewState = queue.state
  const heading = state === 'review' ? t.review : t.changes

  return (
    <section className="review-queue" aria-labelledby="review-queue-title">
      <h2 id="review-queue-title">
        {heading} ({queue.totalDocs})
      </h2>
      {queue.totalDocs === 0 ? (
        <p>{state === 'review' ? t.emptyReview : t.emptyChanges}</p>
      ) : (
        <>
          <ul>
            {queue.docs.map((doc) => (
              <li key={doc.id}>
                <a href={`${adminRoute}/collections/articles/${doc.id}`}>{doc.title}</a>
                {doc.authors.length > 0 ? ` ${t.by} ${doc.authors.join(', ')}` : ''}
                {doc.updatedAt ? `, ${t.updated} ${when.format(new Date(doc.updatedAt))}` : ''}
              </li>
            ))}
          </ul>
          <p>
            <a href={reviewQueueAdminPath(state, adminRoute)}>{t.all}</a>
          </p>
        </>
      )}
    </section>
  )
}
