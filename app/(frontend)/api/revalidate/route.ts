import { z } from 'zod'

import { isCacheTag } from '../../../../lib/cache-tags'
import {
  answerOnceExpired,
  expireTagsInRequest,
  isRevalidationKey,
} from '../../../../lib/revalidate'

export const dynamic = 'force-dynamic'

const bodySchema = z.object({
  tags: z.array(z.string().refine(isCacheTag, 'not a cache tag')).min(1).max(200),
})

const noStore = { 'Cache-Control': 'no-store' }

/** Expires cache tags for processes that are outside a Next.js request (jobs, scripts). */
export async function POST(request: Request) {
  const auth = request.headers.get('authorization')
  if (!isRevalidationKey(auth?.startsWith('Bearer ') ? auth.slice(7) : null)) {
    return Response.json({ error: 'unauthorized' }, { status: 401, headers: noStore })
  }
  const parsed = bodySchema.safeParse(await request.json().catch(() => null))
  if (!parsed.success) {
    return Response.json(
      { error: 'invalid body', issues: parsed.error.issues.map((i) => i.message) },
      { status: 400, headers: noStore },
    )
  }
  expireTagsInRequest(parsed.data.tags)
  return answerOnceExpired({ revalidated: parsed.data.tags })
}
