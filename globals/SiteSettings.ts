import type { GlobalConfig } from 'payload'

import { anyone, isEditor } from '../collections/shared/access'
import { validateHttpsUrl } from '../collections/shared/fields'
import { refreshLogoVisibility } from '../collections/shared/media-visibility'
import { PARIS_TIMESTAMPS } from '../collections/shared/paris-dates'
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
  label: { fr: 'Réglages du site', en: 'Site settings' },
  access: { read: anyone, update: isEditor },
  admin: { components: { elements: { beforeDocumentControls: [PARIS_TIMESTAMPS] } } },
  hooks: { afterChange: [refreshLogoVisibility, expireGlobalOnChange([tags.settings])] },
  fields: [
    {
      name: 'publicationName',
      label: { fr: 'Nom de la publication', en: 'Publication name' },
      type: 'text',
      required: true,
      maxLength: 80,
    },
    { name: 'tagline', label: { fr: 'Signature', en: 'Tagline' }, type: 'text', maxLength: 200 },
    {
      name: 'logo',
      label: { fr: 'Logo', en: 'Logo' },
      type: 'upload',
      relationTo: 'media',
      admin: {
        description: {
          fr: 'Carré, au moins 112 × 112 px : les moteurs de recherche le montrent comme éditeur des articles.',
          en: 'Square, at least 112 × 112 px: search engines show it as the articles’ publisher.',
        },
      },
    },
    {
      name: 'membership',
      label: { fr: 'Appel à l’adhésion', en: 'Membership appeal' },
      type: 'group',
      fields: [
        {
          name: 'offerName',
          label: { fr: "Nom de l'offre", en: 'Offer name' },
          type: 'text',
          required: true,
          maxLength: 60,
        },
        {
          name: 'title',
          label: { fr: 'Titre', en: 'Title' },
          type: 'text',
          required: true,
          maxLength: 200,
        },
        {
          name: 'reasons',
          label: { fr: 'Raisons (exactement trois)', en: 'Reasons (exactly three)' },
          type: 'array',
          required: true,
          minRows: 3,
          maxRows: 3,
          fields: [
            {
              name: 'text',
              label: { fr: 'Raison', en: 'Reason' },
              type: 'text',
              required: true,
              maxLength: 300,
            },
          ],
        },
        {
          name: 'buttonLabel',
          label: { fr: 'Bouton', en: 'Button' },
          type: 'text',
          required: true,
          maxLength: 60,
        },
        {
          name: 'buttonUrl',
          label: { fr: 'Lien du bouton', en: 'Button link' },
          type: 'text',
          required: true,
          maxLength: 500,
          validate: validateLinkTarget,
        },
      ],
    },
    {
      name: 'newsletter',
      label: { fr: 'Lettre d’information', en: 'Newsletter' },
      type: 'group',
      fields: [
        {
          name: 'name',
          label: { fr: 'Nom de la lettre', en: 'Newsletter name' },
          type: 'text',
          required: true,
          maxLength: 80,
        },
        {
          name: 'pitch',
          label: { fr: 'Accroche', en: 'Pitch' },
          type: 'textarea',
          required: true,
          maxLength: 500,
        },
      ],
    },
    {
      name: 'affiliateDisclosure',
      label: { fr: 'Mention des liens d’affiliation', en: 'Affiliate link disclosure' },
      type: 'group',
      fields: [
        {
          name: 'text',
          label: { fr: 'Texte', en: 'Text' },
          type: 'textarea',
          required: true,
          maxLength: 500,
        },
        {
          name: 'explanationUrl',
          label: { fr: "Page d'explication", en: 'Explanation page' },
          type: 'text',
          required: true,
          maxLength: 500,
          validate: validateLinkTarget,
        },
      ],
    },
    {
      name: 'meterEnabled',
      label: { fr: 'Afficher le compteur de lecture', en: 'Show the reading meter' },
      type: 'checkbox',
      defaultValue: true,
    },
  ],
}
