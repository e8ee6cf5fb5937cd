/**
 * The newsletter's double opt-in: a sign-up is stored pending and mailed a single-use,
 * expiring confirmation link; every mail carries an unsubscribe link. Tokens are random and
 * stored hashed, so a leaked database cannot confirm or unsubscribe anyone.
 */
import { createHash, randomBytes } from 'node:crypto'

import type { Payload } from 'payload'
import { z } from 'zod'

import { absoluteUrl } from './routes'

export const CONFIRMATION_TTL_MS = 48 * 60 * 60 * 1000
/**
 * At most one confirmation mail per address in this time: anyone may type any address in the
 * form, so repeating a sign-up must not let them flood someone's inbox.
 */
export const RESEND_INTERVAL_MS = 15 * 60 * 1000

/** The consent wording shown beside the checkbox, and stored with the sign-up. */
export const consentWording = (newsletterName: string, publicationName: string) =>
  `J’accepte de recevoir « ${newsletterName} », la lettre d’information de ${publicationName}, par e-mail. Je peux me désabonner à tout moment.`

const sourcePageSchema = z
  .string()
  .trim()
  .max(500)
  .regex(/^\/(?!\/)[\w\-./]*$/)
  .catch('/')

export const signupSchema = z.object({
  email: z
    .string({ error: 'Indiquez votre adresse e-mail.' })
    .trim()
    .toLowerCase()
    .min(1, 'Indiquez votre adresse e-mail.')
    .max(254, 'Cette adresse e-mail est trop longue.')
    .pipe(z.email('Cette adresse e-mail n’est pas valide (exemple : prenom@exemple.fr).')),
  consent: z.literal('on', { error: 'Cochez la case pour accepter de recevoir la lettre.' }),
  sourcePage: sourcePageSchema,
  /** Honeypot: a field people never see and bots fill in. */
  website: z.string().max(200).optional(),
})

export type SignupInput = z.input<typeof signupSchema>

export type SignupResult =
  | { status: 'ok'; message: string }
  | {
      status: 'invalid'
      message: string
      fieldErrors: Partial<Record<'email' | 'consent', string>>
      /** What the reader typed, so that the form shows it again next to the errors. */
      values: { email: string; consent: boolean }
    }

/** The same answer for a new, a pending, a confirmed or a bot address: nothing to enumerate. */
const CHECK_YOUR_MAIL =
  'Merci ! Pour confirmer votre inscription, cliquez sur le lien que nous venons de vous envoyer par e-mail.'

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

function newToken() {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}

function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex')
}

// Sign-ups are written by this trusted module after validation: the hidden token fields are
// closed to every API user, so these writes say `overrideAccess: true` explicitly.
const trusted = { overrideAccess: true } as const

