import ICAL from 'ical.js'

/** Parses an .ics as a calendar app would, its own VTIMEZONE registered for its TZIDs. */
export function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const zones = calendar.getAllSubcomponents('vtimezone')
  for (const zone of zones) ICAL.TimezoneService.register(zone)
  const events = calendar.getAllSubcomponents('vevent')
  return { calendar, zones, events, event: new ICAL.Event(events[0]) }
}
