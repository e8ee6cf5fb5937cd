import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { env } from '../../lib/env'

import { tags } from '../../lib/cache-tags'
import type { Access } from 'payload'

import { isEditor, isStaff, isStaffUser, nobodyField } from '../shared/access'
import { expireOnChange } from '../shared/revalidate'

const expireMedia = expireOnChange([tags.media])

/** Raster images only: no SVG (it can carry script) and nothing that is not a picture. */
export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif']
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

/** Staff see every image; readers only those a published page uses (shared/media-visibility). */
const staffOrInPublishedUse: Access = ({ req }) =>
  isStaffUser(req.user) ? true : { visibleToReaders: { equals: true } }

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: { fr: 'Image', en: 'Image' }, plural: { fr: 'Images', en: 'Images' } },
  access: {
    read: staffOrInPublishedUse,
    create: isStaff,
    update: isEditor,
    delete: isEditor,
  },
  admin: { useAsTitle: 'alt' },
  hooks: { afterChange: [expireMedia.afterChange], afterDelete: [expireMedia.afterDelete] },
  upload: {
    staticDir: path.join(env().DATA_DIR, 'media'),
    mimeTypes: IMAGE_MIME_TYPES,
    focalPoint: true,
    imageSizes: [
      { name: 'card', width: 640, height: 360, position: 'centre' },
      { name: 'hero', width: 1600, height: 900, position: 'centre' },
      // Search engines show an article's picture in 16:9 (hero), 4:3 and 1:1: cropped at the
      // focal point the editor sets.
      { name: 'fourThree', width: 1200, height: 900 },
      { name: 'square', width: 1200, height: 1200 },
    ],
    adminThumbnail: 'card',
  },
  fields: [
    {
      name: 'alt',
      label: { fr: 'Texte alternatif', en: 'Alternative text' },
      type: 'text',
      required: true,
      maxLength: 300,
      admin: {
        description: {
          fr: "Ce que l'image montre, pour les lecteurs qui ne la voient pas.",
          en: 'What the image shows, for readers who cannot see it.',
        },
      },
    },
    { name: 'credit', label: { fr: 'Crédit', en: 'Credit' }, type: 'text', maxLength: 200 },
    {
      name: 'visibleToReaders',
      label: { fr: 'Visible des lecteurs', en: 'Visible to readers' },
      type: 'checkbox',
      defaultValue: false,
      // Set by the hooks of the documents that use the image, never by a request.
      access: { create: nobodyField, update: nobodyField },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: {
          fr: 'Une image devient visible des lecteurs quand une page publiée l’utilise (article, série, logo), pas avant.',
          en: 'An image becomes visible to readers once a published page uses it (article, series, logo), not before.',
        },
      },
    },
  ],
}
