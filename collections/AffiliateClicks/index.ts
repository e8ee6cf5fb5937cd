import type { CollectionConfig, TextFieldSingleValidation } from 'payload'
import { text } from 'payload/shared'

import { isAdmin, isEditor, isEditorUser, nobody } from '../shared/access'

/** Longest Referer path kept with a click. */
export const SOURCE_MAX_LENGTH = 500

/** A path on this site, or nothing; the text rules (maxLength) still apply. */
const validateSourcePath: TextFieldSingleValidation = (value, options) =>
  typeof value === 'string' && !value.startsWith('/')
    ? 'La page d’origine doit être un chemin du site.'
    : text(value, options)

/**
 * One document per counted click on /go/<slug>: creating a document is atomic on every database,
 * where incrementing a stored counter (read, add one, write) is not.
 */
export const AffiliateClicks: CollectionConfig = {
  slug: 'affiliate-clicks',
  labels: {
    singular: { fr: "Clic d'affiliation", en: 'Affiliate click' },
    plural: { fr: "Clics d'affiliation", en: 'Affiliate clicks' },
  },
  admin: {
    defaultColumns: ['link', 'createdAt', 'source'],
    hidden: ({ user }) => !isEditorUser(user as never),
  },
  access: {
    // Only the redirect route records clicks (with overrideAccess); nobody writes them over the API.
    create: nobody,
    read: isEditor,
    update: nobody,
    delete: isAdmin,
  },
  fields: [
    {
      name: 'link',
      label: { fr: "Lien d'affiliation", en: 'Affiliate link' },
      type: 'relationship',
      relationTo: 'affiliate-links',
      required: true,
      index: true,
    },
    {
      name: 'source',
      label: { fr: "Page d'origine", en: 'Source page' },
      type: 'text',
      maxLength: SOURCE_MAX_LENGTH,
      validate: validateSourcePath,
      admin: {
        description: {
          fr: 'Chemin de la page du site où le lien a été suivi.',
          en: 'Path of the site page where the link was followed.',
        },
      },
    },
  ],
}
