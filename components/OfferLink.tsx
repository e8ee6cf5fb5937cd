import { hrefFor } from '../lib/routes'
import type { AffiliateLinkView } from '../lib/views'

/** An affiliate offer as a button: through /go/ (counted), marked sponsored for search engines. */
export function OfferLink({ offer }: { offer: AffiliateLinkView }) {
  return (
    <a
      className="button"
      href={hrefFor({ collection: 'affiliate-links', slug: offer.slug })}
      rel="sponsored nofollow noopener"
    >
      {offer.label}
    </a>
  )
}
