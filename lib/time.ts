/** The newsroom's time zone: every date a reader or an editor sees is Paris time. */
export const NEWSROOM_TIME_ZONE = 'Europe/Paris'

export const parisTimezoneField = {
  defaultTimezone: NEWSROOM_TIME_ZONE,
  supportedTimezones: [{ label: 'Paris', value: NEWSROOM_TIME_ZONE }],
  required: true,
}
