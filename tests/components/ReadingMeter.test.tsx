import { afterEach, describe, expect, it } from '@jest/globals'
import { render, screen } from '@testing-library/react'

import { ReadingMeter } from '../../components/ReadingMeter.client'
import { METER_COOKIE } from '../../lib/meter'

afterEach(() => {
  document.cookie = `${METER_COOKIE}=; Max-Age=0; Path=/`
})

describe('ReadingMeter', () => {
  it('reads 0 article, then 1 article, then 2 articles as the reader moves on', async () => {
    const first = render(<ReadingMeter publicationName="Rouages" />)
    expect(await screen.findByText('Vous avez lu 0 article sur Rouages ce mois-ci.')).toBeVisible()
    first.unmount()

    const second = render(<ReadingMeter publicationName="Rouages" articleSlug="premier" />)
    expect(await screen.findByText('Vous avez lu 1 article sur Rouages ce mois-ci.')).toBeVisible()
    second.unmount()

    render(<ReadingMeter publicationName="Rouages" articleSlug="second" />)
    expect(await screen.findByText('Vous avez lu 2 articles sur Rouages ce mois-ci.')).toBeVisible()
  })

  it('does not count the same article twice', async () => {
    render(<ReadingMeter publicationName="Rouages" articleSlug="premier" />).unmount()
    render(<ReadingMeter publicationName="Rouages" articleSlug="premier" />)
    expect(await screen.findByText('Vous avez lu 1 article sur Rouages ce mois-ci.')).toBeVisible()
  })

  it('says that it never blocks reading', () => {
    render(<ReadingMeter publicationName="Rouages" />)
    expect(screen.getByText(/ne bloque jamais la lecture/)).toBeVisible()
  })
})
