import { describe, expect, it } from '@jest/globals'

import {
  articleKey,
  METER_MAX_ENTRIES,
  meterMonth,
  meterSentence,
  parseMeter,
  recordRead,
  serializeMeter,
} from '../../lib/meter'

const now = new Date('2024-12-13T10:00:00Z')

describe('the reading meter', () => {
  it('writes 0 and 1 in the singular and 2 in the plural', () => {
    expect(meterSentence(0, 'Rouages')).toBe('Vous avez lu 0 article sur Rouages ce mois-ci.')
    expect(meterSentence(1, 'Rouages')).toBe('Vous avez lu 1 article sur Rouages ce mois-ci.')
    expect(meterSentence(2, 'Rouages')).toBe('Vous avez lu 2 articles sur Rouages ce mois-ci.')
  })

  it('counts distinct articles: reading one twice counts once', () => {
    let state = parseMeter(undefined, now)
    state = recordRead(state, 'a')
    state = recordRead(state, 'b')
    state = recordRead(state, 'a')
    expect(state.entries).toHaveLength(2)
    expect(parseMeter(serializeMeter(state), now).entries).toHaveLength(2)
  })

  it('starts again on the first of the month, Paris time', () => {
    expect(meterMonth(new Date('2024-11-30T22:59:59Z'))).toBe('2024-11')
    expect(meterMonth(new Date('2024-11-30T23:00:00Z'))).toBe('2024-12')
    const november = serializeMeter(recordRead(parseMeter(undefined, new Date('2024-11-20')), 'a'))
    expect(parseMeter(november, new Date('2024-11-30T23:30:00Z')).entries).toEqual([])
  })

  it('ignores a tampered cookie instead of trusting it', () => {
    expect(parseMeter('2024-12.<script>.a.a.a', now).entries).toEqual(['a'])
    expect(parseMeter('%E0%A4%A', now).entries).toEqual([])
  })

  it('keeps the cookie small however much someone reads', () => {
    let state = parseMeter(undefined, now)
    for (let i = 0; i < METER_MAX_ENTRIES + 50; i++) state = recordRead(state, `article-${i}`)
    expect(state.entries).toHaveLength(METER_MAX_ENTRIES)
    expect(serializeMeter(state).length).toBeLessThan(2500)
  })

  it('stores short keys, never the slug', () => {
    expect(articleKey('renault-anatomie-dun-come-back-premier-episode')).toMatch(/^[0-9a-z]{1,7}$/)
  })
})
