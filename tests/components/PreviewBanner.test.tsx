import { describe, expect, it } from '@jest/globals'
import { render, screen } from '@testing-library/react'

import { PreviewBanner } from '../../components/PreviewBanner'
import { exitPreviewHref } from '../../lib/routes'

describe('PreviewBanner', () => {
  it('says the page is an unpublished version, in a named region, with a way out', () => {
    render(<PreviewBanner exitHref={exitPreviewHref('/articles/un-article')} />)
    const banner = screen.getByRole('region', { name: 'Mode aperçu' })
    expect(banner).toHaveTextContent('Aperçu — version non publiée')
    expect(screen.getByRole('link', { name: 'Quitter l’aperçu' })).toHaveAttribute(
      'href',
      '/preview/exit?path=%2Farticles%2Fun-article',
    )
  })
})
