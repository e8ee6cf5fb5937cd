import type { SeriesCardView } from '../../lib/views'

/** The demo series as its card receives it from lib/content. */
export const demoCard: SeriesCardView = {
  title: 'Renault : anatomie d’un come-back',
  slug: 'renault-anatomie-dun-come-back',
  platform: 'Prime Video',
  productionCompany: 'Breath Film (Elephant)',
  poster: {
    url: '/api/media/file/affiche.png',
    alt: 'Affiche de la série : une route de nuit sous un losange blanc.',
    width: 1000,
    height: 1500,
  },
  releaseAt: '2024-12-13T08:00:00.000Z',
  trialOffer: {
    slug: 'prime-video-essai-30-jours',
    label: 'Essayer Prime Video gratuitement pendant 30 jours',
    merchant: 'Prime Video (Amazon)',
  },
  episodes: [40, 40, 40, 40].map((durationMinutes) => ({ durationMinutes })),
}
