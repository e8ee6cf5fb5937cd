import type { SelectField } from 'payload'

/** The newsroom's time zone: every date a reader or an editor sees is Paris time. */
export const NEWSROOM_TIME_ZONE = 'Europe/Paris'

export const parisTimezoneField = {
  defaultTimezone: NEWSROOM_TIME_ZONE,
  supportedTimezones: [{ label: 'Paris', value: NEWSROOM_TIME_ZONE }],
  required: true,
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
