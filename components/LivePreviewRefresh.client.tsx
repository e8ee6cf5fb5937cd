'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/**
 * In the admin's live preview, re-renders the server components each time the document is saved
 * (autosave every 2 s). The listener (lib/live-preview.ts) is a chunk of its own, imported only
 * when a preview renders this component: readers never download it.
 */
export function LivePreviewRefresh() {
  const router = useRouter()

  useEffect(() => {
    let stop: (() => void) | undefined
    let unmounted = false
    void import('../lib/live-preview').then(({ listenToLivePreview }) => {
      if (!unmounted) stop = listenToLivePreview(() => router.refresh())
    })
    return () => {
      unmounted = true
      stop?.()
    }
  }, [router])

  return null
}
