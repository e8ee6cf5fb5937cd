/**
 * CSV (RFC 4180) for spreadsheets. A cell that a spreadsheet would read as a formula (starting
 * with = + - @, a tab or a carriage return) is prefixed with an apostrophe, so an address or a
 * page typed by a stranger cannot run anything in the editor's spreadsheet (OWASP, CSV injection).
 */

export type CsvValue = string | number | boolean | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const csvRow = (values: readonly CsvValue[]) => values.map(csvCell).join(',')

/** Lines end with CRLF as the RFC says; the BOM makes spreadsheet programs read UTF-8. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]) {
  return `\uFEFF${[csvRow(header), ...rows.map(csvRow)].join('\r\n')}\r\n`
}
