import { findLiveAffiliateLink, recordClick, shouldCount } from '../../../../lib/affiliate'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ slug: string }> }

// Every answer depends on the link's state at this moment and on who asks: never cache it.
const UNCACHED = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex, nofollow' }

/** 302 to the stored URL of a live affiliate link (counting real clicks), 404 for anything else. */
async function follow(request: Request, { params }: Context): Promise<Response> {
  const link = await findLiveAffiliateLink((await params).slug)
  if (!link) {
    const body = request.method === 'HEAD' ? null : 'Lien introuvable.'
    return new Response(body, {
      status: 404,
      headers: { ...UNCACHED, 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  if (shouldCount(request)) await recordClick(link, request)
  return new Response(null, {
    status: 302,
    headers: {
      ...UNCACHED,
      Location: link.url,
      // The merchant learns which site sent the reader, not which article they were reading.
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    },
  })
}

export async function GET(request: Request, context: Context): Promise<Response> {
  return follow(request, context)
}

export async function HEAD(request: Request, context: Context): Promise<Response> {
  return follow(request, context)
}
