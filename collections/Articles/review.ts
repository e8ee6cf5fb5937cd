/**
 * The review state of an article: a journalist hands a draft to the editors ("à relire"), an
 * editor may hand it back ("à reprendre"). It lives in the draft versions like any other field,
 * so every query about it reads the latest version (`draft: true`).
 */
import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  FieldHook,
  Payload,
  PayloadRequest,
  SelectField,
  Where,
} from 'payload'

import { afterCommit } from '../../lib/after-commit'
import { absoluteUrl } from '../../lib/routes'
import { hasRole, isEditorUser, isStaffField } from '../shared/access'

export const REVIEW_STATES = ['writing', 'review', 'changes'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

/** What a journalist may set on their own drafts; "à reprendre" is the editors' answer. */
export const JOURNALIST_REVIEW_STATES: readonly ReviewState[] = ['writing', 'review']

const isReviewState = (value: unknown): value is ReviewState =>
  typeof value === 'string' && (REVIEW_STATES as readonly string[]).includes(value)

/** A non-editor's choice outside their states is ignored: the previous state stays. */
const keepEditorsStates: FieldHook = ({ value, previousValue, req }) => {
  const fallback: ReviewState = isReviewState(previousValue) ? previousValue : 'writing'
  if (!isReviewState(value)) return fallback
  if (!req.user || isEditorUser(req.user)) return value
  return JOURNALIST_REVIEW_STATES.includes(value) || value === previousValue ? value : fallback
}

export const reviewStateField: SelectField = {
  name: 'reviewState',
  label: { fr: 'Relecture', en: 'Review' },
  type: 'select',
  required: true,
  defaultValue: 'writing',
  index: true,
  options: [
    { value: 'writing', label: { fr: 'En cours de rédaction', en: 'Being written' } },
    { value: 'review', label: { fr: 'À relire', en: 'To review' } },
    { value: 'changes', label: { fr: 'À reprendre', en: 'Changes requested' } },
  ],
  // Internal to the newsroom; the document rule already limits journalists to their drafts.
  access: { read: isStaffField, create: isStaffField, update: isStaffField },
  hooks: { beforeChange: [keepEditorsStates] },
  // A journalist is not offered "à reprendre" unless it is the current state.
  filterOptions: ({ options, req, siblingData }) =>
    isEditorUser(req.user)
      ? options
      : options.filter((option) => {
          const value = typeof option === 'string' ? option : option.value
          return (
            JOURNALIST_REVIEW_STATES.includes(value as ReviewState) ||
            value === (siblingData as { reviewState?: unknown })?.reviewState
          )
        }),
  admin: {
    position: 'sidebar',
    description: {
      fr: 'Passez l’article « À relire » pour le confier aux éditeurs.',
      en: 'Set the article to “To review” to hand it to the editors.',
    },
    // Once published, the review is over (the state is reset at publication).
    condition: (data) => data?._status !== 'published',
  },
}

/** Publication ends the review: an article taken offline later starts again "en cours". */
export const endReviewOnPublish: CollectionBeforeChangeHook = ({ data }) =>
  data._status === 'published' ? { ...data, reviewState: 'writing' } : data

/** The admin's article list filtered on a review state (it lists the latest versions). */
export const reviewQueueAdminPath = (state: ReviewState = 'review', adminRoute = '/admin') =>
  `${adminRoute}/collections/articles?where[reviewState][equals]=${state}`

type QueueUser = PayloadRequest['user']

/**
 * What the admin home lists for a user: editors see every article "à relire"; a journalist sees
 * their own articles "à reprendre". Read with the user's own rights.
 */
export async function listReviewQueue(payload: Payload, user: QueueUser | undefined, limit = 10) {
  if (!user || user.collection !== 'users') return null
  const editor = isEditorUser(user)
  if (!editor && !hasRole(user, 'journalist')) return null
  const state: ReviewState = editor ? 'review' : 'changes'
  const where: Where = editor
    ? { reviewState: { equals: state } }
    : { and: [{ reviewState: { equals: state } }, { authors: { equals: user.id } }] }
  const result = await payload.find({
    collection: 'articles',
    where,
    draft: true,
    depth: 1,
    limit,
    sort: 'updatedAt',
    select: { title: true, authors: true, updatedAt: true, reviewState: true },
    populate: { users: { name: true } },
    overrideAccess: false,
    user,
  })
  return {
    state,
    totalDocs: result.totalDocs,
    docs: result.docs.map((doc) => ({
      id: doc.id,
      title: doc.title,
      updatedAt: doc.updatedAt,
      authors: (doc.authors ?? [])
        .map((author) => (typeof author === 'object' && author ? author.name : null))
        .filter((name): name is string => Boolean(name)),
    })),
  }
}

const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim()

/** Tells the editors by e-mail, once the save is committed, that an article waits for them. */
export const notifyEditorsOfReview: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (doc.reviewState !== 'review' || previousDoc?.reviewState === 'review') return doc
  const { payload } = req
  const title = oneLine(String(doc.title ?? ''))
  const by = req.user && 'name' in req.user ? oneLine(String(req.user.name ?? '')) : ''
  await afterCommit(req, async () => {
    const { docs: editors } = await payload.find({
      collection: 'users',
      where: { roles: { in: ['editor', 'admin'] } },
      depth: 0,
      limit: 100,
      pagination: false,
      select: { email: true },
      overrideAccess: true,
    })
    const text = [
      `${by || 'Un membre de la rédaction'} a confié « ${title} » aux éditeurs pour relecture.`,
      '',
      `Ouvrir l’article : ${absoluteUrl(`/admin/collections/articles/${doc.id}`)}`,
      `Tous les articles à relire : ${absoluteUrl(reviewQueueAdminPath())}`,
    ].join('\n')
    for (const editor of editors) {
      if (!editor.email || String(editor.id) === String(req.user?.id)) continue
      await payload.sendEmail({ to: editor.email, subject: `À relire : ${title}`, text })
    }
  })
  return doc
}
