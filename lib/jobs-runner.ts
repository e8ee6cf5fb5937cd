/**
 * Who runs the jobs queue (scheduled publication, cache expiry) and how.
 *
 * Payload's own `autoRun` crons do the running, in whichever process is the runner named by
 * JOBS_RUNNER: the app server (`app`, the default, for a single instance) or `npm run worker`
 * (`worker`, when several app servers share a database). Every other process starts no cron,
 * even when the admin and REST routes ask for them (`getPayload({ cron: true })`).
 */
import type { Payload } from 'payload'

import { env, type JobsRunner } from './env'

/** Every second: a schedule fires within about a second of its time (the cron is the period). */
export const JOBS_CRON = '* * * * * *'
/**
 * Jobs claimed per tick; they run side by side (SQLite writes one at a time, about 0.1–0.3 s a
 * publication here). A bigger batch makes a job that falls due meanwhile wait for all of it.
 */
export const JOBS_PER_TICK = 10

type ProcessRole = Exclude<JobsRunner, 'none'>

let processRole: ProcessRole = 'app'

/** `npm run worker` declares itself before Payload starts; every other process is an app. */
export function declareJobsProcess(role: ProcessRole) {
  processRole = role
}

/** Whether this process is the one JOBS_RUNNER names to run the jobs queue. */
export function runsJobsHere(runner: JobsRunner = env().JOBS_RUNNER): boolean {
  return runner === processRole
}

/** A job still marked `processing` after this long was cut off (its process died mid-run). */
export const STALE_PROCESSING_MS = 5 * 60 * 1000

/**
 * Jobs whose runner died mid-run stay `processing` forever: Payload never claims them again.
 * A runner starting up hands back those untouched for STALE_PROCESSING_MS (a running job updates
 * its row at each step; a publication takes about a second), with their run claim cleared.
 */
export async function releaseStaleJobs(payload: Payload, now = Date.now()): Promise<number> {
  const { docs } = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { processing: { equals: true } },
        { completedAt: { exists: false } },
        { updatedAt: { less_than: new Date(now - STALE_PROCESSING_MS).toISOString() } },
      ],
    },
    pagination: false,
    depth: 0,
    select: { taskSlug: true },
  })
  for (const job of docs) {
    await payload.db.updateJobs({
      id: job.id,
      data: { processing: false, claimedAttempt: null, claimToken: null },
      returning: false,
    })
    payload.logger.warn(`job ${job.id} (${job.taskSlug}) was cut off mid-run: queued again`)
  }
  return docs.length
}

/**
 * The crons of `jobs.autoRun`: one every second on the default queue in the runner process,
 * none elsewhere. Croner's `protect` (set by Payload) skips a tick while the previous run is
 * still going, so one process never runs two batches at once. Payload calls this when it
 * starts its crons, so the runner first takes back the jobs a dead runner left claimed.
 */
export async function jobsAutoRun(payload: Payload) {
  if (!runsJobsHere()) return []
  await releaseStaleJobs(payload)
  return [{ cron: JOBS_CRON, queue: 'default', limit: JOBS_PER_TICK }]
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Stops the job crons and waits for the batch in progress to finish (Payload's `destroy` stops
 * the crons without waiting): a job is never cut off halfway, so it is neither lost nor left
 * claimed (`processing`) forever. Gives up waiting after `timeoutMs`.
 */
export async function stopJobCrons(payload: Payload, timeoutMs = 30_000): Promise<boolean> {
  const crons = [...payload.crons]
  for (const cron of crons) cron.pause()
  const deadline = Date.now() + timeoutMs
  while (crons.some((cron) => cron.isBusy())) {
    if (Date.now() > deadline) return false
    await sleep(50)
  }
  for (const cron of crons) cron.stop()
  payload.crons.splice(0, payload.crons.length)
  return true
}
