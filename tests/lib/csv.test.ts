import { describe, expect, it } from '@jest/globals'

import { csvCell, csvDocument } from '../../lib/csv'

describe('csvCell', () => {
  it('writes plain text and numbers as they are, and nothing for a missing value', () => {
    expect(csvCell('lecteur@exemple.fr')).toBe('lecteur@exemple.fr')
    expect(csvCell(42)).toBe('42')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
  })

  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('dit "oui"')).toBe('"dit ""oui"""')
    expect(csvCell('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"')
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"')
  })

  it.each(['=1+1', '+33 6 12', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'defuses %j, which a spreadsheet would read as a formula',
    (value) => {
      const cell = csvCell(value)
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1) : cell
      expect(unquoted.startsWith("'")).toBe(true)
      expect(unquoted.slice(1)).toBe(value)
    },
  )

  it('leaves a formula character alone when it is not the first one', () => {
    expect(csvCell('a=b')).toBe('a=b')
  })
})

describe('csvDocument', () => {
  it('starts with a byte-order mark and ends every line with CRLF', () => {
    expect(
      csvDocument(
        ['e-mail', 'statut'],
        [
          ['a@b.fr', 'confirmed'],
          ['=x', null],
        ],
      ),
    ).toBe("\uFEFFe-mail,statut\r\na@b.fr,confirmed\r\n'=x,\r\n")
  })
})
