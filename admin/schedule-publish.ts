/**
 * The admin's "schedule publish" server function, guarded. Payload's own handler only checks
 * that the caller may enter the admin, then queues the job (and deletes the job it is given)
 * past every access rule: any journalist could queue a publication or cancel an editor's. The
 * job itself runs as the scheduling user and would fail, but nothing unauthorised should even be
 * queued. Here the caller must hold the publish permission on every document the call touches,
 * exactly the permission that shows the publish button.
 */
import { schedulePublishHandler } from '@payloadcms/ui/utilities/schedulePublishHandler'
import {
  docAccessOperation,
  docAccessOperationGlobal,
  Forbidden,
  type PayloadRequest,
  type ServerFunction,
} from 'payload'
import { z } from 'zod'

const idSchema = z.union([z.number().int(), z.string().min(1).max(64)])

export const scheduleArgsSchema = z.object({
  type: z.enum(['publish', 'unpublish']).optional(),
  date: z.coerce.date().optional(),
  deleteID: idSchema.optional(),
  doc: z.object({ relationTo: z.string().min(1).max(64), value: idSchema }).optional(),
  global: z.string().min(1).max(64).optional(),
  localeToPublish: z.string().max(16).optional(),
  timezone: z.string().max(64).optional(),
})

type Target = { collection: string; id: number | string } | { global: string }

async function mayPublish(req: PayloadRequest, target: Target): Promise<boolean> {
  const { payload } = req
  if ('collection' in target) {
    const collection = payload.collections[target.collection as keyof typeof payload.collections]
    if (!collection?.config.versions?.drafts) return false
    const permissions = await docAccessOperation({
      id: target.id,
      collection,
      data: { _status: 'published' },
      req,
    })
    return Boolean(permissions.update)
  }
  const globalConfig = payload.config.globals.find(({ slug }) => slug === target.global)
  if (!globalConfig?.versions) return false
  const permissions = await docAccessOperationGlobal({
    data: { _status: 'published' },
    globalConfig,
    req,
  })
  return Boolean(permissions.update)
}

/** The document a queued schedulePublish job would publish or unpublish. */
async function targetOfJob(req: PayloadRequest, id: number | string): Promise<Target | null> {
  const { docs } = await req.payload.find({
    collection: 'payload-jobs',
    where: { and: [{ id: { equals: id } }, { taskSlug: { equals: 'schedulePublish' } }] },
    limit: 1,
    depth: 0,
    // Jobs are closed to every API user; this is the guard reading what it is asked to delete.
    overrideAccess: true,
    req,
  })
  const input = docs[0]?.input as
    { doc?: { relationTo?: string; value?: number | string }; global?: string } | undefined
  if (input?.doc?.relationTo && input.doc.value !== undefined) {
    return { collection: input.doc.relationTo, id: input.doc.value }
  }
  return input?.global ? { global: input.global } : null
}

export const guardedSchedulePublish: ServerFunction<Record<string, unknown>> = async (args) => {
  const { req } = args
  const parsed = scheduleArgsSchema.safeParse({
    type: args.type,
    date: args.date,
    deleteID: args.deleteID,
    doc: args.doc,
    global: args.global,
    localeToPublish: args.localeToPublish,
    timezone: args.timezone,
  })
  if (!parsed.success || !req.user) throw new Forbidden(req.t)
  const { doc, global, deleteID } = parsed.data

  const targets: Target[] = []
  if (doc) targets.push({ collection: doc.relationTo, id: doc.value })
  if (global) targets.push({ global })
  if (deleteID !== undefined) {
    const ofJob = await targetOfJob(req, deleteID)
    if (!ofJob) throw new Forbidden(req.t)
    targets.push(ofJob)
  }
  if (targets.length === 0) throw new Forbidden(req.t)
  for (const target of targets) {
    if (!(await mayPublish(req, target))) throw new Forbidden(req.t)
  }
  return schedulePublishHandler(args as Parameters<typeof schedulePublishHandler>[0])
}

/** Server functions the admin layout registers over Payload's own ones. */
export const adminServerFunctions = { 'schedule-publish': guardedSchedulePublish }
