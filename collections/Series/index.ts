import type { CollectionConfig } from 'payload'

import { parisPicker, parisTimezoneField } from '../../lib/time'
import { isEditor, isStaffUser, publishedOrStaff } from '../shared/access'
import { slugField } from '../shared/fields'
import { previewAdmin } from '../shared/preview'
import { scheduleFields } from '../shared/schedule'
import { imageVisibilityHooks } from '../shared/media-visibility'
import { revalidateDeletedSeries, revalidateSeries } from './hooks'

const images = imageVisibilityHooks('series')

export const Series: CollectionConfig = {
  slug: 'series',
  labels: { singular: { fr: 'Série', en: 'Series' }, plural: { fr: 'Séries', en: 'Series' } },
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
    drafts: {
      autosave: { interval: 2000 },
      // A 24-hour clock, as French newsrooms write times, to the minute (Payload: 12-hour, 5 min).
      schedulePublish: { timeFormat: 'HH:mm', timeIntervals: 1 },
    },
  },
  hooks: {
    beforeChange: [images.beforeChange],
    afterChange: [images.afterChange, revalidateSeries],
    afterDelete: [images.afterDelete, revalidateDeletedSeries],
  },
  fields: [
    {
      name: 'title',
      label: { fr: 'Titre', en: 'Title' },
      type: 'text',
      required: true,
      maxLength: 200,
    },
    slugField('title'),
    {
      name: 'synopsis',
      label: { fr: 'Synopsis', en: 'Synopsis' },
      type: 'textarea',
      required: true,
      maxLength: 2000,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'platform',
          label: { fr: 'Plateforme', en: 'Platform' },
          type: 'text',
          required: true,
          maxLength: 120,
        },
        {
          name: 'productionCompany',
          label: { fr: 'Société de production', en: 'Production company' },
          type: 'text',
          maxLength: 200,
        },
      ],
    },
    { name: 'poster', label: { fr: 'Affiche', en: 'Poster' }, type: 'upload', relationTo: 'media' },
    {
      name: 'releaseAt',
      label: { fr: 'Sortie', en: 'Release' },
      type: 'date',
      required: true,
      timezone: parisTimezoneField,
      admin: {
        date: parisPicker,
        description: {
          fr: 'Date et heure de mise en ligne de tous les épisodes (heure de Paris).',
          en: 'Date and time all episodes go online (Paris time).',
        },
      },
    },
    {
      name: 'trialOffer',
      label: { fr: "Offre d'essai (lien d'affiliation)", en: 'Trial offer (affiliate link)' },
      type: 'relationship',
      relationTo: 'affiliate-links',
    },
    {
      name: 'episodes',
      label: { fr: 'Épisodes', en: 'Episodes' },
      type: 'array',
      labels: {
        singular: { fr: 'Épisode', en: 'Episode' },
        plural: { fr: 'Épisodes', en: 'Episodes' },
      },
      admin: { initCollapsed: true },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'number',
              label: { fr: 'Numéro', en: 'Number' },
              type: 'number',
              required: true,
              min: 1,
              max: 999,
            },
            { name: 'title', label: { fr: 'Titre', en: 'Title' }, type: 'text', maxLength: 200 },
            {
              name: 'durationMinutes',
              label: { fr: 'Durée (minutes)', en: 'Duration (minutes)' },
              type: 'number',
              required: true,
              min: 1,
              max: 600,
            },
          ],
        },
        {
          name: 'synopsis',
          label: { fr: 'Synopsis', en: 'Synopsis' },
          type: 'textarea',
          maxLength: 1000,
        },
        {
          name: 'releaseAt',
          label: {
            fr: 'Sortie propre (si différente de la série)',
            en: 'Own release (if different from the series)',
          },
          type: 'date',
          timezone: { ...parisTimezoneField, required: false },
          admin: { date: parisPicker },
        },
      ],
    },
    ...scheduleFields(),
  ],
}
