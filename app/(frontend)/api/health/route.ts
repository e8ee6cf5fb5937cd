import { getPayloadClient } from '../../../../lib/payload'

export const dynamic = 'force-dynamic'

const TIMEOUT_MS = 2000

/** 200 when the database answers a query, 503 when it does not (or not in time). */
export async function GET() {
  const headers = { 'Cache-Control': 'no-store' }
  try {
    await Promise.race([
      getPayloadClient().then((payload) =>
        payload.count({ collection: 'articles', overrideAccess: false }),
      ),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS)),
    ])
    return Response.json({ status: 'ok' }, { headers })
  } catch {
    return Response.json({ status: 'unavailable' }, { status: 503, headers })
  }
}
