import { draftMode } from 'next/headers'

import { exitLocation } from '../../../../lib/preview'

export const dynamic = 'force-dynamic'

/** /preview/exit?path=/articles/…: turns draft mode off and goes back to the public page. */
export async function GET(request: Request): Promise<Response> {
  ;(await draftMode()).disable()
  const location = await exitLocation(new URL(request.url).searchParams)
  return new Response(null, {
    status: 307,
    headers: { 'Cache-Control': 'private, no-store', Location: location },
  })
}
