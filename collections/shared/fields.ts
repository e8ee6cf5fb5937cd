import type { Field, TextField } from 'payload'

import { isSlug, slugify, SLUG_MAX_LENGTH } from '../../lib/slug'

/**
 * A unique URL slug derived from another field (the title) when left empty, editable by hand.
 */
export function slugField(from = 'title', overrides: Partial<TextField> = {}): Field {
  return {
    name: 'slug',
    type: 'text',
    required: true,
    unique: true,
    index: true,
    maxLength: SLUG_MAX_LENGTH,
    admin: {
      position: 'sidebar',
      description: {
        fr: 'Adresse de la page. Laisser vide pour la tirer du titre.',
        en: 'Page address. Leave empty to derive it from the title.',
      },
    },
    hooks: {
      beforeValidate: [
        ({ value, data }) => {
          if (typeof value === 'string' && value.trim() !== '') return slugify(value)
          const source = data?.[from]
          return typeof source === 'string' ? slugify(source) : value
        },
      ],
    },
    validate: (value: unknown) =>
      isSlug(value) ||
      'Le slug ne peut contenir que des lettres minuscules, des chiffres et des tirets.',
    ...overrides,
  } as Field
}

/** An https URL, validated the same way in the admin, REST and the Local API. */
export function validateHttpsUrl(value: unknown): true | string {
  if (typeof value !== 'string' || value.trim() === '') return 'Une adresse est requise.'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return "Cette adresse n'est pas une URL valide."
  }
  if (url.protocol !== 'https:') return "L'adresse doit commencer par https://."
  if (url.username || url.password) return "L'adresse ne peut pas contenir d'identifiants."
  return true
}
