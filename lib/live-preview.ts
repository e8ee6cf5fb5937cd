/**
 * The admin's live preview (an iframe or pop-up of the same origin) posts
 * `payload-document-event` after each save (@payloadcms/ui LivePreviewWindow): tell it the page
 * is ready, then call `onSave` for each of its saves. Messages from any other origin are ignored.
 * Returns the function that stops listening.
 */
export function listenToLivePreview(onSave: () => void): () => void {
  const origin = window.location.origin
  const onMessage = (event: MessageEvent) => {
    if (event.origin !== origin) return
    const data: unknown = event.data
    if (
      data &&
      typeof data === 'object' &&
      (data as { type?: unknown }).type === 'payload-document-event'
    ) {
      onSave()
    }
  }
  window.addEventListener('message', onMessage)
  const admin = window.opener ?? (window.parent !== window ? window.parent : null)
  admin?.postMessage({ type: 'payload-live-preview', ready: true }, origin)
  return () => window.removeEventListener('message', onMessage)
}
