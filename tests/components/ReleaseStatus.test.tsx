import { describe, expect, it } from '@jest/globals'
import { render, screen } from '@testing-library/react'

import { ReleaseStatus } from '../../components/ReleaseStatus'

const releaseAt = '2024-12-13T08:00:00.000Z'

describe('ReleaseStatus', () => {
  it('announces the day and hour, Paris time, one second before the release', () => {
    render(
      <ReleaseStatus
        releaseAt={releaseAt}
        platform="Prime Video"
        now={new Date('2024-12-13T07:59:59Z')}
      />,
    )
    const time = screen.getByText('Disponible le vendredi 13 décembre 2024 à 9 h sur Prime Video')
    expect(time).toHaveAttribute('datetime', releaseAt)
  })

  it('says the series is available at the release instant', () => {
    render(<ReleaseStatus releaseAt={releaseAt} platform="Prime Video" now={new Date(releaseAt)} />)
    expect(screen.getByText('Disponible sur Prime Video')).toBeInTheDocument()
  })
})
