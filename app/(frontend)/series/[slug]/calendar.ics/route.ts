import { getSeries } from '../../../../../lib/content'
import { env } from '../../../../../lib/env'
import { seriesCalendar } from '../../../../../lib/ical'

export const dynamic = 'force-dynamic'

// Per request until tag-based caching and revalidation arrive with the editorial-workflow issue.
const NO_STORE = { 'Cache-Control': 'no-store' }

/** The release of a published series as an iCalendar event; anything else is not found. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const series = await getSeries((await params).slug)
  if (!series) {
    return new Response('Série introuvable.', {
      status: 404,
      headers: { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  return new Response(seriesCalendar(series, env().SITE_URL), {
    headers: {
      ...NO_STORE,
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="${series.slug}.ics"`,
    },
  })
}
