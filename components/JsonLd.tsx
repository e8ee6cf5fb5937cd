import { serializeJsonLd } from '../lib/structured-data'

/** Structured data for search engines, escaped against </script> break-outs. */
export function JsonLd({ data }: { data: unknown }) {
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }}
    />
  )
}
