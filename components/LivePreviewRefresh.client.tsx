'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/**
 * In the admin's live preview (an iframe or pop-up of the same origin), tells the admin the page
 * is ready, then re-renders the server components each time the document is saved (autosave
 * every 2 s): the admin posts `payload-document-event` after each save (@payloadcms/ui
 * LivePreviewWindow). Messages from any other origin are ignored.
 */
export function LivePreviewRefresh() {
  const router = useRouter()

  useEffect(() => {
    const origin = window.location.origin
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== origin) return
      const data: unknown = event.data
      if (
        data &&
        typeof data === 'object' &&
        (data as { type?: unknown }).type === 'payload-document-event'
      ) {
        router.refresh()
      }
    }
    window.addEventListener('message', onMessage)
    const admin = window.opener ?? (window.parent !== window ? window.parent : null)
    admin?.postMessage({ type: 'payload-live-preview', ready: true }, origin)
    return () => window.removeEventListener('message', onMessage)
  }, [router])

  return null
}
