/**
 * Runs once when the Next.js server boots: initialises Payload with its job crons (so a
 * scheduled publication fires even if nobody opens the admin; none start when JOBS_RUNNER
 * leaves the jobs to `npm run worker`, see lib/jobs-runner.ts) and, on a fresh development
 * database, creates the demo content.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  if (process.env.NEXT_PHASE === 'phase-production-build') return
  const [{ getPayload }, { default: config }, { ensureDemoContent }, { watchDatabaseFile }] =
    await Promise.all([
      import('payload'),
      import('@payload-config'),
      import('./seed'),
      import('./lib/sqlite-file'),
    ])
  const payload = await getPayload({ config, cron: true })
  // A database file moved away and back: reconnect to it (lib/sqlite-file.ts).
  watchDatabaseFile(payload)
  if (process.env.NODE_ENV !== 'production') await ensureDemoContent(payload)
}
