import type { SiteSettingsView } from '../lib/views'

type Props = {
  disclosure: SiteSettingsView['affiliateDisclosure']
  /** How many affiliate offers the article links to: none, no disclosure. */
  linkCount: number
}

export function AffiliateDisclosure({ disclosure, linkCount }: Props) {
  if (linkCount < 1 || !disclosure.text) return null
  return (
    <aside className="disclosure" aria-label="Liens d’affiliation">
      <p>
        {disclosure.text} <a href={disclosure.explanationUrl}>En savoir plus</a>
      </p>
    </aside>
  )
}
