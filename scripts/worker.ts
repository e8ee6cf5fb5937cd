/*
 * `npm run worker`: runs the jobs queue (scheduled publication, cache expiry) every second, for
 * deployments whose app servers leave it to a separate process (JOBS_RUNNER=worker on both).
 * SIGTERM or SIGINT: no new job starts, the running ones finish, then the process exits.
 */
import config from '@payload-config'
import { getPayload } from 'payload'

import { env } from '../lib/env'
import { declareJobsProcess, JOBS_CRON, stopJobCrons } from '../lib/jobs-runner'

const { JOBS_RUNNER } = env()
if (JOBS_RUNNER !== 'worker') {
  console.error(
    `JOBS_RUNNER is "${JOBS_RUNNER}": the worker only runs with JOBS_RUNNER=worker, set for the app servers too (they then leave the jobs to it).`,
  )
  process.exit(1)
}

declareJobsProcess('worker')
const payload = await getPayload({ config, cron: true })
payload.logger.info(`jobs worker ${process.pid}: running the queue (cron "${JOBS_CRON}")`)

const stopped = new Promise<number>((resolve) => {
  let stopping = false
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    payload.logger.info(`${signal}: letting the running jobs finish`)
    const finished = await stopJobCrons(payload)
    if (!finished) payload.logger.error('jobs still running after 30 s: stopping anyway')
    await payload.destroy()
    payload.logger.info('jobs worker stopped')
    resolve(finished ? 0 : 1)
  }
  process.once('SIGTERM', (signal) => void stop(signal))
  process.once('SIGINT', (signal) => void stop(signal))
})

// `payload run` exits as soon as this module settles: settle only once stopped.
process.exit(await stopped)
