'use client'

import { useActionState, useId } from 'react'

import type { SignupResult } from '../lib/newsletter'

// Only the type: nothing of lib/newsletter (node:crypto, Payload) reaches the browser.
type State = { status: 'idle' } | SignupResult

type Props = {
  action: (state: State, formData: FormData) => Promise<State>
  consentText: string
  sourcePage: string
}

/**
 * The newsletter sign-up: a plain form posting to a server action, so it works before (or
 * without) JavaScript; once hydrated it stays on the page and shows the answer in place.
 */
export function NewsletterForm({ action, consentText, sourcePage }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' })
  const id = useId()
  const errors = state.status === 'invalid' ? state.fieldErrors : {}
  const values = state.status === 'invalid' ? state.values : { email: '', consent: false }

  if (state.status === 'ok') {
    return (
      <p className="form-success" role="status">
        {state.message}
      </p>
    )
  }

  return (
    <form action={formAction} className="newsletter-form" noValidate>
      {state.status === 'invalid' ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-email`}>Votre adresse e-mail</label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          defaultValue={values.email}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? `${id}-email-error` : undefined}
        />
        {errors.email ? (
          <p id={`${id}-email-error`} className="field-error">
            {errors.email}
          </p>
        ) : null}
      </div>
      <div className="field field--checkbox">
        <input
          id={`${id}-consent`}
          name="consent"
          type="checkbox"
          required
          defaultChecked={values.consent}
          aria-invalid={errors.consent ? true : undefined}
          aria-describedby={errors.consent ? `${id}-consent-error` : undefined}
        />
        <label htmlFor={`${id}-consent`}>{consentText}</label>
        {errors.consent ? (
          <p id={`${id}-consent-error`} className="field-error">
            {errors.consent}
          </p>
        ) : null}
      </div>
      <div className="honeypot" aria-hidden="true">
        <label htmlFor={`${id}-website`}>Ne pas remplir ce champ</label>
        <input id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <input type="hidden" name="sourcePage" value={sourcePage} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Inscription…' : 'Je m’inscris'}
      </button>
    </form>
  )
}
