import type { CollectionConfig, Field } from 'payload'

/** The list cell that shows a date in Paris time (admin/ParisDateCell.tsx, in the import map). */
export const PARIS_DATE_CELL = '/admin/ParisDateCell'

/** The document header's "last modified" and "created", in Paris time (admin/ParisTimestamps). */
export const PARIS_TIMESTAMPS = '/admin/ParisTimestamps#ParisTimestamps'

type DateField = Extract<Field, { type: 'date' }>

const withCell = (field: DateField): DateField =>
  field.admin?.components?.Cell
    ? field
    : {
        ...field,
        admin: {
          ...field.admin,
          components: { ...field.admin?.components, Cell: PARIS_DATE_CELL },
        },
      }

/** Payload's own timestamp fields (same settings as it adds them), so that they get the cell too. */
const timestamp = (name: 'createdAt' | 'updatedAt'): DateField => ({
  name,
  type: 'date',
  index: true,
  label: ({ t }) => t(name === 'createdAt' ? 'general:createdAt' : 'general:updatedAt'),
  admin: { disableBulkEdit: true, hidden: true },
})

/**
 * Every date column of a collection's list view in Paris time, whatever the browser's zone:
 * its top-level date fields and its timestamps use ParisDateCell; the edit view's header shows
 * its timestamps in Paris time too.
 */
export function withParisDates(collection: CollectionConfig): CollectionConfig {
  const fields = collection.fields.map((field) => (field.type === 'date' ? withCell(field) : field))
  if (collection.timestamps !== false) {
    for (const name of ['updatedAt', 'createdAt'] as const) {
      const named = (field: Field) => 'name' in field && field.name === name
      if (!fields.some(named)) fields.push(withCell(timestamp(name)))
    }
  }
  const edit = collection.admin?.components?.edit
  const admin: CollectionConfig['admin'] = {
    ...collection.admin,
    components: {
      ...collection.admin?.components,
      edit: {
        ...edit,
        beforeDocumentControls: [...(edit?.beforeDocumentControls ?? []), PARIS_TIMESTAMPS],
      },
    },
  }
  return { ...collection, fields, admin }
}
