import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { renderToStaticMarkup } from 'react-dom/server'

import SupportPage, { generateMetadata } from '../../app/(frontend)/soutenir/page'
import { seedDemoContent } from '../../seed'
import { SETTINGS } from '../../seed/content'
import { startPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext

beforeAll(async () => {
  ctx = await startPayload()
  await seedDemoContent(ctx.payload, { password: 'support-password' })
})

afterAll(async () => {
  await ctx?.close()
})

describe('/soutenir, where the membership appeal leads', () => {
  it('presents the offer from the site settings, its three reasons and the newsletter form', async () => {
    const html = renderToStaticMarkup(await SupportPage())
    expect(html).toContain(`<h1 class="page-title">${SETTINGS.membership.title}</h1>`)
    for (const { text } of SETTINGS.membership.reasons) expect(html).toContain(text)
    expect(html.match(/<li>/g)).toHaveLength(3)
    // No payment here: the page says so instead of offering a button that leads nowhere.
    expect(html).toContain('n’est pas encore ouverte')
    expect(html).toContain('name="email"')
    expect(html).toContain('name="sourcePage" value="/soutenir"')
  })

  it('has its title and canonical address', async () => {
    const meta = await generateMetadata()
    expect(meta.title).toBe('Soutenir Rouages')
    expect(meta.alternates).toMatchObject({ canonical: '/soutenir' })
  })
})
