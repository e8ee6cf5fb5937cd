import { env } from './env'

export type Routable =
  | { collection: 'articles'; slug: string }
  | { collection: 'series'; slug: string }
  | { collection: 'affiliate-links'; slug: string }

/** The one place that knows where a document lives on the reader site. */
export function hrefFor(doc: Routable): string {
  const slug = encodeURIComponent(doc.slug)
  switch (doc.collection) {
    case 'articles':
      return `/articles/${slug}`
    case 'series':
      return `/series/${slug}`
    case 'affiliate-links':
      return `/go/${slug}`
  }
}

/** An absolute URL on the public site, from SITE_URL. */
export function absoluteUrl(pathname: string): string {
  return `${env().SITE_URL}${pathname.startsWith('/') ? pathname : `/${pathname}`}`
}
