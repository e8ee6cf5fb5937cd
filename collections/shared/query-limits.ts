import { APIError, type CollectionBeforeOperationHook, type CollectionConfig } from 'payload'

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

/**
 * Query operators every database adapter implements on our fields. Payload also accepts `all`,
 * `near`, `within` and `intersects`, but the SQL adapters have no function for them on ordinary
 * fields (`adapter.operators[queryOperator] is not a function`, a 500 found by
 * tests/routes/bad-input.test.ts) and no collection here has a point field.
 */
const API_OPERATORS = new Set([
  'equals',
  'not_equals',
  'in',
  'not_in',
  'like',
  'not_like',
  'contains',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
])

const REFUSED_OPERATORS = new Set(['all', 'near', 'within', 'intersects'])

type Leaf = { field: string; operator: string; value: unknown }

/**
 * Every condition of a `where` tree, or 'refused' when one uses an operator outside
 * API_OPERATORS. A nested path written as objects (`where[a][b][equals]`) is walked further.
 */
function conditions(where: unknown, field = '', depth = 0): Leaf[] | 'refused' {
  if (!where || typeof where !== 'object' || depth > 20) return []
  const leaves: Leaf[] = []
  for (const [key, value] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      for (const branch of Array.isArray(value) ? value : [value]) {
        const found = conditions(branch, '', depth + 1)
        if (found === 'refused') return found
        leaves.push(...found)
      }
      continue
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue
    const path = field ? `${field}.${key}` : key
    for (const [operator, operand] of Object.entries(value)) {
      if (API_OPERATORS.has(operator)) {
        leaves.push({ field: path, operator, value: operand })
      } else if (REFUSED_OPERATORS.has(operator)) {
        return 'refused'
      } else if (operand && typeof operand === 'object' && !Array.isArray(operand)) {
        const found = conditions({ [operator]: operand }, path, depth + 1)
        if (found === 'refused') return found
        leaves.push(...found)
      } else {
        return 'refused'
      }
    }
  }
  return leaves
}

type FieldKinds = { dates: Set<string>; numbers: Set<string>; relations: Set<string> }

/** The names of every date, number and relationship field of the config, at any depth. */
const fieldKinds = new WeakMap<object, FieldKinds>()
function fieldKindsOf(config: { collections: { fields: unknown[] }[] }): FieldKinds {
  let kinds = fieldKinds.get(config)
  if (kinds) return kinds
  const found: FieldKinds = {
    dates: new Set(['createdAt', 'updatedAt']),
    numbers: new Set(),
    relations: new Set(['id', 'parent']),
  }
  const visit = (fields: unknown[]) => {
    for (const field of fields as Record<string, unknown>[]) {
      if (typeof field.name === 'string') {
        if (field.type === 'date') found.dates.add(field.name)
        if (field.type === 'number') found.numbers.add(field.name)
        if (field.type === 'relationship' || field.type === 'upload') {
          found.relations.add(field.name)
        }
      }
      if (Array.isArray(field.fields)) visit(field.fields)
      for (const nested of [field.tabs, field.blocks]) {
        if (Array.isArray(nested)) {
          for (const part of nested as { fields?: unknown[] }[]) visit(part.fields ?? [])
        }
      }
    }
  }
  for (const collection of config.collections) visit(collection.fields)
  kinds = found
  fieldKinds.set(config, kinds)
  return kinds
}

const NO_VALUE = new Set(['', 'null'])
const isDate = (value: string) => NO_VALUE.has(value) || !Number.isNaN(new Date(value).getTime())
const isNumber = (value: string) => NO_VALUE.has(value) || Number.isFinite(Number(value))

/**
 * A condition whose value the SQL adapters cannot bind: a date that is no date (turned into
 * `undefined`) or a number, or a numeric id, that is no number (NaN), which libsql refuses with a
 * 500 (both found by tests/routes/bad-input.test.ts).
 */
function isUnbindable(leaf: Leaf, kinds: FieldKinds, numericIds: boolean): boolean {
  const name = leaf.field.split('.').at(-1) ?? ''
  if (leaf.operator === 'exists' || leaf.operator === 'like' || leaf.operator === 'not_like') {
    return false
  }
  const check = kinds.dates.has(name)
    ? isDate
    : kinds.numbers.has(name) || (numericIds && kinds.relations.has(name))
      ? isNumber
      : null
  if (!check) return false
  const values =
    leaf.operator === 'in' || leaf.operator === 'not_in'
      ? typeof leaf.value === 'string'
        ? leaf.value.split(',')
        : Array.isArray(leaf.value)
          ? leaf.value
          : [leaf.value]
      : [leaf.value]
  return values.some((value) => typeof value === 'string' && !check(value))
}

/**
 * Refuses, with a 400, API queries the database adapter cannot run: unsupported operators,
 * dates and numbers that are not. Nothing the client sent is repeated in the answer.
 */
export const refuseUnsupportedQueries: CollectionBeforeOperationHook = ({ args, req }) => {
  if (req.payloadAPI === 'local') return args
  const found = conditions((args as { where?: unknown }).where)
  if (found === 'refused') {
    throw new APIError('Opérateur de requête non pris en charge.', 400, null, true)
  }
  const kinds = fieldKindsOf(req.payload.config as never)
  const numericIds = req.payload.db.defaultIDType === 'number'
  if (found.some((leaf) => isUnbindable(leaf, kinds, numericIds))) {
    throw new APIError('Valeur invalide dans la requête.', 400, null, true)
  }
  return args
}

/** Adds the cap and the operator check to a collection's own beforeOperation hooks. */
export function withApiLimits(collection: CollectionConfig): CollectionConfig {
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [
        capApiLimit,
        refuseUnsupportedQueries,
        ...(collection.hooks?.beforeOperation ?? []),
      ],
    },
  }
}