async function sendConfirmation(
  payload: Payload,
  email: string,
  tokens: { confirm: string; unsubscribe: string },
  names: { newsletterName: string; publicationName: string },
) {
  const confirmUrl = absoluteUrl(`/newsletter/confirm?token=${tokens.confirm}`)
  const unsubscribeUrl = absoluteUrl(`/newsletter/unsubscribe?token=${tokens.unsubscribe}`)
  await payload.sendEmail({
    to: email,
    subject: `Confirmez votre inscription à ${names.newsletterName}`,
    text: [
      'Bonjour,',
      '',
      `Vous avez demandé à recevoir ${names.newsletterName}, la lettre de ${names.publicationName}.`,
      `Pour confirmer, ouvrez ce lien dans les 48 heures :`,
      confirmUrl,
      '',
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : sans confirmation,',
      'vous ne recevrez rien.',
      '',
      `Se désabonner : ${unsubscribeUrl}`,
    ].join('\n'),
    headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>` },
  })
}

/** True when the pending sign-up's current link was mailed less than RESEND_INTERVAL_MS ago. */
function mailedRecently(subscriber: { confirmTokenExpiresAt?: string | null }): boolean {
  if (!subscriber.confirmTokenExpiresAt) return false
  const mailedAt = new Date(subscriber.confirmTokenExpiresAt).getTime() - CONFIRMATION_TTL_MS
  return Date.now() - mailedAt < RESEND_INTERVAL_MS
}

/**
 * Validates a sign-up and stores it pending with a fresh confirmation link. The same address
 * twice gives the same answer and keeps one row; a confirmed address is left as it is, and a
 * pending one gets a new link at most once per RESEND_INTERVAL_MS.
 */
export async function signUp(
  payload: Payload,
  input: Record<string, unknown>,
  names: { newsletterName: string; publicationName: string },
): Promise<SignupResult> {
  const parsed = signupSchema.safeParse(input)
  if (!parsed.success) {
    const fieldErrors: Partial<Record<'email' | 'consent', string>> = {}
    for (const issue of parsed.error.issues) {
      const field = issue.path[0]
      if ((field === 'email' || field === 'consent') && !fieldErrors[field]) {
        fieldErrors[field] = issue.message
      }
    }
    const email = typeof input.email === 'string' ? input.email.slice(0, 254) : ''
    return {
      status: 'invalid',
      message: 'Vérifiez les champs signalés.',
      fieldErrors,
      values: { email, consent: input.consent === 'on' },
    }
  }
  const { email, sourcePage, website } = parsed.data
  if (website) return { status: 'ok', message: CHECK_YOUR_MAIL }

  const { docs } = await payload.find({
    collection: 'subscribers',
    where: { email: { equals: email } },
    limit: 1,
    depth: 0,
    ...trusted,
  })
  const existing = docs[0]
  if (existing?.status === 'confirmed') return { status: 'ok', message: CHECK_YOUR_MAIL }
  if (existing?.status === 'pending' && mailedRecently(existing)) {
    // The link mailed a moment ago still works: same answer, no second mail.
    return { status: 'ok', message: CHECK_YOUR_MAIL }
  }

  const confirm = newToken()
  const unsubscribe = newToken()
  const data = {
    email,
    status: 'pending' as const,
    consentText: consentWording(names.newsletterName, names.publicationName),
    consentAt: new Date().toISOString(),
    sourcePage,
    confirmTokenHash: confirm.hash,
    confirmTokenExpiresAt: new Date(Date.now() + CONFIRMATION_TTL_MS).toISOString(),
    unsubscribeTokenHash: unsubscribe.hash,
  }
  try {
    if (existing) {
      await payload.update({ collection: 'subscribers', id: existing.id, data, ...trusted })
    } else {
      await payload.create({ collection: 'subscribers', data, ...trusted })
    }
  } catch (error) {
    // Two simultaneous sign-ups of one address: the unique index keeps one row, and the other
    // request gets the same answer.
    if ((error as { status?: number }).status === 400) {
      return { status: 'ok', message: CHECK_YOUR_MAIL }
    }
    throw error
  }
  await sendConfirmation(
    payload,
    email,
    { confirm: confirm.token, unsubscribe: unsubscribe.token },
    names,
  )
  return { status: 'ok', message: CHECK_YOUR_MAIL }
}

export type TokenOutcome = 'done' | 'expired' | 'invalid'

async function findByToken(
  payload: Payload,
  field: 'confirmTokenHash' | 'unsubscribeTokenHash',
  token: unknown,
) {
  if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return null
  const { docs } = await payload.find({
    collection: 'subscribers',
    where: { [field]: { equals: hashToken(token) } },
    limit: 1,
    depth: 0,
    showHiddenFields: true,
    ...trusted,
  })
  return docs[0] ?? null
}

/** Confirms a sign-up: the link works once, and only before it expires. */
export async function confirmSubscription(payload: Payload, token: unknown): Promise<TokenOutcome> {
  const subscriber = await findByToken(payload, 'confirmTokenHash', token)
  if (!subscriber) return 'invalid'
  const expiresAt = (subscriber as { confirmTokenExpiresAt?: string | null }).confirmTokenExpiresAt
  if (!expiresAt || new Date(expiresAt).getTime() < Date.now()) return 'expired'
  await payload.update({
    collection: 'subscribers',
    id: subscriber.id,
    data: {
      status: 'confirmed',
      confirmedAt: new Date().toISOString(),
      confirmTokenHash: null,
      confirmTokenExpiresAt: null,
    },
    ...trusted,
  })
  return 'done'
}

/** Unsubscribes the address the link was sent to; following it again changes nothing. */
export async function unsubscribe(payload: Payload, token: unknown): Promise<TokenOutcome> {
  const subscriber = await findByToken(payload, 'unsubscribeTokenHash', token)
  if (!subscriber) return 'invalid'
  if (subscriber.status !== 'unsubscribed') {
    await payload.update({
      collection: 'subscribers',
      id: subscriber.id,
      data: {
        status: 'unsubscribed',
        unsubscribedAt: new Date().toISOString(),
        confirmTokenHash: null,
        confirmTokenExpiresAt: null,
      },
      ...trusted,
    })
  }
  return 'done'
}
