import path from 'node:path'

import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

import { redisUrlFrom } from './lib/env'

// Next's cache shared by every instance on Redis when REDIS_URL is set (lib/next-cache-handler.mjs);
// the standalone image always ships the handler, which falls back to Next's own cache at run time.
const sharedCache =
  redisUrlFrom(process.env) !== undefined || process.env.NEXT_OUTPUT === 'standalone'

const nextConfig: NextConfig = {
  // The Docker image ships Next's standalone server; `npm start` runs the ordinary build.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  poweredByHeader: false,
  cacheHandler: sharedCache ? path.resolve('lib/next-cache-handler.mjs') : undefined,
  // `npm run bench` builds with KIOSQUE_BENCH_BUILD=1: its static yardstick page is a `page.bench.tsx`.
  pageExtensions:
    process.env.KIOSQUE_BENCH_BUILD === '1'
      ? ['bench.tsx', 'tsx', 'ts', 'jsx', 'js']
      : ['tsx', 'ts', 'jsx', 'js'],
  // @touch4it/ical-timezones reads its zone files beside its code: keep it unbundled, ship Paris.
  serverExternalPackages: ['@touch4it/ical-timezones'],
  outputFileTracingIncludes: {
    // The social images read their fonts from disk (lib/og-image.tsx).
    '/articles/*/opengraph-image': [
      './node_modules/@fontsource/source-serif-4/files/*-normal.woff',
    ],
    '/series/*/opengraph-image': ['./node_modules/@fontsource/source-serif-4/files/*-normal.woff'],
    '/series/*/calendar.ics': ['./node_modules/@touch4it/ical-timezones/zones/Europe/Paris.ics'],
  },
  images: {
    // Media are served by Payload from the same origin.
    localPatterns: [{ pathname: '/api/media/file/**' }],
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
