import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'
import path from 'node:path'

const nextConfig: NextConfig = {
  // The Docker image ships Next's standalone server; `npm start` runs the ordinary build.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  poweredByHeader: false,
  // Next's file-system cache, plus each cached page's script hashes for its Content-Security-Policy
  // and a bounded memory for 404s (cache-handler.mjs). Security headers are set in proxy.ts.
  cacheHandler: path.join(process.cwd(), 'cache-handler.mjs'),
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
