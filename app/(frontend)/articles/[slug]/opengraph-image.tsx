import { notFound } from 'next/navigation'

import { categoryLabel } from '../../../../lib/categories'
import { getArticle, getSiteSettings } from '../../../../lib/content'
import { OG_SIZE, socialImage } from '../../../../lib/og-image'

export const size = OG_SIZE
export const contentType = 'image/png'
export const alt = 'Titre de l’article'

type Props = { params: Promise<{ slug: string }> }

/** Only a published article has one: the query reads as an anonymous reader. */
export default async function Image({ params }: Props) {
  const [article, settings] = await Promise.all([
    getArticle((await params).slug),
    getSiteSettings(),
  ])
  if (!article) notFound()
  return socialImage({
    title: article.title,
    kicker: categoryLabel(article.category),
    publicationName: settings.publicationName,
    image: article.image,
  })
}
