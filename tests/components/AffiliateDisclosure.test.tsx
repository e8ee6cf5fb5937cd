import { describe, expect, it } from '@jest/globals'
import { render, screen } from '@testing-library/react'

import { AffiliateDisclosure } from '../../components/AffiliateDisclosure'

const disclosure = {
  text: 'Cet article contient des liens d’affiliation.',
  explanationUrl: '/articles/nos-liens-daffiliation',
}

describe('AffiliateDisclosure', () => {
  it('states the affiliate links and links to the explanation when the article has one', () => {
    render(<AffiliateDisclosure disclosure={disclosure} linkCount={1} />)
    const note = screen.getByRole('complementary', { name: 'Liens d’affiliation' })
    expect(note).toHaveTextContent('Cet article contient des liens d’affiliation.')
    expect(screen.getByRole('link', { name: 'En savoir plus' })).toHaveAttribute(
      'href',
      '/articles/nos-liens-daffiliation',
    )
  })

  it('takes another wording where the page is not an article', () => {
    render(
      <AffiliateDisclosure
        disclosure={disclosure}
        linkCount={1}
        text="Ce bouton est un lien d’affiliation."
      />,
    )
    expect(screen.getByRole('complementary')).toHaveTextContent(
      'Ce bouton est un lien d’affiliation.',
    )
  })

  it('shows nothing on an article without affiliate links', () => {
    const { container } = render(<AffiliateDisclosure disclosure={disclosure} linkCount={0} />)
    expect(container).toBeEmptyDOMElement()
  })
})
