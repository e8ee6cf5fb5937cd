import './styles.css'

import type { Metadata } from 'next'
import type React from 'react'

import { SiteFooter } from '../../components/SiteFooter'
import { SiteHeader } from '../../components/SiteHeader'
import { getSiteSettings } from '../../lib/content'
import { env } from '../../lib/env'
import { alternatesFor, siteOpenGraph } from '../../lib/metadata'

export async function generateMetadata(): Promise<Metadata> {
  const { publicationName, tagline } = await getSiteSettings()
  return {
    title: { default: publicationName, template: `%s · ${publicationName}` },
    description: tagline ?? undefined,
    metadataBase: new URL(env().SITE_URL),
    alternates: alternatesFor(),
    openGraph: { ...siteOpenGraph(publicationName), type: 'website' },
    twitter: { card: 'summary_large_image' },
  }
}

export default async function FrontendLayout({ children }: { children: React.ReactNode }) {
  const settings = await getSiteSettings()
  return (
    <html lang="fr">
      <body>
        <SiteHeader publicationName={settings.publicationName} tagline={settings.tagline} />
        <main id="contenu" className="container">
          {children}
        </main>
        <SiteFooter publicationName={settings.publicationName} />
      </body>
    </html>
  )
}
