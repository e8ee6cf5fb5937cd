'use server'

import { redirect } from 'next/navigation'

import { getSiteSettings } from '../../../lib/content'
import { signUp, unsubscribe, type SignupResult } from '../../../lib/newsletter'
import { getPayloadClient } from '../../../lib/payload'

export type NewsletterFormState = { status: 'idle' } | SignupResult

/** Only text fields reach the validation; files and unknown fields are dropped. */
function fields(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of ['email', 'consent', 'sourcePage', 'website']) {
    const value = formData.get(name)
    if (typeof value === 'string') out[name] = value
  }
  return out
}

export async function subscribeToNewsletter(
  _previous: NewsletterFormState,
  formData: FormData,
): Promise<NewsletterFormState> {
  const [payload, settings] = await Promise.all([getPayloadClient(), getSiteSettings()])
  return signUp(payload, fields(formData), {
    newsletterName: settings.newsletter.name,
    publicationName: settings.publicationName,
  })
}

export async function unsubscribeFromNewsletter(formData: FormData): Promise<void> {
  const payload = await getPayloadClient()
  const outcome = await unsubscribe(payload, formData.get('token'))
  redirect(outcome === 'done' ? '/newsletter/unsubscribe?done=1' : '/newsletter/unsubscribe')
}
