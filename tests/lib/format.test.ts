import { describe, expect, it } from '@jest/globals'

import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatReleaseDateTime,
  plural,
  readingMinutes,
} from '../../lib/format'
import { releaseStatus } from '../../lib/release'
import { isSlug, slugify } from '../../lib/slug'

describe('French dates in Paris time', () => {
  it('writes a winter afternoon the French way, one hour ahead of UTC', () => {
    expect(formatDateTime('2024-12-05T13:32:00Z')).toBe('5 décembre 2024 à 14 h 32')
  })

  it('follows summer time (two hours ahead of UTC)', () => {
    expect(formatDateTime('2024-07-14T08:05:00Z')).toBe('14 juillet 2024 à 10 h 05')
  })

  it('writes the first of the month as "1er" and crosses midnight in Paris, not UTC', () => {
    expect(formatDate('2024-11-30T23:30:00Z')).toBe('1er décembre 2024')
  })

  it('gives the release day with its weekday and a round hour without minutes', () => {
    expect(formatReleaseDateTime('2024-12-13T08:00:00Z')).toBe('vendredi 13 décembre 2024 à 9 h')
    expect(formatReleaseDateTime('2024-12-13T08:30:00Z')).toBe('vendredi 13 décembre 2024 à 9 h 30')
  })
})

describe('formatDuration', () => {
  it('writes minutes, hours, and both', () => {
    expect(formatDuration(40)).toBe('40 min')
    expect(formatDuration(120)).toBe('2 h')
    expect(formatDuration(160)).toBe('2 h 40')
    expect(formatDuration(65)).toBe('1 h 05')
  })
})

describe('reading time', () => {
  it('counts the words of a Lexical body and rounds up to whole minutes, one at least', async () => {
    const { countWords } = await import('../../lib/richtext')
    const { doc, h2, p } = await import('../../seed/lexical')
    expect(countWords(doc(h2('Deux mots'), p('Trois mots ici', ' — et deux ?')))).toBe(7)
    expect(readingMinutes(0)).toBe(1)
    expect(readingMinutes(230)).toBe(1)
    expect(readingMinutes(231)).toBe(2)
  })
})

describe('plural', () => {
  it('keeps 0 and 1 singular and makes 2 and more plural, as French does', () => {
    expect(plural(0, 'article')).toBe('0 article')
    expect(plural(1, 'article')).toBe('1 article')
    expect(plural(2, 'article')).toBe('2 articles')
  })
})

describe('releaseStatus', () => {
  const releaseAt = '2024-12-13T08:00:00.000Z'

  it('announces the date before the release instant', () => {
    const status = releaseStatus(releaseAt, 'Prime Video', new Date('2024-12-13T07:59:59.999Z'))
    expect(status).toEqual({
      released: false,
      label: 'Disponible le vendredi 13 décembre 2024 à 9 h sur Prime Video',
    })
  })

  it('says the series is available from the release instant on', () => {
    const status = releaseStatus(releaseAt, 'Prime Video', new Date(releaseAt))
    expect(status).toEqual({ released: true, label: 'Disponible sur Prime Video' })
  })
})

describe('slugify', () => {
  it('derives the contract slugs from the French titles', () => {
    expect(slugify('Renault : anatomie d’un come-back')).toBe('renault-anatomie-dun-come-back')
    expect(slugify("Renault : anatomie d'un come-back — premier épisode")).toBe(
      'renault-anatomie-dun-come-back-premier-episode',
    )
  })

  it('drops accents and ligatures and never leaves a leading or trailing hyphen', () => {
    expect(slugify('  Œuvres à l’écran !  ')).toBe('oeuvres-a-lecran')
  })

  it('accepts only lower-case words joined by single hyphens', () => {
    expect(isSlug('prime-video-essai-30-jours')).toBe(true)
    for (const bad of ['', 'Prime', 'a--b', '-a', 'a/b', '..', 'https://evil.example', 'a%2Fb']) {
      expect(isSlug(bad)).toBe(false)
    }
  })
})
