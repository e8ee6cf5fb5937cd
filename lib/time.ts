import type { SelectField } from 'payload'

/** The newsroom's time zone: every date a reader or an editor sees is Paris time. */
export const NEWSROOM_TIME_ZONE = 'Europe/Paris'

export const parisTimezoneField = {
  defaultTimezone: NEWSROOM_TIME_ZONE,
  supportedTimezones: [{ label: 'Paris', value: NEWSROOM_TIME_ZONE }],
  required: true,
}

/**
 * How the admin's date pickers show and take a date and time: 24-hour clock, any minute, the
 * same pattern everywhere ("13 déc. 2024 09:00"). The zone is the field's own (Paris).
 */
export const parisPicker = {
  pickerAppearance: 'dayAndTime',
  displayFormat: 'd MMM yyyy HH:mm',
  timeFormat: 'HH:mm',
  timeIntervals: 1,
} as const

const adminFormats = new Map<string, Intl.DateTimeFormat>()

/**
 * A date as the admin shows it in lists: Paris wall-clock time whatever the browser's zone,
 * in the admin's language ("13 déc. 2024, 09:00" / "13 Dec 2024, 09:00"). Empty for no date.
 */
export function adminDateTime(value: unknown, language: string): string {
  if (value === null || value === undefined || value === '') return ''
  const date = value instanceof Date ? value : new Date(value as string | number)
  if (Number.isNaN(date.getTime())) return ''
  const locale = language === 'en' ? 'en-GB' : 'fr-FR'
  let format = adminFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: NEWSROOM_TIME_ZONE,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    })
    adminFormats.set(locale, format)
  }
  return format.format(date)
}

/**
 * For a date field whose value is computed (virtual, or written by Payload itself): the admin
 * shows it in Paris time through a `_tz` companion that is stored nowhere and always reads
 * Paris. Without it, the admin formats such dates in the browser's zone.
 */
export const parisDisplayTimezone = {
  defaultTimezone: NEWSROOM_TIME_ZONE,
  supportedTimezones: [{ label: 'Paris', value: NEWSROOM_TIME_ZONE }],
  override: ({ baseField }: { baseField: SelectField }): SelectField => ({
    ...baseField,
    virtual: true,
    hooks: { afterRead: [() => NEWSROOM_TIME_ZONE] },
  }),
}
