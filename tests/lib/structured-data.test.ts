import { describe, expect, it } from '@jest/globals'

import { isoDuration, isoWithParisOffset } from '../../lib/format'
import {
  articleBreadcrumbJsonLd,
  articleJsonLd,
  authorBreadcrumbJsonLd,
  authorJsonLd,
  serializeJsonLd,
  seriesJsonLd,
} from '../../lib/structured-data'
import type { ArticleView, AuthorPageView, SeriesView, SiteSettingsView } from '../../lib/views'

const siteUrl = 'https://rouages.example'
const settings = { publicationName: 'Rouages' } as SiteSettingsView

const series: SeriesView = {
  title: 'Renault : anatomie d’un come-back',
  slug: 'renault-anatomie-dun-come-back',
  synopsis: 'Le redressement.',
  platform: 'Prime Video',
  productionCompany: 'Breath Film (Elephant)',
  poster: { url: '/api/media/file/affiche.png', alt: 'Affiche', width: 1000, height: 1500 },
  releaseAt: '2024-12-13T08:00:00.000Z',
  trialOffer: null,
  episodes: [1, 2, 3, 4].map((number) => ({
    number,
    title: `Épisode ${number}`,
    durationMinutes: 40,
    synopsis: null,
    releaseAt: null,
  })),
}

const article = {
  title: 'Une critique </script><script>alert(1)</script>',
  slug: 'une-critique',
  standfirst: 'Chapô.',
  publishedAt: '2024-12-05T13:32:00.000Z',
  updatedAt: '2024-12-06T08:00:00.000Z',
  image: { url: '/api/media/file/hero.png', alt: 'Hero', width: 1600, height: 900 },
  shareImages: [],
  authors: [{ id: 1, name: 'Julien Moreau', bio: null, slug: 'julien-moreau' }],
  series: { ...series, episodes: [] },
} as unknown as ArticleView

/** Reads the JSON-LD back as a search engine would from the page's <script> element. */
const parsed = (data: unknown) => JSON.parse(serializeJsonLd(data))

describe('dates and durations for structured data', () => {
  it('writes Paris time with its offset, winter and summer', () => {
    expect(isoWithParisOffset('2024-12-05T13:32:00Z')).toBe('2024-12-05T14:32:00+01:00')
    expect(isoWithParisOffset('2024-07-14T08:05:09Z')).toBe('2024-07-14T10:05:09+02:00')
  })

  it('writes ISO 8601 durations', () => {
    expect(isoDuration(40)).toBe('PT40M')
    expect(isoDuration(160)).toBe('PT2H40M')
    expect(isoDuration(120)).toBe('PT2H')
    expect(isoDuration(0)).toBe('PT0M')
  })
})

