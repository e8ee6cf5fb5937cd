import type { CollectionAdminOptions } from 'payload'

import { previewHref } from '../../lib/routes'
import { isSlug } from '../../lib/slug'

/** The live preview's device sizes: a common phone and a laptop screen. */
export const PREVIEW_BREAKPOINTS = [
  { name: 'telephone', label: 'Téléphone (390 × 844)', width: 390, height: 844 },
  { name: 'ordinateur', label: 'Ordinateur (1280 × 800)', width: 1280, height: 800 },
]

/**
 * The admin's "Aperçu" button and live preview for a collection with reader pages: both open the
 * preview route (lib/preview.ts), which checks the session and shows the latest draft. Relative
 * URLs: the admin resolves them against its own origin, whose session cookie the route reads.
 */
export function previewAdmin(
  collection: 'articles' | 'series',
): Pick<CollectionAdminOptions, 'livePreview' | 'preview'> {
  // The saved document's slug: the URL changes with it, so the live preview follows a new address.
  const urlFor = (doc: Record<string, unknown>) =>
    isSlug(doc.slug) ? previewHref({ collection, slug: doc.slug }) : null
  return {
    preview: (doc) => urlFor(doc),
    livePreview: { url: ({ data }) => urlFor(data), breakpoints: PREVIEW_BREAKPOINTS },
  }
}
