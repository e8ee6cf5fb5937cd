import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'

import { dataDirFor, parseEnv, redisUrlFrom, trustedOrigins } from '../../lib/env'

const dir = mkdtempSync(path.join(tmpdir(), 'kiosque-env-'))
const base = { DATABASE_URI: `file:${dir}/kiosque.db` }

describe('parseEnv', () => {
  it('defaults to the embedded database, localhost and port 3000', () => {
    const env = parseEnv({ PAYLOAD_SECRET: 'x'.repeat(32) })
    expect(env.DATABASE_URI).toBe('file:./data/kiosque.db')
    expect(env.SITE_URL).toBe('http://localhost:3000')
    expect(env.PORT).toBe(3000)
  })

  it('refuses a database URI it cannot serve, naming the variable and the accepted forms', () => {
    expect(() => parseEnv({ DATABASE_URI: 'postgres://db/kiosque' })).toThrow(
      /DATABASE_URI: must start with "file:".*"mongodb:\/\/"/,
    )
  })

  it('refuses a relative SITE_URL and a port out of range', () => {
    expect(() => parseEnv({ ...base, SITE_URL: 'kiosque.test' })).toThrow(/SITE_URL/)
    expect(() => parseEnv({ ...base, PORT: '70000' })).toThrow(/PORT/)
  })

  it('follows PORT for the default SITE_URL', () => {
    expect(parseEnv({ ...base, PORT: '3200' }).SITE_URL).toBe('http://localhost:3200')
    expect(parseEnv({ ...base, SITE_URL: 'https://rouages.example/' }).SITE_URL).toBe(
      'https://rouages.example',
    )
  })

  it('wants https in production, except on a loopback address', () => {
    const production = { ...base, NODE_ENV: 'production', PAYLOAD_SECRET: 'x'.repeat(32) }
    expect(() => parseEnv({ ...production, SITE_URL: 'http://rouages.example' })).toThrow(
      /SITE_URL: must be an https URL in production/,
    )
    expect(parseEnv({ ...production, SITE_URL: 'https://rouages.example' }).SITE_URL).toBe(
      'https://rouages.example',
    )
    expect(parseEnv({ ...production, SITE_URL: 'http://127.0.0.1:3200' }).SITE_URL).toBe(
      'http://127.0.0.1:3200',
    )
    expect(parseEnv(production).SITE_URL).toBe('http://localhost:3000')
  })

  it('trusts the site origin, and every loopback name of a local one', () => {
    expect(trustedOrigins('https://rouages.example/edition')).toEqual(['https://rouages.example'])
    expect(trustedOrigins('http://localhost:3200')).toEqual([
      'http://localhost:3200',
      'http://127.0.0.1:3200',
      'http://[::1]:3200',
    ])
  })

  it('requires PAYLOAD_SECRET in production', () => {
    expect(() => parseEnv({ ...base, NODE_ENV: 'production' })).toThrow(
      /PAYLOAD_SECRET: required in production/,
    )
  })

  it('does not ask for a secret while `next build` collects routes', () => {
    const env = parseEnv({ ...base, NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' })
    expect(env.PAYLOAD_SECRET.length).toBeGreaterThanOrEqual(32)
  })

  it('generates a development secret once and keeps it beside the database', () => {
    const first = parseEnv({ ...base, NODE_ENV: 'development' })
    const second = parseEnv({ ...base, NODE_ENV: 'development' })
    expect(first.PAYLOAD_SECRET).toMatch(/^[0-9a-f]{64}$/)
    expect(second.PAYLOAD_SECRET).toBe(first.PAYLOAD_SECRET)
    expect(first.DATA_DIR).toBe(dir)
  })

  it('reads the app servers to tell about cache expiry, and refuses anything but origins', () => {
    expect(parseEnv({ ...base, PAYLOAD_SECRET: 'x'.repeat(32) }).REVALIDATE_URLS).toBeUndefined()
    expect(
      parseEnv({ ...base, REVALIDATE_URLS: 'http://10.0.0.2:3000, http://app-b:3000/' })
        .REVALIDATE_URLS,
    ).toEqual(['http://10.0.0.2:3000', 'http://app-b:3000'])
    expect(parseEnv({ ...base, REVALIDATE_URLS: '' }).REVALIDATE_URLS).toEqual([])
    expect(() => parseEnv({ ...base, REVALIDATE_URLS: 'ftp://x, http://a/b' })).toThrow(
      /REVALIDATE_URLS/,
    )
  })

  it('rejects a short secret', () => {
    expect(() => parseEnv({ ...base, PAYLOAD_SECRET: 'short' })).toThrow(/PAYLOAD_SECRET/)
  })

  it('keeps files beside the SQLite database, or in ./data with MongoDB', () => {
    expect(dataDirFor('file:/srv/kiosque/site.db')).toBe('/srv/kiosque')
    expect(dataDirFor('mongodb://db:27017/kiosque')).toBe(path.resolve('data'))
  })

  it('puts the files of a MongoDB site in DATA_DIR when given, and refuses it with SQLite', () => {
    const mongo = {
      DATABASE_URI: 'mongodb://db:27017/kiosque?replicaSet=rs0',
      PAYLOAD_SECRET: 'x'.repeat(32),
    }
    expect(parseEnv(mongo).DATA_DIR).toBe(path.resolve('data'))
    expect(parseEnv({ ...mongo, DATA_DIR: '/srv/kiosque-media' }).DATA_DIR).toBe(
      '/srv/kiosque-media',
    )
    expect(() => parseEnv({ ...base, DATA_DIR: '/srv/elsewhere' })).toThrow(
      /DATA_DIR: only with MongoDB/,
    )
  })
  it('runs the jobs in the app unless told the worker (or nothing) does, and names the choices', () => {
    expect(parseEnv({ ...base, PAYLOAD_SECRET: 'x'.repeat(32) }).JOBS_RUNNER).toBe('app')
    expect(parseEnv({ ...base, JOBS_RUNNER: 'worker' }).JOBS_RUNNER).toBe('worker')
    expect(parseEnv({ ...base, JOBS_RUNNER: 'none' }).JOBS_RUNNER).toBe('none')
    expect(() => parseEnv({ ...base, JOBS_RUNNER: 'cron' })).toThrow(
      /JOBS_RUNNER: must be one of app, worker, none/,
    )
  })
})

describe('REDIS_URL', () => {
  it('is optional: without it each instance keeps Next’s own cache', () => {
    expect(parseEnv(base).REDIS_URL).toBeUndefined()
    expect(redisUrlFrom({})).toBeUndefined()
  })

  it('accepts redis:// and rediss:// URLs, the same way for the app and next.config.ts', () => {
    expect(parseEnv({ ...base, REDIS_URL: 'redis://127.0.0.1:6379' }).REDIS_URL).toBe(
      'redis://127.0.0.1:6379',
    )
    expect(redisUrlFrom({ REDIS_URL: 'rediss://cache.example:6380/1' })).toBe(
      'rediss://cache.example:6380/1',
    )
  })

  it('refuses anything else, naming the variable', () => {
    expect(() => parseEnv({ ...base, REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(
      /REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/,
    )
    expect(() => redisUrlFrom({ REDIS_URL: '127.0.0.1:6379' })).toThrow(/REDIS_URL: must be/)
    expect(() => redisUrlFrom({ REDIS_URL: '' })).toThrow(/REDIS_URL/)
  })
})
