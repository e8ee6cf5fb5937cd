import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
  PayloadRequest,
} from 'payload'

import { afterCommit } from '../../lib/after-commit'
import { expireTags } from '../../lib/revalidate'

/**
 * Request context key for writes that need no cache expiry: the first seed of an empty
 * development database, when nothing is cached and the server to tell is still booting.
 */
export const SKIP_CACHE_EXPIRY = 'kiosqueSkipCacheExpiry'

/** Expires cache tags once the change is committed, so no reader can re-cache the old state. */
export async function expireAfterCommit(req: PayloadRequest, list: string[]) {
  if (list.length === 0 || req.context?.[SKIP_CACHE_EXPIRY] === true) return
  await afterCommit(req, () =>
    expireTags(list, { log: (message) => req.payload.logger.warn(message) }),
  )
}

type Doc = { _status?: string | null; slug?: string | null }

/** Whether readers could see the document before or after the change. */
export const touchesPublic = (doc: Doc | undefined, previous: Doc | undefined) =>
  doc?._status === 'published' || previous?._status === 'published'

/** A hook pair that expires fixed tags on any change or deletion (links, media, users). */
export function expireOnChange(list: string[]): {
  afterChange: CollectionAfterChangeHook
  afterDelete: CollectionAfterDeleteHook
} {
  return {
    afterChange: async ({ req, doc }) => {
      await expireAfterCommit(req, list)
      return doc
    },
    afterDelete: async ({ req, doc }) => {
      await expireAfterCommit(req, list)
      return doc
    },
  }
}

export function expireGlobalOnChange(list: string[]): GlobalAfterChangeHook {
  return async ({ req, doc }) => {
    await expireAfterCommit(req, list)
    return doc
  }
}
