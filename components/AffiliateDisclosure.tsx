import type { SiteSettingsView } from '../lib/views'

type Props = {
  disclosure: SiteSettingsView['affiliateDisclosure']
  /** How many affiliate offers the article links to: none, no disclosure. */
  linkCount: number
  /** Wording for a page that is not an article (the site's text speaks of "cet article"). */
  text?: string
}

export function AffiliateDisclosure({ disclosure, linkCount, text = disclosure.text }: Props) {
  if (linkCount < 1 || !text) return null
  return (
    <aside className="disclosure" aria-label="Liens d’affiliation">
      <p>
        {text} <a href={disclosure.explanationUrl}>En savoir plus</a>
      </p>
    </aside>
  )
}
