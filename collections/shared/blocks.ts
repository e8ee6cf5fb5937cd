/** The blocks an article body may embed; each has a converter in components/ArticleBody.tsx. */
import type { Block } from 'payload'

/** A card for a series: lib/content populates it, readers see poster, facts and trial offer. */
export const SeriesCardBlock: Block = {
  slug: 'seriesCard',
  interfaceName: 'SeriesCardBlock',
  labels: {
    singular: { fr: 'Fiche de série', en: 'Series card' },
    plural: { fr: 'Fiches de série', en: 'Series cards' },
  },
  fields: [
    {
      name: 'series',
      label: { fr: 'Série', en: 'Series' },
      type: 'relationship',
      relationTo: 'series',
      required: true,
    },
  ],
}
