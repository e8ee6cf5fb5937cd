import type { CollectionConfig, Where } from 'payload'

import { parisPicker, parisTimezoneField } from '../../lib/time'

import { isEditor, isEditorField, isStaffUser, nobodyField } from '../shared/access'
import { tags } from '../../lib/cache-tags'
import { slugField, validateHttpsUrl } from '../shared/fields'
import { expireOnChange } from '../shared/revalidate'
import { countClicks, deleteClicks } from './hooks'

const expireLinks = expireOnChange([tags.affiliateLinks])

/** An affiliate link readers may follow: switched on and not past its expiry. */
export function liveAffiliateLinkFilter(now: Date = new Date()): Where {
  return {
    and: [
      { active: { equals: true } },
      {
        or: [{ expiresAt: { exists: false } }, { expiresAt: { greater_than: now.toISOString() } }],
      },
    ],
  }
}

export const AffiliateLinks: CollectionConfig = {
  slug: 'affiliate-links',
  labels: {
    singular: { fr: "Lien d'affiliation", en: 'Affiliate link' },
    plural: { fr: "Liens d'affiliation", en: 'Affiliate links' },
  },
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'merchant', 'active', 'clicks', 'expiresAt'],
  },
  access: {
    read: ({ req }) => (isStaffUser(req.user) ? true : liveAffiliateLinkFilter()),
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  hooks: {
    beforeDelete: [deleteClicks],
    afterChange: [expireLinks.afterChange],
    afterDelete: [expireLinks.afterDelete],
  },
  fields: [
    {
      name: 'label',
      label: { fr: 'Libellé', en: 'Label' },
      type: 'text',
      required: true,
      maxLength: 200,
    },
    slugField('label'),
    {
      name: 'merchant',
      label: { fr: 'Marchand', en: 'Merchant' },
      type: 'text',
      required: true,
      maxLength: 120,
    },
    {
      name: 'url',
      label: { fr: 'Adresse de destination', en: 'Destination URL' },
      type: 'text',
      required: true,
      maxLength: 2000,
      validate: validateHttpsUrl,
    },
    {
      name: 'active',
      label: { fr: 'Actif', en: 'Active' },
      type: 'checkbox',
      defaultValue: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'expiresAt',
      label: { fr: 'Expire le', en: 'Expires on' },
      type: 'date',
      // An offer ends at a Paris time, whatever the zone of the editor's browser.
      timezone: { ...parisTimezoneField, required: false },
      admin: { position: 'sidebar', date: parisPicker },
    },
    {
      name: 'clicks',
      label: { fr: 'Clics', en: 'Clicks' },
      type: 'number',
      // Counted from affiliate-clicks on read: a stored counter cannot be incremented atomically.
      virtual: true,
      admin: { position: 'sidebar', readOnly: true },
      access: { read: isEditorField, create: nobodyField, update: nobodyField },
      hooks: { afterRead: [countClicks] },
    },
  ],
}
