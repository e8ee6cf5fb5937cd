import { getPayloadClient } from '../../../../lib/payload'
import { checkDatabaseFile } from '../../../../lib/sqlite-file'

export const dynamic = 'force-dynamic'

const TIMEOUT_MS = 2000

/** 200 when the database answers a query, 503 when it does not (or not in time). */
export async function GET() {
  const headers = { 'Cache-Control': 'no-store' }
  try {
    await Promise.race([
      getPayloadClient().then(async (payload) => {
        // An open connection can still read a file that was moved away: ask the path too.
        if ((await checkDatabaseFile(payload)) === 'missing') throw new Error('no database file')
        return payload.count({ collection: 'articles', overrideAccess: false })
      }),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS)),
    ])
    return Response.json({ status: 'ok' }, { headers })
  } catch {
    return Response.json({ status: 'unavailable' }, { status: 503, headers })
  }
}
