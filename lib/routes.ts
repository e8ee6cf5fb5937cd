import { env } from './env'

export type Routable =
  | { collection: 'articles'; slug: string }
  | { collection: 'series'; slug: string }
  | { collection: 'affiliate-links'; slug: string }
  | { collection: 'users'; slug: string }

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
    case 'users':
      return `/auteurs/${slug}`
  }
}

/** Page `page` of an author's articles: the first is the author page itself. */
export function authorPageHref(slug: string, page = 1): string {
  const base = hrefFor({ collection: 'users', slug })
  return page > 1 ? `${base}/page/${page}` : base
}

/** The release of a series as an iCalendar file (app/(frontend)/series/[slug]/calendar.ics). */
export function seriesCalendarHref(slug: string): string {
  return `${hrefFor({ collection: 'series', slug })}/calendar.ics`
}

/** An absolute URL on the public site, from SITE_URL unless another base is given. */
/**
 * A site-relative path for a URL Payload made absolute with its `serverURL` (media files):
 * views keep paths, so next/image serves them as local images and feeds prefix SITE_URL once.
 */
export function sitePath(url: string, siteUrl: string = env().SITE_URL): string {
  const base = siteUrl.replace(/\/+$/, '')
  return url.startsWith(`${base}/`) ? url.slice(base.length) : url
}

export function absoluteUrl(pathname: string, siteUrl: string = env().SITE_URL): string {
  const base = siteUrl.replace(/\/+$/, '')
  return `${base}${pathname.startsWith('/') ? pathname : `/${pathname}`}`
}

/** Where the reader site lets staff preview drafts (app/(frontend)/preview). */
export const PREVIEW_PATH = '/preview'

export type PreviewTarget =
  | { collection: 'articles' | 'series'; slug: string }
  | { collection: 'articles' | 'series'; id: string | number }

/** The preview entry for a document: it checks the session, turns draft mode on, then redirects. */
export function previewHref(target: PreviewTarget): string {
  const params = new URLSearchParams({ collection: target.collection })
  if ('slug' in target) params.set('slug', target.slug)
  else params.set('id', String(target.id))
  return `${PREVIEW_PATH}?${params}`
}

/** Leaves the preview, back to the public page at `pagePath` (or the home page). */
export function exitPreviewHref(pagePath: string): string {
  return `${PREVIEW_PATH}/exit?${new URLSearchParams({ path: pagePath })}`
}
