import { describe, expect, it } from '@jest/globals'

import { adminDateTime } from '../../lib/time'

describe('adminDateTime', () => {
  it('shows Paris wall-clock time in winter and summer, in the admin language', () => {
    // 08:00Z in December is 09:00 in Paris (UTC+1); 07:00Z in July is 09:00 too (UTC+2).
    expect(adminDateTime('2024-12-13T08:00:00.000Z', 'fr')).toBe('13 déc. 2024, 09:00')
    expect(adminDateTime('2025-07-01T07:00:00.000Z', 'fr')).toBe('1 juil. 2025, 09:00')
    expect(adminDateTime(new Date('2024-12-13T08:00:00.000Z'), 'en')).toBe('13 Dec 2024, 09:00')
  })

  it('shows nothing for a missing or broken date', () => {
    expect(adminDateTime(null, 'fr')).toBe('')
    expect(adminDateTime('', 'fr')).toBe('')
    expect(adminDateTime('pas une date', 'fr')).toBe('')
  })
})
