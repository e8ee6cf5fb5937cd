'use client'

import dynamic from 'next/dynamic'

/**
 * LivePreviewRefresh in its own chunk, fetched only when a preview renders it: the public
 * article and series pages import this wrapper, so readers never download the live preview's code.
 */
export const LazyLivePreviewRefresh = dynamic(
  () => import('./LivePreviewRefresh.client').then((m) => m.LivePreviewRefresh),
  { ssr: false },
)
