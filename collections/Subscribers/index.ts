import type { CollectionConfig, Field } from 'payload'

import { parisPicker, parisTimezoneField } from '../../lib/time'
import { email as validEmail } from 'payload/shared'

import { isAdmin, isAdminField, isEditor, isEditorUser, nobodyField } from '../shared/access'
import { exportSubscribersEndpoint } from './export'
import { normaliseEmail, stampConsentTime } from './hooks'

export const Subscribers: CollectionConfig = {
  slug: 'subscribers',
  labels: {
    singular: { fr: 'Abonné à la lettre', en: 'Newsletter subscriber' },
    plural: { fr: 'Abonnés à la lettre', en: 'Newsletter subscribers' },
  },
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
      label: { fr: 'E-mail', en: 'E-mail' },
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
      label: { fr: 'Statut', en: 'Status' },
      type: 'select',
      required: true,
      defaultValue: 'pending',
      options: [
        {
          label: { fr: 'En attente de confirmation', en: 'Awaiting confirmation' },
          value: 'pending',
        },
        { label: { fr: 'Confirmé', en: 'Confirmed' }, value: 'confirmed' },
        { label: { fr: 'Désabonné', en: 'Unsubscribed' }, value: 'unsubscribed' },
      ],
      // A sign-up always starts pending: only the confirmation flow or an admin moves it on.
      access: { create: isAdminField, update: isAdminField },
    },
    {
      name: 'consentText',
      label: { fr: 'Texte du consentement affiché', en: 'Consent text shown' },
      type: 'textarea',
      required: true,
      maxLength: 1000,
    },
    {
      name: 'consentAt',
      label: { fr: 'Consentement donné le', en: 'Consent given on' },
      type: 'date',
      // Shown in Paris time in the form too (the list shows Paris time anyway).
      timezone: { ...parisTimezoneField, required: false },
      admin: { readOnly: true, date: parisPicker },
      hooks: { beforeChange: [stampConsentTime] },
    },
    {
      name: 'confirmedAt',
      label: { fr: 'Confirmé le', en: 'Confirmed on' },
      type: 'date',
      access: { create: nobodyField, update: nobodyField },
      timezone: { ...parisTimezoneField, required: false },
      admin: { readOnly: true, position: 'sidebar', date: parisPicker },
    },
    {
      name: 'unsubscribedAt',
      label: { fr: 'Désabonné le', en: 'Unsubscribed on' },
      type: 'date',
      access: { create: nobodyField, update: nobodyField },
      timezone: { ...parisTimezoneField, required: false },
      admin: { readOnly: true, position: 'sidebar', date: parisPicker },
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
      label: { fr: "Page d'inscription", en: 'Sign-up page' },
      type: 'text',
      maxLength: 500,
    },
  ],
}
