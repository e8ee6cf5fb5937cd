import type { CollectionConfig, Field } from 'payload'

import { parisDisplayTimezone } from '../../lib/time'
import { isAdmin, isEditor, isEditorUser, nobody } from '../shared/access'

/** French labels for the fields of Payload's jobs collection that editors look at. */
const LABELS: Record<string, string> = {
  input: 'Paramètres',
  completedAt: 'Terminée le',
  totalTried: 'Tentatives',
  hasError: 'En échec',
  error: 'Erreur',
  log: 'Journal',
  taskSlug: 'Tâche',
  queue: 'File',
  waitUntil: 'Prévue pour',
  processing: 'En cours',
}

/** What editors read for each task slug in the list. */
const TASK_LABELS: Record<string, string> = {
  schedulePublish: 'Publication programmée',
  expireCacheTags: 'Rafraîchissement du cache',
  inline: 'Tâche en ligne',
}

/** Payload writes these dates itself: show them in Paris time like every other date. */
const PARIS_DATES = new Set(['completedAt', 'waitUntil'])

function relabel(field: Field): Field {
  if (field.type === 'tabs') {
    return {
      ...field,
      tabs: field.tabs.map((tab) => ({ ...tab, fields: tab.fields.map(relabel) })),
    }
  }
  if (!('name' in field)) return field
  const label = LABELS[field.name]
  const withLabel = label ? { ...field, label } : field
  if (withLabel.type === 'select' && withLabel.name === 'taskSlug') {
    return {
      ...withLabel,
      options: withLabel.options.map((option) => {
        const value = typeof option === 'string' ? option : option.value
        return { value, label: TASK_LABELS[value] ?? value }
      }),
    }
  }
  if (withLabel.type === 'date' && PARIS_DATES.has(withLabel.name)) {
    return { ...withLabel, timezone: parisDisplayTimezone }
  }
  return withLabel
}

type JobInput = {
  type?: string | null
  doc?: { relationTo?: string; value?: unknown } | null
  tags?: unknown
}

const COLLECTION_NAMES: Record<string, string> = { articles: 'l’article', series: 'la série' }

/** "Publier l’article n° 12", "Dépublier la série n° 3", "Pages : articles, series". */
export function describeJob(taskSlug: unknown, input: JobInput | null | undefined): string {
  if (taskSlug === 'schedulePublish') {
    const doc = input?.doc
    if (!doc?.relationTo || doc.value == null) return 'Aucun document (programmation supprimée)'
    const verb = input?.type === 'unpublish' ? 'Dépublier' : 'Publier'
    const name = COLLECTION_NAMES[doc.relationTo] ?? doc.relationTo
    return `${verb} ${name} n° ${String(doc.value)}`
  }
  if (Array.isArray(input?.tags)) return `Pages : ${input.tags.join(', ')}`
  return ''
}

/** A column saying what a job does, computed from its parameters (stored nowhere). */
const summaryField: Field = {
  name: 'summary',
  label: 'Objet',
  type: 'text',
  virtual: true,
  admin: { readOnly: true },
  hooks: {
    afterRead: [
      ({ siblingData }) =>
        describeJob(
          (siblingData as { taskSlug?: unknown }).taskSlug,
          (siblingData as { input?: JobInput }).input,
        ),
    ],
  },
}

/**
 * Claim of a run, written by the schedulePublish guard (schedule-publish.ts): the attempt
 * number and a random token of the runner that won it.
 */
export const claimFields: Field[] = [
  {
    name: 'claimedAttempt',
    type: 'number',
    admin: { hidden: true },
  },
  {
    name: 'claimToken',
    type: 'text',
    admin: { hidden: true },
  },
]

/**
 * Payload's jobs collection (`payload-jobs`), shown to editors under "Rédaction": upcoming
 * schedules, failures and retries, read-only. Jobs are queued and updated by Payload itself,
 * never through this collection's API; only an admin may correct or remove one by hand.
 */
export function jobsCollectionOverrides({
  defaultJobsCollection,
}: {
  defaultJobsCollection: CollectionConfig
}): CollectionConfig {
  return {
    ...defaultJobsCollection,
    labels: { singular: 'Tâche planifiée', plural: 'Tâches planifiées' },
    admin: {
      ...defaultJobsCollection.admin,
      group: 'Rédaction',
      hidden: ({ user }) => !isEditorUser(user as Parameters<typeof isEditorUser>[0]),
      useAsTitle: 'taskSlug',
      defaultColumns: ['taskSlug', 'summary', 'waitUntil', 'completedAt', 'hasError', 'totalTried'],
      description:
        'Publications et dépublications programmées, rafraîchissements du cache : à venir, faites ou en échec.',
    },
    access: {
      read: isEditor,
      create: nobody,
      update: isAdmin,
      delete: isAdmin,
    },
    defaultSort: '-waitUntil',
    fields: [summaryField, ...defaultJobsCollection.fields.map(relabel), ...claimFields],
  }
}
