import type { Payload, RequestContext } from 'payload'

import { SKIP_CACHE_EXPIRY } from '../collections/shared/revalidate'
import { DEV_SEED_PASSWORD, env } from '../lib/env'
import type { User } from '../payload-types'
import type { DocId } from '../lib/views'
import { ARTICLES, DEMO_USERS, SERIES, SETTINGS, TRIAL_OFFER } from './content'
import { heroSvg, logoSvg, png, posterSvg } from './images'

/** The seed is trusted server code: it writes past access control, and says so. */
const trusted = { overrideAccess: true } as const

/** Options of the seed's writes: trusted, with the request context the caller gives. */
type Write = { overrideAccess: true; context: RequestContext }

/** SEED_PASSWORD, or the documented development password outside production. */
export function seedPassword(): string {
  const { SEED_PASSWORD } = env()
  if (SEED_PASSWORD) return SEED_PASSWORD
  if (process.env.NODE_ENV === 'production') {
    throw new Error('SEED_PASSWORD is required to seed the demo users in production.')
  }
  return DEV_SEED_PASSWORD
}

async function upsertUser(
  payload: Payload,
  user: (typeof DEMO_USERS)[number],
  password: string,
  write: Write,
) {
  const { docs } = await payload.find({
    collection: 'users',
    where: { email: { equals: user.email } },
    limit: 1,
    depth: 0,
    ...trusted,
  })
  const data = { ...user, roles: [...user.roles], password }
  const existing = docs[0]
  if (existing) {
    return payload.update({ collection: 'users', id: existing.id, data, depth: 0, ...write })
  }
  return payload.create({ collection: 'users', data, depth: 0, ...write })
}

async function upsertImage(
  payload: Payload,
  filename: string,
  alt: string,
  svg: Buffer,
  write: Write,
) {
  const { docs } = await payload.find({
    collection: 'media',
    where: { filename: { equals: filename } },
    limit: 1,
    depth: 0,
    ...trusted,
  })
  if (docs[0]) return docs[0]
  const data = await png(svg)
  return payload.create({
    collection: 'media',
    data: { alt },
    file: { data, mimetype: 'image/png', name: filename, size: data.length },
    depth: 0,
    ...write,
  })
}

async function idBySlug(
  payload: Payload,
  collection: 'articles' | 'series' | 'affiliate-links',
  slug: string,
): Promise<DocId | undefined> {
  const { docs } = await payload.find({
    collection,
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    draft: true,
    select: {},
    ...trusted,
  })
  return docs[0]?.id
}

/**
 * Creates or refreshes the demo content: users, images, the affiliate offer, the series, the
 * articles and the site settings. Every document is found by its natural key (e-mail, slug,
 * file name) first, so running it again leaves one copy of each.
 */
export async function seedDemoContent(
  payload: Payload,
  options: { password: string; context?: RequestContext },
) {
  const write: Write = { ...trusted, context: options.context ?? {} }
  payload.logger.info('Seeding the demo content…')
  const users = new Map<string, User['id']>()
  for (const user of DEMO_USERS) {
    const saved = await upsertUser(payload, user, options.password, write)
    users.set(user.email, saved.id)
  }

  const poster = await upsertImage(
    payload,
    'renault-anatomie-dun-come-back-affiche.png',
    'Affiche de la série : une route de nuit file vers un horizon doré, sous un losange blanc.',
    posterSvg(),
    write,
  )
  const hero = await upsertImage(
    payload,
    'renault-anatomie-dun-come-back-chaine.png',
    'Illustration : une chaîne de montage stylisée, en jaune sur fond bleu nuit.',
    heroSvg(),
    write,
  )

  const logo = await upsertImage(
    payload,
    'rouages-logo.png',
    'Logo de Rouages : un rouage rouge autour d’une route jaune.',
    logoSvg(),
    write,
  )

  const offerId = await idBySlug(payload, 'affiliate-links', TRIAL_OFFER.slug)
  const offer = offerId
    ? await payload.update({
        collection: 'affiliate-links',
        id: offerId,
        data: TRIAL_OFFER,
        ...write,
      })
    : await payload.create({ collection: 'affiliate-links', data: TRIAL_OFFER, ...write })

  const seriesData = {
    ...SERIES,
    poster: poster.id,
    trialOffer: offer.id,
    _status: 'published' as const,
  }
  const seriesId = await idBySlug(payload, 'series', SERIES.slug)
  const series = seriesId
    ? await payload.update({ collection: 'series', id: seriesId, data: seriesData, ...write })
    : await payload.create({ collection: 'series', data: seriesData, ...write })

  for (const article of ARTICLES) {
    const author = users.get(article.author)
    if (author === undefined) throw new Error(`Unknown demo author ${article.author}`)
    const data = {
      slug: article.slug,
      title: article.title,
      standfirst: article.standfirst,
      category: article.category,
      publishedAt: article.publishedAt,
      authors: [author],
      series: article.withSeries ? series.id : null,
      heroImage: article.withHero ? hero.id : null,
      body: article.body({ trialOfferId: offer.id, seriesId: series.id }),
      _status: 'published' as const,
    }
    const id = await idBySlug(payload, 'articles', article.slug)
    if (id !== undefined) {
      await payload.update({ collection: 'articles', id, data, ...write })
    } else {
      // A new demo article was written when it says it was published, not when it was seeded.
      const written = { createdAt: article.publishedAt, updatedAt: article.publishedAt }
      await payload.create({ collection: 'articles', data: { ...data, ...written }, ...write })
    }
  }

  await payload.updateGlobal({
    slug: 'site-settings',
    data: { ...SETTINGS, logo: logo.id },
    ...write,
  })
  payload.logger.info('Demo content ready.')
}

/** On a fresh development database (no user yet), seed once so that the site has a story to show. */
export async function ensureDemoContent(payload: Payload) {
  const { totalDocs } = await payload.count({ collection: 'users', ...trusted })
  if (totalDocs > 0) return
  // A fresh database: nothing is cached yet, and the server that would be told is this one,
  // still booting (each notice would wait for its timeout).
  await seedDemoContent(payload, {
    password: seedPassword(),
    context: { [SKIP_CACHE_EXPIRY]: true },
  })
}
