import type { CollectionConfig, Field } from 'payload'
import { email as validEmail } from 'payload/shared'

import { isAdmin, isAdminField, isEditor, isEditorUser, nobodyField } from '../shared/access'
import { exportSubscribersEndpoint } from './export'
import { normaliseEmail, stampConsentTime } from './hooks'

export const Subscribers: CollectionConfig = {
  slug: 'subscribers',
  labels: { singular: 'Abonné à la lettre', plural: 'Abonnés à la lettre' },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'status', 'consentAt', 'sourcePage'],
    hidden: ({ user }) => !isEditorUser(user as never),
    components: { beforeListTable: ['/admin/SubscribersExport#SubscribersExport'] },
  },
  access: {
    // Readers sign up through the newsletter form (lib/newsletter.ts, which answers the same for
    // every address); the API is no second door that would tell a known address from a new one.
    create: isAdmin,
    // Editors read and export the list; only admins change it.
    read: isEditor,
    update: isAdmin,
    delete: isAdmin,
  },
  endpoints: [exportSubscribersEndpoint],
  fields: [
    {
      name: 'email',
      label: 'E-mail',
      type: 'email',
      required: true,
      unique: true,
      index: true,
      validate: (value: null | string | undefined, options) =>
        typeof value === 'string' && value.length > 254
          ? 'Cette adresse e-mail est trop longue.'
          : validEmail(value, options),
      hooks: { beforeValidate: [normaliseEmail] },
    },
    {
      name: 'status',
      label: 'Statut',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      options: [
        { label: 'En attente de confirmation', value: 'pending' },
        { label: 'Confirmé', value: 'confirmed' },
        { label: 'Désabonné', value: 'unsubscribed' },
      ],
      // A sign-up always starts pending: only the confirmation flow or an admin moves it on.
      access: { create: isAdminField, update: isAdminField },
    },
    {
      name: 'consentText',
      label: 'Texte du consentement affiché',
      type: 'textarea',
      required: true,
      maxLength: 1000,
    },
    {
      name: 'consentAt',
      label: 'Consentement donné le',
      type: 'date',
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
      hooks: { beforeChange: [stampConsentTime] },
    },
    {
      name: 'confirmedAt',
      label: 'Confirmé le',
      type: 'date',
      access: { create: nobodyField, update: nobodyField },
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'unsubscribedAt',
      label: 'Désabonné le',
      type: 'date',
      access: { create: nobodyField, update: nobodyField },
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    // Tokens are stored hashed and only ever written by lib/newsletter.ts: nobody reads them.
    ...['confirmTokenHash', 'unsubscribeTokenHash'].map((name): Field => ({
      name,
      type: 'text',
      index: true,
      maxLength: 64,
      access: { read: nobodyField, create: nobodyField, update: nobodyField },
      admin: { hidden: true },
    })),
    {
      name: 'confirmTokenExpiresAt',
      type: 'date',
      access: { read: nobodyField, create: nobodyField, update: nobodyField },
      admin: { hidden: true },
    },
    {
      name: 'sourcePage',
      label: "Page d'inscription",
      type: 'text',
      maxLength: 500,
    },
  ],
}
