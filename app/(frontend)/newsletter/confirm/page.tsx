import type { Metadata } from 'next'

import { confirmSubscription } from '../../../../lib/newsletter'
import { getPayloadClient } from '../../../../lib/payload'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Confirmation', robots: { index: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const MESSAGES = {
  done: ['Inscription confirmée', 'Merci ! Vous recevrez la prochaine lettre.'],
  expired: [
    'Lien expiré',
    'Ce lien de confirmation a expiré. Inscrivez-vous à nouveau pour en recevoir un autre.',
  ],
  invalid: [
    'Lien invalide',
    'Ce lien de confirmation n’est pas valide ou a déjà servi. Votre inscription est peut-être déjà confirmée.',
  ],
} as const

export default async function ConfirmPage({ searchParams }: Props) {
  const { token } = await searchParams
  const outcome = await confirmSubscription(await getPayloadClient(), token)
  const [title, text] = MESSAGES[outcome]
  return (
    <section className="notice">
      <h1 className="page-title">{title}</h1>
      <p>{text}</p>
      <p>
        <a href="/">Revenir à l’accueil</a>
      </p>
    </section>
  )
}
