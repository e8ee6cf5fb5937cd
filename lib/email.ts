import type { EmailAdapter } from 'payload'
import nodemailer from 'nodemailer'

import { env } from './env'

export type SentMail = { to: string; subject: string; text: string; html?: string }

/** Mail written to the console instead of sent (no SMTP_URL); tests read the links from it. */
export const outbox: SentMail[] = []

function recipient(to: unknown): string {
  if (!to) return ''
  if (Array.isArray(to)) return to.map(recipient).join(', ')
  if (typeof to === 'string') return to
  const address = (to as { address?: unknown }).address
  return typeof address === 'string' ? address : ''
}

/**
 * Payload's e-mail adapter on nodemailer: SMTP when SMTP_URL is set, otherwise the message is
 * written to the console (development, tests). Hand-written because Payload's own nodemailer
 * adapter pins an older payload version than ours; it is the few lines of Payload's interface.
 */
export const emailAdapter: EmailAdapter = ({ payload }) => {
  const { SMTP_URL, EMAIL_FROM } = env()
  const transport = SMTP_URL ? nodemailer.createTransport(SMTP_URL) : null
  if (!transport && process.env.NODE_ENV === 'production') {
    payload.logger.warn('SMTP_URL is not set: e-mails are written to the console, not sent.')
  }
  return {
    name: transport ? 'smtp' : 'console',
    defaultFromAddress: EMAIL_FROM,
    defaultFromName: 'Kiosque',
    sendEmail: async (message) => {
      if (transport) return transport.sendMail(message)
      const mail: SentMail = {
        to: recipient(message.to),
        subject: String(message.subject ?? ''),
        text: String(message.text ?? ''),
        html: typeof message.html === 'string' ? message.html : undefined,
      }
      outbox.push(mail)
      if (outbox.length > 100) outbox.shift()
      payload.logger.info(`E-mail to ${mail.to}: ${mail.subject}\n${mail.text}`)
      return mail
    },
  }
}
