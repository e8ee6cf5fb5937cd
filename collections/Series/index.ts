import type { CollectionConfig } from 'payload'

import { parisTimezoneField } from '../../lib/time'
import { isEditor, isStaffUser, publishedOrStaff } from '../shared/access'
import { slugField } from '../shared/fields'
import { previewAdmin } from '../shared/preview'
import { scheduleFields } from '../shared/schedule'
import { revalidateDeletedSeries, revalidateSeries } from './hooks'

export const Series: CollectionConfig = {
  slug: 'series',
  labels: { singular: 'Série', plural: 'Séries' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'platform', 'releaseAt', '_status', 'scheduledPublishAt'],
    ...previewAdmin('series'),
  },
  access: {
    read: publishedOrStaff,
    readVersions: ({ req }) => isStaffUser(req.user),
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  versions: {
    maxPerDoc: 20,
    drafts: { autosave: { interval: 2000 }, schedulePublish: true },
  },
  hooks: {
    afterChange: [revalidateSeries],
    afterDelete: [revalidateDeletedSeries],
  },
  fields: [
    { name: 'title', label: 'Titre', type: 'text', required: true, maxLength: 200 },
    slugField('title'),
    { name: 'synopsis', label: 'Synopsis', type: 'textarea', required: true, maxLength: 2000 },
    {
      type: 'row',
      fields: [
        { name: 'platform', label: 'Plateforme', type: 'text', required: true, maxLength: 120 },
        {
          name: 'productionCompany',
          label: 'Société de production',
          type: 'text',
          maxLength: 200,
        },
      ],
    },
    { name: 'poster', label: 'Affiche', type: 'upload', relationTo: 'media' },
    {
      name: 'releaseAt',
      label: 'Sortie',
      type: 'date',
      required: true,
      timezone: parisTimezoneField,
      admin: {
        date: { pickerAppearance: 'dayAndTime', timeIntervals: 1 },
        description: 'Date et heure de mise en ligne de tous les épisodes (heure de Paris).',
      },
    },
    {
      name: 'trialOffer',
      label: "Offre d'essai (lien d'affiliation)",
      type: 'relationship',
      relationTo: 'affiliate-links',
    },
    {
      name: 'episodes',
      label: 'Épisodes',
      type: 'array',
      labels: { singular: 'Épisode', plural: 'Épisodes' },
      admin: { initCollapsed: true },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'number', label: 'Numéro', type: 'number', required: true, min: 1, max: 999 },
            { name: 'title', label: 'Titre', type: 'text', maxLength: 200 },
            {
              name: 'durationMinutes',
              label: 'Durée (minutes)',
              type: 'number',
              required: true,
              min: 1,
              max: 600,
            },
          ],
        },
        { name: 'synopsis', label: 'Synopsis', type: 'textarea', maxLength: 1000 },
        {
          name: 'releaseAt',
          label: 'Sortie propre (si différente de la série)',
          type: 'date',
          timezone: { ...parisTimezoneField, required: false },
          admin: { date: { pickerAppearance: 'dayAndTime', timeIntervals: 1 } },
        },
      ],
    },
    ...scheduleFields(),
  ],
}
