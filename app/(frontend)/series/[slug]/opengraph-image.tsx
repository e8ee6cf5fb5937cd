import { notFound } from 'next/navigation'

import { getSeries, getSiteSettings } from '../../../../lib/content'
import { OG_SIZE, socialImage } from '../../../../lib/og-image'

export const size = OG_SIZE
export const contentType = 'image/png'
export const alt = 'Affiche et titre de la série'

type Props = { params: Promise<{ slug: string }> }

export default async function Image({ params }: Props) {
  const [series, settings] = await Promise.all([getSeries((await params).slug), getSiteSettings()])
  if (!series) notFound()
  return socialImage({
    title: series.title,
    kicker: `Série · ${series.platform}`,
    publicationName: settings.publicationName,
    image: series.poster,
  })
}
