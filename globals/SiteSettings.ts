import type { GlobalConfig } from 'payload'

import { anyone, isEditor } from '../collections/shared/access'
import { validateHttpsUrl } from '../collections/shared/fields'
import { expireGlobalOnChange } from '../collections/shared/revalidate'
import { tags } from '../lib/cache-tags'

/** A site path ("/soutenir") or an https URL. */
function validateLinkTarget(value: unknown): true | string {
  if (typeof value === 'string' && /^\/(?!\/)[\w\-./?=&#%]*$/.test(value)) return true
  const https = validateHttpsUrl(value)
  return https === true ? true : 'Indiquez un chemin du site (/…) ou une adresse https://.'
}

export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: 'Réglages du site',
  access: { read: anyone, update: isEditor },
  hooks: { afterChange: [expireGlobalOnChange([tags.settings])] },
  fields: [
    {
      name: 'publicationName',
      label: 'Nom de la publication',
      type: 'text',
      required: true,
      maxLength: 80,
    },
    { name: 'tagline', label: 'Signature', type: 'text', maxLength: 200 },
    {
      name: 'logo',
      label: 'Logo',
      type: 'upload',
      relationTo: 'media',
      admin: {
        description:
          'Carré, au moins 112 × 112 px : les moteurs de recherche le montrent comme éditeur des articles.',
      },
    },
    {
      name: 'membership',
      label: 'Appel à l’adhésion',
      type: 'group',
      fields: [
        { name: 'offerName', label: "Nom de l'offre", type: 'text', required: true, maxLength: 60 },
        { name: 'title', label: 'Titre', type: 'text', required: true, maxLength: 200 },
        {
          name: 'reasons',
          label: 'Raisons (exactement trois)',
          type: 'array',
          required: true,
          minRows: 3,
          maxRows: 3,
          fields: [{ name: 'text', label: 'Raison', type: 'text', required: true, maxLength: 300 }],
        },
        { name: 'buttonLabel', label: 'Bouton', type: 'text', required: true, maxLength: 60 },
        {
          name: 'buttonUrl',
          label: 'Lien du bouton',
          type: 'text',
          required: true,
          maxLength: 500,
          validate: validateLinkTarget,
        },
      ],
    },
    {
      name: 'newsletter',
      label: 'Lettre d’information',
      type: 'group',
      fields: [
        { name: 'name', label: 'Nom de la lettre', type: 'text', required: true, maxLength: 80 },
        { name: 'pitch', label: 'Accroche', type: 'textarea', required: true, maxLength: 500 },
      ],
    },
    {
      name: 'affiliateDisclosure',
      label: 'Mention des liens d’affiliation',
      type: 'group',
      fields: [
        { name: 'text', label: 'Texte', type: 'textarea', required: true, maxLength: 500 },
        {
          name: 'explanationUrl',
          label: "Page d'explication",
          type: 'text',
          required: true,
          maxLength: 500,
          validate: validateLinkTarget,
        },
      ],
    },
    {
      name: 'meterEnabled',
      label: 'Afficher le compteur de lecture',
      type: 'checkbox',
      defaultValue: true,
    },
  ],
}
