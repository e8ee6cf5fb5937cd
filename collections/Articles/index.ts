import type { CollectionConfig } from 'payload'

import { isEditor, isEditorField, isStaffUser, publishedOrStaff } from '../shared/access'
import { ARTICLE_CATEGORIES } from '../../lib/categories'
import { parisPicker, parisTimezoneField } from '../../lib/time'
import { slugField } from '../shared/fields'
import { previewAdmin } from '../shared/preview'
import { scheduleFields } from '../shared/schedule'
import { canCreateArticle, canUpdateArticle, canWriteStatus } from './access'
import { revalidateArticle, revalidateDeletedArticle, stampPublicationDate } from './hooks'
import { articleImagesField, imageVisibilityHooks } from '../shared/media-visibility'
import { endReviewOnPublish, notifyEditorsOfReview, reviewStateField } from './review'

const images = imageVisibilityHooks('articles')

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: {
    singular: { fr: 'Article', en: 'Article' },
    plural: { fr: 'Articles', en: 'Articles' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: [
      'title',
      '_status',
      'reviewState',
      'scheduledPublishAt',
      'authors',
      'publishedAt',
      'updatedAt',
    ],
    ...previewAdmin('articles'),
  },
  access: {
    read: publishedOrStaff,
    readVersions: ({ req }) => isStaffUser(req.user),
    create: canCreateArticle,
    // Also what a version restore, a bulk edit and a GraphQL update are checked against.
    update: canUpdateArticle,
    delete: isEditor,
  },
  versions: {
    maxPerDoc: 50,
    drafts: {
      autosave: { interval: 2000 },
      // A 24-hour clock, as French newsrooms write times, to the minute (Payload: 12-hour, 5 min).
      schedulePublish: { timeFormat: 'HH:mm', timeIntervals: 1 },
    },
  },
  defaultSort: '-publishedAt',
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
      name: 'standfirst',
      label: { fr: 'Chapô', en: 'Standfirst' },
      type: 'textarea',
      required: true,
      maxLength: 500,
    },
    {
      name: 'heroImage',
      label: { fr: "Image d'ouverture", en: 'Hero image' },
      type: 'upload',
      relationTo: 'media',
    },
    { name: 'body', label: { fr: 'Texte', en: 'Text' }, type: 'richText', required: true },
    articleImagesField,
    {
      name: 'authors',
      label: { fr: 'Auteurs', en: 'Authors' },
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      required: true,
      defaultValue: ({ user }) => (user ? [user.id] : undefined),
      admin: { position: 'sidebar' },
    },
    {
      name: 'category',
      label: { fr: 'Rubrique', en: 'Section' },
      type: 'select',
      required: true,
      defaultValue: 'mobilite',
      options: ARTICLE_CATEGORIES.map((c) => ({ ...c })),
      admin: { position: 'sidebar' },
    },
    {
      name: 'series',
      label: { fr: 'Série liée', en: 'Related series' },
      type: 'relationship',
      relationTo: 'series',
      admin: { position: 'sidebar' },
    },
    reviewStateField,
    {
      name: 'publishedAt',
      label: { fr: 'Date de publication', en: 'Publication date' },
      type: 'date',
      index: true,
      // Optional like the date itself, which the first publication stamps.
      timezone: { ...parisTimezoneField, required: false },
      // The date readers see and feeds sort by is the editors' call, like publishing itself.
      access: { create: isEditorField, update: isEditorField },
      admin: {
        position: 'sidebar',
        date: parisPicker,
        description: {
          fr: 'Remplie automatiquement à la première publication.',
          en: 'Filled in automatically at first publication.',
        },
      },
    },
    // Payload's own status field, merged with this declaration (its options are kept, arrays
    // concatenate): only editors may write "published".
    {
      name: '_status',
      type: 'select',
      options: [],
      access: { create: canWriteStatus, update: canWriteStatus },
    },
    ...scheduleFields(),
  ],
  hooks: {
    beforeChange: [stampPublicationDate, endReviewOnPublish, images.beforeChange],
    afterChange: [images.afterChange, revalidateArticle, notifyEditorsOfReview],
    afterDelete: [images.afterDelete, revalidateDeletedArticle],
  },
}
