import { createLocalReq, type Payload } from 'payload'

import type { User } from '../../payload-types'

export type ScheduleArgs = {
  type: 'publish' | 'unpublish'
  collection: 'articles' | 'series'
  id: number | string
  at: Date
}

/**
 * Schedules exactly as the admin's "Programmer la publication" drawer does: Payload's own
 * server function, called with the editor's request.
 */
export async function scheduleAs(payload: Payload, user: User, args: ScheduleArgs) {
  await callScheduleHandler(payload, user, {
    type: args.type,
    date: args.at,
    doc: { relationTo: args.collection, value: String(args.id) },
    timezone: 'Europe/Paris',
  })
}

/** Cancels a schedule as the drawer's delete button does. */
export async function cancelScheduleAs(payload: Payload, user: User, jobId: number | string) {
  await callScheduleHandler(payload, user, { deleteID: jobId })
}

async function callScheduleHandler(payload: Payload, user: User, args: Record<string, unknown>) {
  const { schedulePublishHandler } = await import('@payloadcms/ui/utilities/schedulePublishHandler')
  type HandlerArgs = Parameters<typeof schedulePublishHandler>[0]
  const req = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
  // The server-function plumbing in its argument type (import map, cookies…) goes unused.
  const result = (await schedulePublishHandler({ ...args, req } as unknown as HandlerArgs)) as {
    error?: string
  }
  if (result.error) throw new Error(result.error)
}

/** The scheduled publication jobs of a document (any state). */
export async function jobsFor(payload: Payload, collection: string, id: number | string) {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: { taskSlug: { equals: 'schedulePublish' } },
    pagination: false,
    depth: 0,
  })
  return docs.filter((job) => {
    const doc = (job.input as { doc?: { relationTo?: string; value?: unknown } } | null)?.doc
    return doc?.relationTo === collection && String(doc.value) === String(id)
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Polls `check` every `intervalMs` until it returns true, and returns the time it first did.
 * Throws after `timeoutMs`: every wait in the tests is bounded.
 */
export async function waitUntilTrue(
  check: () => Promise<boolean>,
  { timeoutMs = 15_000, intervalMs = 50 } = {},
): Promise<number> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (await check()) return Date.now()
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`)
    await sleep(intervalMs)
  }
}

/** Whether an anonymous reader can read the document (Local API with access control). */
export async function readableAnonymously(
  payload: Payload,
  collection: 'articles' | 'series',
  id: number | string,
) {
  const { totalDocs } = await payload.count({
    collection,
    where: { id: { equals: id } },
    overrideAccess: false,
  })
  return totalDocs === 1
}

/** How many published versions the document has: one per publication. */
export async function publishedVersions(
  payload: Payload,
  collection: 'articles' | 'series',
  id: number | string,
) {
  const { totalDocs } = await payload.countVersions({
    collection,
    where: {
      and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }],
    },
  })
  return totalDocs
}
