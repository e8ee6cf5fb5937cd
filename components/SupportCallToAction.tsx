import type { SiteSettingsView } from '../lib/views'

import type { ReactNode } from 'react'

type Props = { settings: SiteSettingsView; newsletterForm?: ReactNode }

/** Below every article: the membership offer with its three reasons, then the newsletter. */
export function SupportCallToAction({ settings, newsletterForm }: Props) {
  const { membership, newsletter, publicationName } = settings
  return (
    <section className="support" aria-labelledby="support-title">
      <h2 id="support-title">{membership.title}</h2>
      <ol className="support-reasons">
        {membership.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ol>
      <p>
        <a className="button" href={membership.buttonUrl}>
          {membership.buttonLabel}
        </a>
      </p>
      {newsletter.name ? (
        <div className="newsletter">
          <h3>{newsletter.name}</h3>
          <p>{newsletter.pitch}</p>
          {newsletterForm}
          <p className="newsletter-note">
            La lettre de {publicationName} est gratuite ; vous pourrez vous désabonner à tout
            moment.
          </p>
        </div>
      ) : null}
    </section>
  )
}
