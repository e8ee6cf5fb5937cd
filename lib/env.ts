import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { z } from 'zod'

/** Where the jobs queue runs: in the app server, in `npm run worker`, or nowhere. */
export const JOBS_RUNNERS = ['app', 'worker', 'none'] as const
export type JobsRunner = (typeof JOBS_RUNNERS)[number]

/** The development password of the demo users, documented in the README. */
export const DEV_SEED_PASSWORD = 'kiosque-demo'

export const redisUrlSchema = z
  .url({ protocol: /^rediss?$/, message: 'must be a redis:// or rediss:// URL' })
  .optional()

/**
 * REDIS_URL alone, for next.config.ts: Next loads the cache handler (lib/next-cache-handler.mjs),
 * which reads it, before anything else of the app.
 */
export function redisUrlFrom(source: Record<string, string | undefined>): string | undefined {
  const result = redisUrlSchema.safeParse(source.REDIS_URL)
  if (!result.success) {
    throw new Error(`Invalid environment:\n  - REDIS_URL: ${result.error.issues[0]?.message}`)
  }
  return result.data
}

export const envSchema = z.object({
  DATABASE_URI: z
    .string()
    .trim()
    .default('file:./data/kiosque.db')
    .refine((uri) => /^(file:|mongodb:\/\/|mongodb\+srv:\/\/)/.test(uri), {
      message:
        'must start with "file:" (embedded SQLite), "mongodb://" or "mongodb+srv://" (MongoDB)',
    }),
  PAYLOAD_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters long (generate one with `openssl rand -hex 32`)')
    .optional(),
  SITE_URL: z
    .url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' })
    .optional()
    .transform((url) => url?.replace(/\/+$/, '')),
  SEED_PASSWORD: z.string().min(8, 'must be at least 8 characters long').optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  REVALIDATE_URLS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined
      const urls = value
        .split(',')
        .map((url) => url.trim().replace(/\/+$/, ''))
        .filter(Boolean)
      for (const url of urls) {
        if (!/^https?:\/\/[^/\s]+$/.test(url)) {
          ctx.addIssue({ code: 'custom', message: `"${url}" is not an http(s) origin` })
        }
      }
      return urls
    }),
  /**
   * The Redis server that holds Next's cache, shared by every app instance (lib/next-cache-handler.mjs).
   * Unset: each instance keeps Next's own file and memory cache.
   */
  REDIS_URL: redisUrlSchema,
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, message: 'must be an smtp:// or smtps:// URL' })
    .optional(),
  EMAIL_FROM: z.email('must be an e-mail address').default('lettre@kiosque.test'),
  /**
   * Which process runs the jobs queue (scheduled publication, cache expiry): the app servers
   * (one instance), a separate `npm run worker`, or nothing automatic (tests).
   */
  JOBS_RUNNER: z
    .enum(JOBS_RUNNERS, { message: `must be one of ${JOBS_RUNNERS.join(', ')}` })
    .default('app'),
  /**
   * The caching proxy in front (deploy/nginx.conf) and the key it accepts in X-Kiosque-Refresh:
   * after a publication the changed pages are fetched through it again (lib/proxy-refresh.ts),
   * so readers do not wait for its micro-cache to expire. Both or neither.
   */
  PROXY_REFRESH_URL: z
    .url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL' })
    .optional()
    .transform((url) => url?.replace(/\/+$/, '')),
  PROXY_REFRESH_KEY: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{32,96}$/,
      'must be 32 to 96 letters, digits, - or _ (openssl rand -hex 32)',
    )
    .optional(),
  /**
   * With MongoDB, the folder of the media (and of the development secret) instead of ./data.
   * With SQLite they always live beside the database file, where backups look for them.
   */
  DATA_DIR: z.string().trim().min(1, 'must name a folder').optional(),
})

export type Env = Omit<z.infer<typeof envSchema>, 'PAYLOAD_SECRET' | 'SITE_URL' | 'DATA_DIR'> & {
  PAYLOAD_SECRET: string
  /** The public origin (and path prefix, if any) of the site, without a trailing slash. */
  SITE_URL: string
  /** Where this instance keeps its files: DATA_DIR (MongoDB), beside the SQLite file, or ./data. */
  DATA_DIR: string
}

/** The folder of the SQLite file for `file:` URIs, ./data otherwise. */
export function dataDirFor(databaseUri: string): string {
  if (!databaseUri.startsWith('file:')) return path.resolve('data')
  return path.dirname(path.resolve(databaseUri.slice('file:'.length)))
}

/** Reads the secret kept beside the embedded database, creating it on first use (development only). */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, '.payload-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The origins whose cookie-authenticated requests Payload accepts (its `csrf` list): the site's
 * own, and on a loopback site the same port under every loopback name, so that
 * http://127.0.0.1:3000 works as well as http://localhost:3000 on a developer's machine.
 */
export function trustedOrigins(siteUrl: string): string[] {
  const url = new URL(siteUrl)
  if (!LOOPBACK_HOSTS.has(url.hostname)) return [url.origin]
  return [...LOOPBACK_HOSTS].map(
    (host) => `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`,
  )
}

function isSecureOrLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url)
  return protocol === 'https:' || LOOPBACK_HOSTS.has(hostname)
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source)
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  - ${issue.path.join('.')}: ${issue.message}`,
    )
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  const env = result.data
  if (env.DATA_DIR && env.DATABASE_URI.startsWith('file:')) {
    throw new Error(
      'Invalid environment:\n  - DATA_DIR: only with MongoDB: with SQLite, files live beside the database file',
    )
  }
  if (Boolean(env.PROXY_REFRESH_URL) !== Boolean(env.PROXY_REFRESH_KEY)) {
    throw new Error(
      'Invalid environment:\n  - PROXY_REFRESH_URL, PROXY_REFRESH_KEY: set both (the proxy and its key) or neither',
    )
  }
  const dataDir = env.DATA_DIR ? path.resolve(env.DATA_DIR) : dataDirFor(env.DATABASE_URI)
  const isProduction = source.NODE_ENV === 'production'
  // `next build` evaluates the config to collect routes but serves nothing: it needs no secret.
  const isBuildPhase = source.NEXT_PHASE === 'phase-production-build'
  let secret = env.PAYLOAD_SECRET
  if (!secret) {
    if (isProduction && !isBuildPhase) {
      throw new Error(
        'Invalid environment:\n  - PAYLOAD_SECRET: required in production (generate one with `openssl rand -hex 32`)',
      )
    }
    secret = isBuildPhase
      ? 'build-phase-placeholder-secret-never-served'
      : developmentSecret(dataDir)
  }
  const siteUrl = env.SITE_URL ?? `http://localhost:${env.PORT}`
  // Login cookies are `Secure` on https only: a public production site must be served over https.
  if (isProduction && !isBuildPhase && !isSecureOrLoopback(siteUrl)) {
    throw new Error(
      `Invalid environment:\n  - SITE_URL: must be an https URL in production (got ${siteUrl}); plain http is accepted for localhost and 127.0.0.1 only`,
    )
  }
  return {
    ...env,
    SITE_URL: siteUrl,
    PAYLOAD_SECRET: secret,
    DATA_DIR: dataDir,
  }
}

let cached: Env | undefined

/** The validated environment, parsed once per process. */
export function env(): Env {
  cached ??= parseEnv()
  return cached
}
