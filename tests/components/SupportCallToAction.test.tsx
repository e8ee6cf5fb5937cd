import { describe, expect, it } from '@jest/globals'
import { render, screen, within } from '@testing-library/react'

import { SupportCallToAction } from '../../components/SupportCallToAction'
import type { SiteSettingsView } from '../../lib/views'

const settings: SiteSettingsView = {
  publicationName: 'Rouages',
  tagline: null,
  logo: null,
  membership: {
    offerName: 'Rouages Plus',
    title: 'Soutenez Rouages',
    reasons: ['Gratuit pour tous.', 'Sans publicité.', 'Notre mission.'],
    buttonLabel: 'Je rejoins Rouages Plus',
    buttonUrl: '/soutenir',
  },
  newsletter: { name: 'Rouages Mobilités', pitch: 'Chaque vendredi.' },
  affiliateDisclosure: { text: '', explanationUrl: '/' },
  meterEnabled: true,
}

describe('SupportCallToAction', () => {
  it('gives the membership title, its three reasons and the button', () => {
    render(<SupportCallToAction settings={settings} />)
    const region = screen.getByRole('region', { name: 'Soutenez Rouages' })
    const reasons = within(region).getAllByRole('listitem')
    expect(reasons.map((li) => li.textContent)).toEqual([
      'Gratuit pour tous.',
      'Sans publicité.',
      'Notre mission.',
    ])
    expect(within(region).getByRole('link', { name: 'Je rejoins Rouages Plus' })).toHaveAttribute(
      'href',
      '/soutenir',
    )
  })

  it('invites the reader to the newsletter by its name', () => {
    render(<SupportCallToAction settings={settings} />)
    expect(screen.getByRole('heading', { name: 'Rouages Mobilités' })).toBeInTheDocument()
    expect(screen.getByText('Chaque vendredi.')).toBeInTheDocument()
  })
})
