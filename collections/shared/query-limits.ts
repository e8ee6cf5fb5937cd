import type { CollectionBeforeOperationHook, CollectionConfig } from 'payload'

/** The most documents one REST or GraphQL read may return (the admin's largest page is 100). */
export const MAX_API_LIMIT = 100

/** How deep any request may populate relationships (reader pages need 2). */
export const MAX_DEPTH = 4

/** The most a single GraphQL query may cost (Payload's default is 1000). */
export const GRAPHQL_MAX_COMPLEXITY = 500

type ListArgs = { limit?: number; pagination?: boolean; page?: number }

const READS = new Set(['read', 'readDistinct'])

/**
 * Caps what one API request may ask for. Payload returns every document for `limit=0` or
 * `pagination=false` and has no maximum of its own, so a single anonymous request could read
 * a whole collection. Reads over REST and GraphQL get at most MAX_API_LIMIT documents per page;
 * the Local API (server code: reader queries, seed, jobs) is left as it asks.
 */
export const capApiLimit: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (req.payloadAPI === 'local' || !READS.has(operation)) return args
  const list = args as ListArgs
  if (!('limit' in list) && !('pagination' in list)) return args
  const asked = list.limit
  const limit =
    typeof asked === 'number' && Number.isFinite(asked) && asked > 0
      ? Math.min(Math.floor(asked), MAX_API_LIMIT)
      : asked === undefined && list.pagination !== false
        ? undefined
        : MAX_API_LIMIT
  return { ...args, limit, pagination: true }
}

/** Adds the cap to a collection's own beforeOperation hooks. */
export function withApiLimits(collection: CollectionConfig): CollectionConfig {
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [capApiLimit, ...(collection.hooks?.beforeOperation ?? [])],
    },
  }
}
