import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { AffiliateDisclosure } from '../../../../components/AffiliateDisclosure'
import { ArticleBody } from '../../../../components/ArticleBody'
import { Byline } from '../../../../components/Byline'
import { JsonLd } from '../../../../components/JsonLd'
import { LivePreviewRefresh } from '../../../../components/LivePreviewRefresh.client'
import { NewsletterForm } from '../../../../components/NewsletterForm.client'
import { Picture } from '../../../../components/Picture'
import { PreviewBanner } from '../../../../components/PreviewBanner'
import { ReadingMeter } from '../../../../components/ReadingMeter.client'
import { SeriesCard } from '../../../../components/SeriesCard'
import { SupportCallToAction } from '../../../../components/SupportCallToAction'
import { getArticle, getArticlePreview, getSiteSettings } from '../../../../lib/content'
import { categoryLabel } from '../../../../lib/categories'
import { env } from '../../../../lib/env'
import { alternatesFor, PREVIEW_ROBOTS, siteOpenGraph } from '../../../../lib/metadata'
import { consentWording } from '../../../../lib/newsletter'
import { previewUser } from '../../../../lib/preview'
import { exitPreviewHref, hrefFor } from '../../../../lib/routes'
import { articleBreadcrumbJsonLd, articleJsonLd } from '../../../../lib/structured-data'
import { subscribeToNewsletter } from '../../newsletter/actions'

// Rendered on first request, then served from Next's cache until a change expires its tags
// (lib/cache-tags.ts); nothing is rendered at build time, when there is no database.
export const dynamicParams = true
export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string }> }

/**
 * The published article, or its latest draft for a staff member in draft mode (lib/preview.ts).
 * Draft mode without a staff session renders the public page.
 */
async function loadArticle(slug: string) {
  const viewer = await previewUser()
  const article = viewer ? await getArticlePreview(slug, viewer) : await getArticle(slug)
  return { article, preview: viewer !== null }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ article, preview }, { publicationName }] = await Promise.all([
    loadArticle((await params).slug),
    getSiteSettings(),
  ])
  if (!article) return {}
  const url = hrefFor({ collection: 'articles', slug: article.slug })
  return {
    title: preview ? `Aperçu : ${article.title}` : article.title,
    ...(preview ? { robots: PREVIEW_ROBOTS } : {}),
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
  const [{ article, preview }, settings] = await Promise.all([loadArticle(slug), getSiteSettings()])
  if (!article) notFound()
  const now = new Date()
  const href = hrefFor({ collection: 'articles', slug: article.slug })
  return (
    <>
      {preview ? (
        <>
          <PreviewBanner exitHref={exitPreviewHref(href)} />
          <LivePreviewRefresh />
        </>
      ) : null}
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
            sourcePage={href}
          />
        }
      />
      {/* A preview is not a read: staff previewing drafts would fill their own meter. */}
      {settings.meterEnabled && !preview ? (
        <ReadingMeter publicationName={settings.publicationName} articleSlug={article.slug} />
      ) : null}
    </>
  )
}
