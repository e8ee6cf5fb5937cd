import type { FieldHook } from 'payload'

import { slugify, SLUG_MAX_LENGTH } from '../../lib/slug'

/** How many "-2", "-3"… suffixes to try before leaving the clash to the unique index. */
const MAX_SUFFIX = 50

/**
 * The author page slug. A typed one is normalised (the unique index refuses one already
 * taken); an empty one is drawn from the name, with "-2", "-3"… when two people share a name.
 * A save that does not send the slug keeps the current one, so a new display name does not
 * break links already given out; an account saved before it had a slug gets one then.
 */
export const userSlug: FieldHook = async ({ value, data, originalDoc, req }) => {
  if (typeof value === 'string' && value.trim() !== '') return slugify(value)
  if (value === undefined && originalDoc?.slug) return undefined
  const name = data?.name ?? originalDoc?.name
  const base = typeof name === 'string' ? slugify(name) : ''
  if (!base) return null
  for (let n = 1; n <= MAX_SUFFIX; n += 1) {
    const suffix = n === 1 ? '' : `-${n}`
    const candidate = `${base.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`
    const { totalDocs } = await req.payload.count({
      collection: 'users',
      where: {
        slug: { equals: candidate },
        ...(originalDoc?.id !== undefined ? { id: { not_equals: originalDoc.id } } : {}),
      },
      overrideAccess: true,
      req,
    })
    if (totalDocs === 0) return candidate
  }
  return base
}
