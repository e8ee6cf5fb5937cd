import type { Metadata } from 'next'

import { unsubscribeFromNewsletter } from '../actions'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Désabonnement', robots: { index: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** The link only shows a button: mail scanners that follow links do not unsubscribe anyone. */
export default async function UnsubscribePage({ searchParams }: Props) {
  const { token, done } = await searchParams
  if (done === '1') {
    return (
      <section className="notice">
        <h1 className="page-title">Vous êtes désabonné</h1>
        <p>Vous ne recevrez plus la lettre. Vous pouvez vous réinscrire à tout moment.</p>
      </section>
    )
  }
  if (typeof token !== 'string' || token === '') {
    return (
      <section className="notice">
        <h1 className="page-title">Lien invalide</h1>
        <p>Ce lien de désabonnement n’est pas valide. Utilisez celui du dernier e-mail reçu.</p>
      </section>
    )
  }
  return (
    <section className="notice">
      <h1 className="page-title">Se désabonner de la lettre</h1>
      <form action={unsubscribeFromNewsletter}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button">
          Confirmer le désabonnement
        </button>
      </form>
    </section>
  )
}
