import { draftMode } from 'next/headers'

import { getPayloadClient } from '../../../lib/payload'
import { decidePreview, type PreviewDecision } from '../../../lib/preview'

export const dynamic = 'force-dynamic'

// Who is asking decides the answer: never cache it, never index it.
const PRIVATE = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex, nofollow' }

const REFUSALS = {
  invalid: { status: 400, text: 'Cette adresse d’aperçu n’est pas valide.' },
  anonymous: { status: 401, text: 'Connectez-vous à l’administration pour voir cet aperçu.' },
  forbidden: { status: 403, text: 'Votre compte ne permet pas de prévisualiser les brouillons.' },
  'not-found': { status: 404, text: 'Ce document n’existe pas ou vous ne pouvez pas le lire.' },
} as const

function refuse(decision: Exclude<PreviewDecision, { outcome: 'enable' }>): Response {
  const { status, text } = REFUSALS[decision.outcome]
  // loginHref is built from the validated query only (lib/preview.ts): nothing to escape.
  const login =
    decision.outcome === 'anonymous'
      ? `<p><a href="${decision.loginHref}">Se connecter</a></p>`
      : ''
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Aperçu</title></head><body><h1>Aperçu impossible</h1><p>${text}</p>${login}<p><a href="/">Retour à l’accueil</a></p></body></html>`
  return new Response(html, {
    status,
    headers: { ...PRIVATE, 'Content-Type': 'text/html; charset=utf-8' },
  })
}

/**
 * /preview?collection=articles|series&slug=… (or &id=…): for a logged-in journalist, editor or
 * admin who may read the document, turns draft mode on and redirects to its page.
 */
export async function GET(request: Request): Promise<Response> {
  const payload = await getPayloadClient()
  const decision = await decidePreview(new URL(request.url).searchParams, {
    payload,
    headers: request.headers,
  })
  if (decision.outcome !== 'enable') return refuse(decision)
  ;(await draftMode()).enable()
  return new Response(null, { status: 307, headers: { ...PRIVATE, Location: decision.location } })
}
