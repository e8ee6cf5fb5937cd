/**
 * Payload's scheduled publication task (`schedulePublish`), made to retry and to run once.
 *
 * Payload adds the task itself while it sanitizes the config, with no retries (one failure, and
 * the schedule is dead) and relying on the runner's claim alone. That claim is a find then an
 * update of `processing`: atomic on SQLite (one IMMEDIATE transaction), not on MongoDB, where
 * two runners that tick in the same second can both claim a due job; `runByID` does not check
 * `processing` at all. The guard below makes each attempt of a job run once whatever the runners.
 */
import { randomUUID } from 'node:crypto'

import type { Payload, SanitizedConfig, TaskConfig, Where } from 'payload'

export const SCHEDULE_PUBLISH_TASK = 'schedulePublish'

/** Up to three retries, 2 s, 4 s then 8 s after a failure (a busy database, a failover). */
export const SCHEDULE_PUBLISH_RETRIES = {
  attempts: 3,
  backoff: { type: 'exponential' as const, delay: 2000 },
}

type JobRef = { id: number | string; totalTried?: number | null }

/**
 * Claims an attempt of a job for this runner: a conditional update that only matches while
 * nobody holds this attempt and the job is not done (atomic per document on MongoDB, inside a
 * write transaction on SQLite), then a read of whose token stayed. True for exactly one caller
 * per attempt.
 */
export async function claimJobAttempt(payload: Payload, job: JobRef): Promise<boolean> {
  const attempt = (job.totalTried ?? 0) + 1
  const token = randomUUID()
  const where: Where = {
    and: [
      { id: { equals: job.id } },
      // A job already done is never run again (Payload also skips a task logged as done).
      { completedAt: { exists: false } },
      { or: [{ claimedAttempt: { exists: false } }, { claimedAttempt: { less_than: attempt } }] },
    ],
  }
  // As Payload's own job updates: a transaction except on MongoDB, whose update is atomic.
  const transactionID =
    payload.db.name === 'mongoose' ? undefined : await payload.db.beginTransaction()
  try {
    await payload.db.updateJobs({
      where,
      data: { claimedAttempt: attempt, claimToken: token },
      req: { transactionID: transactionID ?? undefined },
      returning: false,
    })
    if (transactionID) await payload.db.commitTransaction(transactionID)
  } catch (error) {
    if (transactionID) await payload.db.rollbackTransaction(transactionID)
    throw error
  }
  const current = await payload.db.findOne<{ id: number | string; claimToken?: string | null }>({
    collection: 'payload-jobs',
    where: { id: { equals: job.id } },
  })
  return current?.claimToken === token
}

/**
 * Gives Payload's schedulePublish task its retries and the run-once guard. Applied to the
 * sanitized config, the only place the task exists.
 */
export function configureScheduledPublishing(config: SanitizedConfig): SanitizedConfig {
  const task = config.jobs.tasks?.find((candidate) => candidate.slug === SCHEDULE_PUBLISH_TASK)
  if (!task) return config
  const handler = task.handler
  if (typeof handler !== 'function') {
    throw new Error('The schedulePublish task of Payload no longer has a function handler')
  }
  const guarded: TaskConfig['handler'] = async (args) => {
    if (!(await claimJobAttempt(args.req.payload, args.job))) {
      args.req.payload.logger.warn(
        `job ${args.job.id}: attempt already claimed elsewhere, or job done: not publishing twice`,
      )
      return { output: { skipped: true } }
    }
    return handler(args)
  }
  task.retries = SCHEDULE_PUBLISH_RETRIES
  task.handler = guarded
  return config
}
