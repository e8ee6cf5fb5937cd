import type { CollectionConfig, Field } from 'payload'

/** The list cell that shows a date in Paris time (admin/ParisDateCell.tsx, in the import map). */
export const PARIS_DATE_CELL = '/admin/ParisDateCell'

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
 * its top-level date fields and its timestamps use ParisDateCell.
 */
export function withParisDates(collection: CollectionConfig): CollectionConfig {
  const fields = collection.fields.map((field) => (field.type === 'date' ? withCell(field) : field))
  if (collection.timestamps !== false) {
    for (const name of ['updatedAt', 'createdAt'] as const) {
      const named = (field: Field) => 'name' in field && field.name === name
      if (!fields.some(named)) fields.push(withCell(timestamp(name)))
    }
  }
  return { ...collection, fields }
}
