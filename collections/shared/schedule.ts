import type { Field, FieldHook, Payload, PayloadRequest } from 'payload'

import { parisDisplayTimezone, parisPicker } from '../../lib/time'
import { SCHEDULE_PUBLISH_TASK } from '../Jobs/schedule-publish'
import { isStaffField, isStaffUser, nobodyField } from './access'

export type ScheduleType = 'publish' | 'unpublish'

type ScheduleJob = {
  waitUntil?: string | null
  input?: { type?: string | null; doc?: { relationTo?: string; value?: unknown } | null } | null
}

/** One pending scheduled publication or unpublication, as the jobs queue holds it. */
export type PendingSchedule = { at: string; type: ScheduleType; collection: string; id: string }

/**
 * Every pending schedule in Payload's jobs queue (the only place schedules live), optionally
 * due within [from, to). Read past access control: callers decide who may see them. The
 * documents are decoded in JavaScript, not with a JSON-path query, so it reads the same on SQLite
 * and MongoDB.
 */
export async function findPendingSchedules(
  payload: Payload,
  options: { req?: PayloadRequest; from?: string; to?: string } = {},
): Promise<PendingSchedule[]> {
  const { req, from, to } = options
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: SCHEDULE_PUBLISH_TASK } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
        ...(from ? [{ waitUntil: { greater_than_equal: from } }] : []),
        ...(to ? [{ waitUntil: { less_than: to } }] : []),
      ],
    },
    pagination: false,
    depth: 0,
    select: { input: true, waitUntil: true },
    overrideAccess: true,
    ...(req ? { req } : {}),
  })
  return (docs as ScheduleJob[]).flatMap((job) => {
    const doc = job.input?.doc
    if (!job.waitUntil || !doc?.relationTo || doc.value == null) return []
    const type: ScheduleType = job.input?.type === 'unpublish' ? 'unpublish' : 'publish'
    const at = new Date(job.waitUntil).toISOString()
    return [{ at, type, collection: doc.relationTo, id: String(doc.value) }]
  })
}

/** "publish:12" → the earliest pending instant of that kind for that document. */
export type PendingSchedules = Map<string, string>

const key = (type: ScheduleType, id: unknown) => `${type}:${String(id)}`

/** The earliest pending publication and unpublication of every document of a collection. */
export async function listPendingSchedules(
  req: PayloadRequest,
  collection: string,
): Promise<PendingSchedules> {
  const pending: PendingSchedules = new Map()
  for (const schedule of await findPendingSchedules(req.payload, { req })) {
    if (schedule.collection !== collection) continue
    const current = pending.get(key(schedule.type, schedule.id))
    if (!current || schedule.at < current) pending.set(key(schedule.type, schedule.id), schedule.at)
  }
  return pending
}

const CONTEXT_KEY = 'kiosquePendingSchedules'

/** One query per request and collection, however many documents a list shows. */
function pendingSchedulesOf(req: PayloadRequest, collection: string) {
  const memo = ((req.context[CONTEXT_KEY] as
    Record<string, Promise<PendingSchedules>> | undefined) ??= {})
  memo[collection] ??= listPendingSchedules(req, collection)
  return memo[collection]
}

const nextScheduled =
  (type: ScheduleType): FieldHook =>
  async ({ collection, overrideAccess, req, siblingData }) => {
    // Field hooks run before field access is applied: do not even query for readers.
    if (!overrideAccess && !isStaffUser(req.user)) return undefined
    const id = (siblingData as { id?: unknown } | undefined)?.id
    if (!collection || id == null) return null
    return (await pendingSchedulesOf(req, collection.slug)).get(key(type, id)) ?? null
  }

const scheduleField = (type: ScheduleType, label: string, description: string): Field => ({
  name: type === 'publish' ? 'scheduledPublishAt' : 'scheduledUnpublishAt',
  label,
  type: 'date',
  // Computed on read from the jobs queue: always what will really happen, nothing to keep in sync.
  virtual: true,
  timezone: parisDisplayTimezone,
  access: { read: isStaffField, create: nobodyField, update: nobodyField },
  admin: {
    position: 'sidebar',
    readOnly: true,
    // Styled in app/(payload)/custom.scss: no zone picker nor clear button on a computed date.
    className: 'computed-date',
    date: parisPicker,
    description,
  },
  hooks: { afterRead: [nextScheduled(type)] },
})

/**
 * Read-only "scheduled time" fields for a collection with scheduled publishing: the next pending
 * publication and unpublication (Paris time), for staff. Set or cancel one with the publish
 * button's "Programmer" drawer.
 */
export const scheduleFields = (): Field[] => [
  scheduleField(
    'publish',
    'Publication programmée',
    // Payload's drawer preselects « Dépublier » for a document never published (3.90).
    'Heure de Paris. À programmer par « Programmer la publication », sous le bouton « Publier » : cochez « Publier » dans la fenêtre, qui propose « Dépublier » pour un article jamais publié.',
  ),
  scheduleField('unpublish', 'Dépublication programmée', 'Heure de Paris.'),
]
