import type { CollectionConfig } from 'payload'

import { isEditor, isEditorField, isStaffUser, publishedOrStaff } from '../shared/access'
import { ARTICLE_CATEGORIES } from '../../lib/categories'
import { parisTimezoneField } from '../../lib/time'
import { slugField } from '../shared/fields'
import { previewAdmin } from '../shared/preview'
import { scheduleFields } from '../shared/schedule'
import { canCreateArticle, canUpdateArticle, canWriteStatus } from './access'
import { revalidateArticle, revalidateDeletedArticle, stampPublicationDate } from './hooks'
import { endReviewOnPublish, notifyEditorsOfReview, reviewStateField } from './review'

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: { singular: 'Article', plural: 'Articles' },
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
    drafts: { autosave: { interval: 2000 }, schedulePublish: true },
  },
  defaultSort: '-publishedAt',
  fields: [
    { name: 'title', label: 'Titre', type: 'text', required: true, maxLength: 200 },
    slugField('title'),
    {
      name: 'standfirst',
      label: 'Chapô',
      type: 'textarea',
      required: true,
      maxLength: 500,
    },
    { name: 'heroImage', label: "Image d'ouverture", type: 'upload', relationTo: 'media' },
    { name: 'body', label: 'Texte', type: 'richText', required: true },
    {
      name: 'authors',
      label: 'Auteurs',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      required: true,
      defaultValue: ({ user }) => (user ? [user.id] : undefined),
      admin: { position: 'sidebar' },
    },
    {
      name: 'category',
      label: 'Rubrique',
      type: 'select',
      required: true,
      defaultValue: 'mobilite',
      options: ARTICLE_CATEGORIES.map((c) => ({ ...c })),
      admin: { position: 'sidebar' },
    },
    {
      name: 'series',
      label: 'Série liée',
      type: 'relationship',
      relationTo: 'series',
      admin: { position: 'sidebar' },
    },
    reviewStateField,
    {
      name: 'publishedAt',
      label: 'Date de publication',
      type: 'date',
      index: true,
      // Optional like the date itself, which the first publication stamps.
      timezone: { ...parisTimezoneField, required: false },
      // The date readers see and feeds sort by is the editors' call, like publishing itself.
      access: { create: isEditorField, update: isEditorField },
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime', timeIntervals: 1 },
        description: 'Remplie automatiquement à la première publication.',
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
    beforeChange: [stampPublicationDate, endReviewOnPublish],
    afterChange: [revalidateArticle, notifyEditorsOfReview],
    afterDelete: [revalidateDeletedArticle],
  },
}
