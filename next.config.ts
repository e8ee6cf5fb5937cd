import path from 'node:path'

import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

import { redisUrlFrom } from './lib/env'

// lib/next-cache-handler.mjs reads REDIS_URL before the app's own checks run: check it first.
redisUrlFrom(process.env)

const nextConfig: NextConfig = {
  // The Docker image ships Next's standalone server; `npm start` runs the ordinary build.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  poweredByHeader: false,
  // Next hashes every HTML answer for its ETag, in JavaScript, on every request, cached pages
  // included: 11 % of the server's CPU on a 24 KB page served from the cache, 16 % on a 47 KB
  // one (CPU profile of `next start` under autocannon). Browsers then revalidate by downloading
  // the page again, which the proxy in front (deploy/nginx.conf) makes cheap.
  generateEtags: false,
  // Next's cache (lib/next-cache-handler.mjs): on Redis when REDIS_URL is set (shared by every
  // instance), on disk otherwise; either way each cached page carries its script hashes for the
  // Content-Security-Policy, and one instance keeps 404s in a bounded memory. Headers: proxy.ts.
  cacheHandler: path.resolve('lib/next-cache-handler.mjs'),
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
