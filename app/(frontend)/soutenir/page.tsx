import type { Metadata } from 'next'

import { NewsletterForm } from '../../../components/NewsletterForm.client'
import { getSiteSettings } from '../../../lib/content'
import { alternatesFor } from '../../../lib/metadata'
import { consentWording } from '../../../lib/newsletter'
import { subscribeToNewsletter } from '../newsletter/actions'

// Rendered per request from the tagged settings query: nothing is read at build time, when there
// is no database.
export const dynamic = 'force-dynamic'

const PATH = '/soutenir'

export async function generateMetadata(): Promise<Metadata> {
  const { publicationName, membership } = await getSiteSettings()
  return {
    title: `Soutenir ${publicationName}`,
    description: membership.title,
    alternates: alternatesFor(PATH),
  }
}

/**
 * Where the membership appeal below every article leads when its button points at the site
 * (site settings: `/soutenir`): the offer and its three reasons. Kiosque takes no payment; a site
 * that sells memberships elsewhere points the button at that https address instead, and then
 * this page is not linked.
 */
export default async function SupportPage() {
  const settings = await getSiteSettings()
  const { membership, newsletter, publicationName } = settings
  return (
    <article className="support-page">
      <h1 className="page-title">{membership.title}</h1>
      <p className="standfirst">
        Le journalisme de {publicationName} reste ouvert à toutes et à tous. {membership.offerName}{' '}
        est l’adhésion de celles et ceux qui veulent qu’il le reste.
      </p>
      <h2>Pourquoi adhérer à {membership.offerName}</h2>
      <ol className="support-reasons">
        {membership.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ol>
      <h2>Adhérer</h2>
      <p>
        L’adhésion en ligne à {membership.offerName} n’est pas encore ouverte.
        {newsletter.name
          ? ` La lettre ${newsletter.name} annoncera son ouverture : inscrivez-vous pour être prévenu.`
          : ''}
      </p>
      {newsletter.name ? (
        <div className="newsletter">
          <h3>{newsletter.name}</h3>
          <p>{newsletter.pitch}</p>
          <NewsletterForm
            action={subscribeToNewsletter}
            consentText={consentWording(newsletter.name, publicationName)}
            sourcePage={PATH}
          />
        </div>
      ) : null}
    </article>
  )
}
