import { describe, expect, it } from '@jest/globals'
import { fireEvent, render, screen } from '@testing-library/react'

import { NewsletterForm } from '../../components/NewsletterForm.client'

type State = Parameters<typeof NewsletterForm>[0]['action'] extends (
  s: infer S,
  f: FormData,
) => unknown
  ? S
  : never

const consentText = 'J’accepte de recevoir la lettre.'

function setup(answer: (formData: FormData) => State) {
  const received: FormData[] = []
  const action = async (_state: State, formData: FormData) => {
    received.push(formData)
    return answer(formData)
  }
  render(<NewsletterForm action={action} consentText={consentText} sourcePage="/articles/x" />)
  return received
}

describe('NewsletterForm', () => {
  it('labels the e-mail field and the consent box with the wording that is stored', () => {
    setup(() => ({ status: 'idle' }))
    expect(screen.getByLabelText('Votre adresse e-mail')).toHaveAttribute('type', 'email')
    expect(screen.getByLabelText(consentText)).toHaveAttribute('type', 'checkbox')
    expect(screen.getByRole('button', { name: 'Je m’inscris' })).toBeEnabled()
  })

  it('shows each error beside its field and marks the field invalid', async () => {
    setup(() => ({
      status: 'invalid',
      message: 'Vérifiez les champs signalés.',
      fieldErrors: {
        email: 'Cette adresse e-mail n’est pas valide (exemple : prenom@exemple.fr).',
        consent: 'Cochez la case pour accepter de recevoir la lettre.',
      },
      values: { email: 'pas-une-adresse', consent: false },
    }))
    fireEvent.click(screen.getByRole('button', { name: 'Je m’inscris' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Vérifiez les champs signalés.')
    const email = screen.getByLabelText('Votre adresse e-mail')
    expect(email).toHaveAttribute('aria-invalid', 'true')
    expect(email).toHaveValue('pas-une-adresse')
    expect(email).toHaveAccessibleDescription(
      'Cette adresse e-mail n’est pas valide (exemple : prenom@exemple.fr).',
    )
    expect(screen.getByLabelText(consentText)).toHaveAccessibleDescription(
      'Cochez la case pour accepter de recevoir la lettre.',
    )
  })

  it('sends the page it came from and replaces the form with the answer', async () => {
    const received = setup(() => ({ status: 'ok', message: 'Merci ! Vérifiez votre boîte mail.' }))
    fireEvent.change(screen.getByLabelText('Votre adresse e-mail'), {
      target: { value: 'lectrice@exemple.fr' },
    })
    fireEvent.click(screen.getByLabelText(consentText))
    fireEvent.click(screen.getByRole('button', { name: 'Je m’inscris' }))
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Merci ! Vérifiez votre boîte mail.',
    )
    expect(received[0]?.get('email')).toBe('lectrice@exemple.fr')
    expect(received[0]?.get('consent')).toBe('on')
    expect(received[0]?.get('sourcePage')).toBe('/articles/x')
    expect(screen.queryByRole('button')).toBeNull()
  })
})
