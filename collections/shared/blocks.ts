/** The blocks an article body may embed; each has a converter in components/ArticleBody.tsx. */
import type { Block } from 'payload'

/** A card for a series: lib/content populates it, readers see poster, facts and trial offer. */
export const SeriesCardBlock: Block = {
  slug: 'seriesCard',
  interfaceName: 'SeriesCardBlock',
  labels: { singular: 'Fiche de série', plural: 'Fiches de série' },
  fields: [
    {
      name: 'series',
      label: 'Série',
      type: 'relationship',
      relationTo: 'series',
      required: true,
    },
  ],
}
