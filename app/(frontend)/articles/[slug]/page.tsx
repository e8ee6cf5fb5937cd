import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { AffiliateDisclosure } from '../../../../components/AffiliateDisclosure'
import { ArticleBody } from '../../../../components/ArticleBody'
import { Byline } from '../../../../components/Byline'
import { JsonLd } from '../../../../components/JsonLd'
import { NewsletterForm } from '../../../../components/NewsletterForm.client'
import { Picture } from '../../../../components/Picture'
import { ReadingMeter } from '../../../../components/ReadingMeter.client'
import { SeriesCard } from '../../../../components/SeriesCard'
import { SupportCallToAction } from '../../../../components/SupportCallToAction'
import { getArticle, getSiteSettings } from '../../../../lib/content'
import { categoryLabel } from '../../../../lib/categories'
import { env } from '../../../../lib/env'
import { alternatesFor, siteOpenGraph } from '../../../../lib/metadata'
import { consentWording } from '../../../../lib/newsletter'
import { hrefFor } from '../../../../lib/routes'
import { articleBreadcrumbJsonLd, articleJsonLd } from '../../../../lib/structured-data'
import { subscribeToNewsletter } from '../../newsletter/actions'

// Rendered on first request, then served from Next's cache until a change expires its tags
// (lib/cache-tags.ts); nothing is rendered at build time, when there is no database.
export const dynamicParams = true
export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [article, { publicationName }] = await Promise.all([
    getArticle((await params).slug),
    getSiteSettings(),
  ])
  if (!article) return {}
  const url = hrefFor({ collection: 'articles', slug: article.slug })
  return {
    title: article.title,
    description: article.standfirst,
    alternates: alternatesFor(url),
    openGraph: {
      type: 'article',
      url,
      title: article.title,
      description: article.standfirst,
      ...siteOpenGraph(publicationName),
      publishedTime: article.publishedAt ?? undefined,
      modifiedTime: article.updatedAt,
      authors: article.authors.map((author) => author.name),
      section: categoryLabel(article.category),
      // The image is the generated opengraph-image.tsx beside this page.
    },
    twitter: { card: 'summary_large_image', title: article.title, description: article.standfirst },
  }
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params
  const [article, settings] = await Promise.all([getArticle(slug), getSiteSettings()])
  if (!article) notFound()
  const now = new Date()
  return (
    <>
      <JsonLd data={articleJsonLd(article, settings, env().SITE_URL)} />
      <JsonLd data={articleBreadcrumbJsonLd(article, settings, env().SITE_URL)} />
      <article className="article">
        <header className="article-header">
          <h1>{article.title}</h1>
          <p className="standfirst">{article.standfirst}</p>
          <Byline
            authors={article.authors}
            publishedAt={article.publishedAt}
            updatedAt={article.updatedAt}
            readingMinutes={article.readingMinutes}
          />
          <AffiliateDisclosure
            disclosure={settings.affiliateDisclosure}
            linkCount={article.affiliateLinks.length}
          />
        </header>
        {article.image ? (
          <figure className="hero">
            <Picture image={article.image} sizes="(min-width: 800px) 760px, 100vw" priority />
          </figure>
        ) : null}
        <ArticleBody body={article.body} now={now} />
        {article.series ? (
          <SeriesCard series={article.series} now={now} label="La série de cet article" />
        ) : null}
      </article>
      <SupportCallToAction
        settings={settings}
        newsletterForm={
          <NewsletterForm
            action={subscribeToNewsletter}
            consentText={consentWording(settings.newsletter.name, settings.publicationName)}
            sourcePage={hrefFor({ collection: 'articles', slug: article.slug })}
          />
        }
      />
      {settings.meterEnabled ? (
        <ReadingMeter publicationName={settings.publicationName} articleSlug={article.slug} />
      ) : null}
    </>
  )
}
