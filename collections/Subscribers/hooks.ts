import type { FieldHook } from 'payload'

/** One address, one row: e-mails are stored trimmed and lower-cased. */
export const normaliseEmail: FieldHook = ({ value }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value

/** The moment of consent is the server's, never the client's. */
export const stampConsentTime: FieldHook = ({ operation, value }) =>
  operation === 'create' ? new Date().toISOString() : value