describe('NewsArticle', () => {
  it('has what Google asks for: headline, image, dates with offset, authors, publisher', () => {
    const data = parsed(articleJsonLd(article, settings, siteUrl))
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: article.title,
      url: 'https://rouages.example/articles/une-critique',
      image: ['https://rouages.example/api/media/file/hero.png'],
      datePublished: '2024-12-05T14:32:00+01:00',
      dateModified: '2024-12-06T09:00:00+01:00',
      author: [
        {
          '@type': 'Person',
          name: 'Julien Moreau',
          url: 'https://rouages.example/auteurs/julien-moreau',
        },
      ],
      publisher: { '@type': 'Organization', name: 'Rouages' },
      isAccessibleForFree: true,
      about: { '@type': 'TVSeries', name: series.title },
    })
  })

  it('offers the 16:9, 4:3 and 1:1 crops and the publisher logo when they exist', () => {
    const crops = [
      '/api/media/file/hero-1600x900.png',
      '/api/media/file/hero-1200x900.png',
      '/api/media/file/hero-1200x1200.png',
    ]
    const logo = { url: '/api/media/file/logo.png', alt: 'Logo', width: 512, height: 512 }
    const data = parsed(
      articleJsonLd({ ...article, shareImages: crops }, { ...settings, logo }, siteUrl),
    )
    expect(data.image).toEqual(crops.map((crop) => `${siteUrl}${crop}`))
    expect(data.publisher.logo).toEqual({
      '@type': 'ImageObject',
      url: `${siteUrl}/api/media/file/logo.png`,
      width: { '@type': 'QuantitativeValue', value: 512 },
      height: { '@type': 'QuantitativeValue', value: 512 },
    })
  })

  it('cannot be broken out of its <script> element by a field', () => {
    const text = serializeJsonLd(articleJsonLd(article, settings, siteUrl))
    expect(text).not.toContain('</script>')
    expect(text).not.toContain('<')
    expect(JSON.parse(text).headline).toBe(article.title)
  })

  it('comes with a breadcrumb from the home page to the article', () => {
    const data = parsed(articleBreadcrumbJsonLd(article, settings, siteUrl))
    expect(data.itemListElement.map((item: { item: string }) => item.item)).toEqual([
      'https://rouages.example/',
      'https://rouages.example/articles/une-critique',
    ])
  })

  it('names an author without a page, without a URL', () => {
    const data = parsed(
      articleJsonLd(
        {
          ...article,
          authors: [...article.authors, { id: 2, name: 'Alexandra Martin', bio: null, slug: null }],
        },
        settings,
        siteUrl,
      ),
    )
    expect(data.author).toEqual([
      {
        '@type': 'Person',
        name: 'Julien Moreau',
        url: 'https://rouages.example/auteurs/julien-moreau',
      },
      { '@type': 'Person', name: 'Alexandra Martin' },
    ])
  })
})

const author: AuthorPageView = {
  name: 'Julien Moreau',
  slug: 'julien-moreau',
  bio: 'Journaliste </script><script>alert(1)</script>',
  articles: [],
  page: 1,
  totalPages: 1,
}

describe('Person (author page)', () => {
  it('names the author, their page, their bio and the publication they write for', () => {
    const data = parsed(authorJsonLd(author, settings, siteUrl))
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Person',
      name: 'Julien Moreau',
      url: 'https://rouages.example/auteurs/julien-moreau',
      mainEntityOfPage: 'https://rouages.example/auteurs/julien-moreau',
      description: author.bio,
      worksFor: { '@type': 'Organization', name: 'Rouages', url: siteUrl },
    })
    expect(serializeJsonLd(authorJsonLd(author, settings, siteUrl))).not.toContain('</script>')
  })

  it('leaves the description out when there is no bio', () => {
    expect(parsed(authorJsonLd({ ...author, bio: null }, settings, siteUrl))).not.toHaveProperty(
      'description',
    )
  })

  it('comes with a breadcrumb from the home page to the author', () => {
    const data = parsed(authorBreadcrumbJsonLd(author, settings, siteUrl))
    expect(data['@type']).toBe('BreadcrumbList')
    expect(data.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Rouages', item: 'https://rouages.example/' },
      {
        '@type': 'ListItem',
        position: 2,
        name: 'Julien Moreau',
        item: 'https://rouages.example/auteurs/julien-moreau',
      },
    ])
  })
})

describe('TVSeries', () => {
  it('gives the production company, the platform and four 40-minute episodes released at 9:00 Paris', () => {
    const data = parsed(seriesJsonLd(series, siteUrl))
    expect(data).toMatchObject({
      '@type': 'TVSeries',
      name: series.title,
      productionCompany: { '@type': 'Organization', name: 'Breath Film (Elephant)' },
      provider: { '@type': 'Organization', name: 'Prime Video' },
      numberOfEpisodes: 4,
      datePublished: '2024-12-13T09:00:00+01:00',
    })
    expect(data.episode).toHaveLength(4)
    expect(data.episode[0]).toEqual({
      '@type': 'TVEpisode',
      episodeNumber: 1,
      name: 'Épisode 1',
      duration: 'PT40M',
      datePublished: '2024-12-13T09:00:00+01:00',
    })
  })
})
