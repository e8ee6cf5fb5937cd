import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'

import { subscribeToNewsletter } from '../../app/(frontend)/newsletter/actions'
import { outbox } from '../../lib/email'
import {
  CONFIRMATION_TTL_MS,
  confirmSubscription,
  consentWording,
  RESEND_INTERVAL_MS,
  signUp,
  unsubscribe,
} from '../../lib/newsletter'
import { startPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext
const names = { newsletterName: 'Rouages Mobilités', publicationName: 'Rouages' }

beforeAll(async () => {
  ctx = await startPayload()
})

afterAll(async () => {
  await ctx?.close()
})

beforeEach(() => {
  outbox.length = 0
})

const signUpAs = (email: string, extra: Record<string, unknown> = {}) =>
  signUp(ctx.payload, { email, consent: 'on', sourcePage: '/articles/un-article', ...extra }, names)

async function subscriberByEmail(email: string) {
  const { docs } = await ctx.payload.find({
    collection: 'subscribers',
    where: { email: { equals: email } },
    showHiddenFields: true,
  })
  return docs
}

/** The token of a link in the last mail sent to this address. */
function tokenFromMail(email: string, path: 'confirm' | 'unsubscribe') {
  const mail = outbox.filter((m) => m.to === email).at(-1)
  const match = mail?.text.match(new RegExp(`/newsletter/${path}\\?token=([A-Za-z0-9_-]+)`))
  if (!match?.[1]) throw new Error(`no ${path} link mailed to ${email}`)
  return match[1]
}

describe('signing up', () => {
  it.each([
    [{ email: 'pas-une-adresse', consent: 'on' }, 'email', 'n’est pas valide'],
    [{ email: '', consent: 'on' }, 'email', 'Indiquez votre adresse'],
    [{ email: `${'a'.repeat(250)}@exemple.fr`, consent: 'on' }, 'email', 'trop longue'],
    [{ email: 'lecteur@exemple.fr' }, 'consent', 'Cochez la case'],
  ])('refuses %j with a clear French message and stores nothing', async (input, field, text) => {
    const result = await signUp(ctx.payload, input, names)
    expect(result.status).toBe('invalid')
    if (result.status !== 'invalid') return
    expect(result.fieldErrors[field as 'email' | 'consent']).toContain(text)
    expect((await ctx.payload.count({ collection: 'subscribers' })).totalDocs).toBe(0)
    expect(outbox).toHaveLength(0)
  })

  it('answers a bot that fills the hidden field like anyone, but stores and sends nothing', async () => {
    const result = await signUpAs('robot@exemple.fr', { website: 'http://spam.example' })
    expect(result.status).toBe('ok')
    expect(await subscriberByEmail('robot@exemple.fr')).toHaveLength(0)
    expect(outbox).toHaveLength(0)
  })

  it('stores a pending sign-up with the consent shown, its time and page, and mails a link', async () => {
    const result = await signUpAs('  Lectrice@Exemple.FR ')
    expect(result).toEqual({ status: 'ok', message: expect.stringContaining('confirmer') })
    const [stored] = await subscriberByEmail('lectrice@exemple.fr')
    expect(stored?.status).toBe('pending')
    expect(stored?.consentText).toBe(consentWording(names.newsletterName, names.publicationName))
    expect(stored?.sourcePage).toBe('/articles/un-article')
    expect(Date.now() - new Date(stored!.consentAt!).getTime()).toBeLessThan(60_000)
    expect(outbox).toHaveLength(1)
    expect(outbox[0]?.subject).toBe('Confirmez votre inscription à Rouages Mobilités')
    expect(tokenFromMail('lectrice@exemple.fr', 'confirm')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(tokenFromMail('lectrice@exemple.fr', 'unsubscribe')).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('gives the same answer for the same address twice, keeps one row and mails once', async () => {
    const first = await signUpAs('deux-fois@exemple.fr')
    const firstToken = tokenFromMail('deux-fois@exemple.fr', 'confirm')
    const second = await signUpAs('DEUX-FOIS@exemple.fr')
    expect(second).toEqual(first)
    expect(await subscriberByEmail('deux-fois@exemple.fr')).toHaveLength(1)
    // Within RESEND_INTERVAL_MS no second mail: the first link still works.
    expect(outbox.filter((mail) => mail.to === 'deux-fois@exemple.fr')).toHaveLength(1)
    expect(await confirmSubscription(ctx.payload, firstToken)).toBe('done')
  })

  it('mails at most once per address per interval, however often the form is sent', async () => {
    const answers = []
    for (let i = 0; i < 20; i += 1) answers.push(await signUpAs('insistant@exemple.fr'))
    expect(new Set(answers.map((answer) => answer.message)).size).toBe(1)
    expect(outbox.filter((mail) => mail.to === 'insistant@exemple.fr')).toHaveLength(1)
    const oldToken = tokenFromMail('insistant@exemple.fr', 'confirm')

    // The interval over (the link was mailed RESEND_INTERVAL_MS + 1 s ago): a new mail and link.
    const [stored] = await subscriberByEmail('insistant@exemple.fr')
    const mailedAt = Date.now() - RESEND_INTERVAL_MS - 1000
    await ctx.payload.update({
      collection: 'subscribers',
      id: stored!.id,
      data: { confirmTokenExpiresAt: new Date(mailedAt + CONFIRMATION_TTL_MS).toISOString() },
    })
    expect(await signUpAs('insistant@exemple.fr')).toEqual(answers[0])
    expect(outbox.filter((mail) => mail.to === 'insistant@exemple.fr')).toHaveLength(2)
    expect(await confirmSubscription(ctx.payload, oldToken)).toBe('invalid')
    const newToken = tokenFromMail('insistant@exemple.fr', 'confirm')
    expect(await confirmSubscription(ctx.payload, newToken)).toBe('done')
  })

  it('keeps one row when the same address signs up ten times at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => signUpAs('presse@exemple.fr')),
    )
    expect(new Set(results.map((r) => r.status))).toEqual(new Set(['ok']))
    expect(await subscriberByEmail('presse@exemple.fr')).toHaveLength(1)
  })

  it('takes only text fields from the submitted form', async () => {
    const form = new FormData()
    form.set('email', 'formulaire@exemple.fr')
    form.set('consent', 'on')
    form.set('sourcePage', '//evil.example/x')
    form.set('status', 'confirmed')
    const state = await subscribeToNewsletter({ status: 'idle' }, form)
    expect(state.status).toBe('ok')
    const [stored] = await subscriberByEmail('formulaire@exemple.fr')
    expect(stored?.status).toBe('pending')
    expect(stored?.sourcePage).toBe('/')
  })
})

describe('confirming', () => {
  it('confirms with the mailed link once; the link does not work twice', async () => {
    await signUpAs('confirme@exemple.fr')
    const token = tokenFromMail('confirme@exemple.fr', 'confirm')
    expect(await confirmSubscription(ctx.payload, token)).toBe('done')
    const [stored] = await subscriberByEmail('confirme@exemple.fr')
    expect(stored?.status).toBe('confirmed')
    expect(stored?.confirmedAt).toBeTruthy()
    expect(await confirmSubscription(ctx.payload, token)).toBe('invalid')
  })

  it('refuses an expired link and leaves the sign-up pending', async () => {
    await signUpAs('tard@exemple.fr')
    const token = tokenFromMail('tard@exemple.fr', 'confirm')
    const [stored] = await subscriberByEmail('tard@exemple.fr')
    await ctx.payload.update({
      collection: 'subscribers',
      id: stored!.id,
      data: { confirmTokenExpiresAt: new Date(Date.now() - 1000).toISOString() },
    })
    expect(await confirmSubscription(ctx.payload, token)).toBe('expired')
    expect((await subscriberByEmail('tard@exemple.fr'))[0]?.status).toBe('pending')
  })

  it.each([undefined, '', 'abc', 'x'.repeat(43), "' OR 1=1 --", ['a', 'b']])(
    'treats %j as an invalid link',
    async (token) => {
      expect(await confirmSubscription(ctx.payload, token)).toBe('invalid')
    },
  )

  it('does not mail again, nor downgrade, an address that is already confirmed', async () => {
    await signUpAs('fidele@exemple.fr')
    await confirmSubscription(ctx.payload, tokenFromMail('fidele@exemple.fr', 'confirm'))
    outbox.length = 0
    expect((await signUpAs('fidele@exemple.fr')).status).toBe('ok')
    expect(outbox).toHaveLength(0)
    expect((await subscriberByEmail('fidele@exemple.fr'))[0]?.status).toBe('confirmed')
  })
})

describe('unsubscribing', () => {
  it('unsubscribes with the mailed link, again harmlessly, and allows a new sign-up later', async () => {
    await signUpAs('partante@exemple.fr')
    const token = tokenFromMail('partante@exemple.fr', 'unsubscribe')
    await confirmSubscription(ctx.payload, tokenFromMail('partante@exemple.fr', 'confirm'))
    expect(await unsubscribe(ctx.payload, token)).toBe('done')
    expect(await unsubscribe(ctx.payload, token)).toBe('done')
    const [stored] = await subscriberByEmail('partante@exemple.fr')
    expect(stored?.status).toBe('unsubscribed')
    expect(stored?.unsubscribedAt).toBeTruthy()

    expect((await signUpAs('partante@exemple.fr')).status).toBe('ok')
    expect((await subscriberByEmail('partante@exemple.fr'))[0]?.status).toBe('pending')
  })

  it('refuses a made-up link', async () => {
    expect(await unsubscribe(ctx.payload, 'A'.repeat(43))).toBe('invalid')
  })
})

describe('tokens', () => {
  it('never appear in an API answer, not even to editors', async () => {
    await signUpAs('secret@exemple.fr')
    const { token } = await ctx.createUser(['editor'])
    const response = await ctx.rest('/api/subscribers?limit=100', { token })
    const text = await response.text()
    expect(response.status).toBe(200)
    expect(text).toContain('secret@exemple.fr')
    expect(text).not.toMatch(/TokenHash|confirmTokenExpiresAt/)
  })
})
