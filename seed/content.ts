/**
 * The demo site's texts, written for Kiosque from the facts in shared/FACTS.md. The
 * publication, "Rouages", is fictional.
 */
import type { DocId } from '../lib/views'
import { affiliateLink, doc, h2, italic, link, p, seriesCard } from './lexical'

export const DEMO_USERS = [
  {
    email: 'admin@kiosque.test',
    name: 'Alexandra Martin',
    slug: 'alexandra-martin',
    roles: ['admin'],
  },
  {
    email: 'editor@kiosque.test',
    name: 'Claire Dubois',
    slug: 'claire-dubois',
    roles: ['editor'],
    bio: 'Rédactrice en chef de Rouages.',
  },
  {
    email: 'journalist@kiosque.test',
    name: 'Julien Moreau',
    slug: 'julien-moreau',
    roles: ['journalist'],
    bio: 'Journaliste, il suit l’industrie automobile et les écrans.',
  },
] as const

export const TRIAL_OFFER = {
  slug: 'prime-video-essai-30-jours',
  label: 'Essayer Prime Video gratuitement pendant 30 jours',
  merchant: 'Prime Video (Amazon)',
  url: 'https://www.primevideo.com/?ref=rouages-demo',
  active: true,
}

export const SERIES = {
  slug: 'renault-anatomie-dun-come-back',
  title: 'Renault : anatomie d’un come-back',
  synopsis:
    'Au bord de la faillite, lesté de pertes records, le groupe Renault confie sa direction à Luca de Meo. ' +
    'En quatre épisodes, la série suit la remise sur pied du constructeur : le plan stratégique ' +
    '« Renaulution » lancé en janvier 2021, la réorganisation qui l’accompagne, les arrivées et les départs. ' +
    'Les caméras ont eu accès à des réunions d’habitude confidentielles et à des pistes d’essai fermées, ' +
    'jusqu’à la présentation d’un modèle inédit dont la marque et le genre restent secrets.',
  platform: 'Prime Video',
  productionCompany: 'Breath Film (Elephant)',
  // Friday 13 December 2024, 09:00 in Paris (UTC+1 in winter).
  releaseAt: '2024-12-13T08:00:00.000Z',
  releaseAt_tz: 'Europe/Paris' as const,
  episodes: [
    {
      number: 1,
      durationMinutes: 40,
      synopsis:
        'Les enjeux du redressement, d’une marque du groupe à l’autre : l’épisode qui installe le récit.',
    },
    { number: 2, durationMinutes: 40 },
    { number: 3, durationMinutes: 40 },
    { number: 4, durationMinutes: 40 },
  ],
}

export const SETTINGS = {
  publicationName: 'Rouages',
  tagline: 'L’actualité tech et mobilité',
  membership: {
    offerName: 'Rouages Plus',
    title: 'Soutenez Rouages avec l’offre Plus',
    reasons: [
      { text: 'Votre adhésion garde Rouages gratuit et ouvert à toutes et à tous.' },
      {
        text: 'Vous lisez sans publicité, avec des fonctions de lecture avancées et des contenus réservés aux membres.',
      },
      {
        text: 'Vous aidez notre mission : expliquer la tech et la mobilité avec rigueur et en toute indépendance.',
      },
    ],
    buttonLabel: 'Je rejoins Rouages Plus',
    buttonUrl: '/soutenir',
  },
  newsletter: {
    name: 'Rouages Mobilités',
    pitch:
      'Chaque vendredi, l’essentiel des transports de la semaine, de la voiture électrique au vélo, dans votre boîte mail.',
  },
  affiliateDisclosure: {
    text: 'Cet article contient des liens d’affiliation : si vous souscrivez une offre en les suivant, Rouages peut percevoir une commission, sans surcoût pour vous.',
    explanationUrl: '/articles/nos-liens-daffiliation',
  },
  meterEnabled: true,
}

type ArticleSeed = {
  slug: string
  title: string
  standfirst: string
  category: 'mobilite' | 'tech' | 'ecrans' | 'energie'
  publishedAt: string
  author: (typeof DEMO_USERS)[number]['email']
  withSeries?: boolean
  withHero?: boolean
  body: (refs: { trialOfferId: DocId; seriesId: DocId }) => ReturnType<typeof doc>
}

export const ARTICLES: ArticleSeed[] = [
  {
    slug: 'renault-anatomie-dun-come-back-premier-episode',
    title: 'Renault : anatomie d’un come-back, on a vu le premier épisode',
    standfirst:
      'Avant sa mise en ligne, nous avons regardé le premier des quatre épisodes de la série documentaire que Prime Video consacre au redressement de Renault. Un épisode d’installation, pas le plus haletant, mais indispensable.',
    category: 'ecrans',
    publishedAt: '2024-12-05T13:32:00.000Z',
    author: 'journalist@kiosque.test',
    withSeries: true,
    withHero: true,
    body: ({ trialOfferId, seriesId }) =>
      doc(
        p(
          'Le vendredi 13 décembre 2024 à 9 heures, Prime Video met en ligne d’un seul coup les quatre épisodes de ',
          italic('Renault : anatomie d’un come-back'),
          ', une série documentaire produite par Breath Film (Elephant). Chaque épisode dure une quarantaine de minutes. Nous avons pu découvrir le premier en avant-première.',
        ),
        seriesCard(seriesId, 'carte-renault-anatomie-dun-come-back'),
        h2('Un constructeur au pied du mur'),
        p(
          'Le point de départ est connu : quand Luca de Meo prend les commandes du groupe, Renault enchaîne des pertes sans précédent et la faillite n’est plus une hypothèse d’école. La série se propose de raconter comment le dirigeant s’y est pris pour inverser la tendance.',
        ),
        p(
          'Le fil conducteur est « Renaulution », le plan stratégique dévoilé en janvier 2021. Autour de lui, le documentaire montre une entreprise qui se réorganise de fond en comble, avec son lot d’arrivées remarquées et de départs.',
        ),
        h2('Des portes d’ordinaire closes'),
        p(
          'L’intérêt principal de la série tient à ses images : l’équipe de tournage a été admise dans des réunions qui restent habituellement confidentielles et sur des pistes d’essai interdites au public. Elle promet aussi la présentation d’un modèle encore inédit, au cours d’un épisode qui devrait être le dernier. D’ici là, ni la marque concernée ni le type de véhicule ne sont dévoilés.',
        ),
        h2('Un premier épisode qui pose les bases'),
        p(
          'Ce premier volet expose les enjeux et circule d’une marque du groupe à l’autre. Revers de cette ambition, la chronologie se montre parfois difficile à suivre, et l’on s’accroche par moments pour savoir à quelle période se situe une scène.',
        ),
        p(
          'Ce n’est donc pas l’épisode le plus captivant de la série, mais il remplit sa mission : sans lui, la suite du récit perdrait une bonne part de son sens.',
        ),
        h2('Où et quand regarder la série'),
        p(
          'Les quatre épisodes sont proposés sur Prime Video à partir du 13 décembre à 9 heures. Si vous n’avez jamais été abonné à la plateforme, ',
          affiliateLink(trialOfferId, 'l’offre d’essai de 30 jours'),
          ' permet de la regarder sans payer.',
        ),
      ),
  },
  {
    slug: 'nos-liens-daffiliation',
    title: 'Nos liens d’affiliation, expliqués',
    standfirst:
      'Certains de nos articles renvoient vers des offres commerciales par des liens d’affiliation. Voici ce que cela signifie pour vous, et ce que cela ne change pas.',
    category: 'tech',
    publishedAt: '2024-11-20T09:00:00.000Z',
    author: 'editor@kiosque.test',
    body: () =>
      doc(
        p(
          'Quand un article de Rouages vous propose de souscrire une offre, par exemple l’essai gratuit d’une plateforme de vidéo, le lien peut être un lien d’affiliation. Si vous souscrivez en le suivant, le marchand nous reverse une commission.',
        ),
        h2('Ce que cela change pour vous'),
        p(
          'Rien sur le prix : vous payez exactement ce que vous paieriez sans passer par nous. Chaque article qui contient de tels liens le signale dès son début.',
        ),
        h2('Ce que cela ne change pas pour nous'),
        p(
          'Les marchands ne relisent pas nos articles et ne choisissent pas les sujets que nous traitons. Une offre ne nous rapporte quelque chose que si vous la jugez utile ; notre intérêt est donc de vous dire ce que nous en pensons vraiment.',
        ),
        p(
          'Ces revenus s’ajoutent à ceux de notre offre d’adhésion, ',
          link('/soutenir', 'Rouages Plus'),
          ', qui reste notre principal soutien.',
        ),
      ),
  },
  {
    slug: 'recharge-rapide-puissance-affichee',
    title: 'Recharge rapide : pourquoi vous n’obtenez presque jamais la puissance affichée',
    standfirst:
      'La borne promet beaucoup de kilowatts, la voiture en accepte bien moins. C’est normal : la batterie décide, et elle a ses raisons.',
    category: 'mobilite',
    publishedAt: '2024-11-28T07:30:00.000Z',
    author: 'journalist@kiosque.test',
    body: () =>
      doc(
        p(
          'La puissance inscrite sur une borne est un plafond, pas une promesse. Ce que la voiture reçoit dépend surtout de sa batterie, qui négocie en permanence avec la borne ce qu’elle peut encaisser.',
        ),
        h2('La courbe de charge'),
        p(
          'Une batterie presque vide accepte une forte puissance, puis la réduit à mesure qu’elle se remplit. Passé 80 %, la recharge ralentit nettement : il est souvent plus rapide de repartir et de s’arrêter un peu plus loin.',
        ),
        h2('La température compte'),
        p(
          'Une batterie froide se charge lentement. Beaucoup de voitures savent la préchauffer en route quand on programme une borne dans leur navigation : c’est le meilleur moyen de gagner de précieuses minutes l’hiver.',
        ),
      ),
  },
  {
    slug: 'velo-electrique-faire-durer-sa-batterie',
    title: 'Vélo électrique : cinq habitudes pour faire durer sa batterie',
    standfirst:
      'La batterie est la pièce la plus chère d’un vélo à assistance électrique. Quelques gestes simples l’aident à vieillir lentement.',
    category: 'mobilite',
    publishedAt: '2024-12-02T06:45:00.000Z',
    author: 'editor@kiosque.test',
    body: () =>
      doc(
        p(
          'Évitez de la vider complètement, et ne la laissez pas des semaines à 100 % : entre deux sorties, une charge intermédiaire lui convient mieux.',
        ),
        p(
          'Rangez-la au tempéré. Le froid intense comme les fortes chaleurs l’usent plus vite ; l’hiver, rechargez-la à l’intérieur plutôt que dans un garage glacial.',
        ),
        p(
          'Utilisez le chargeur fourni par le fabricant, gardez les contacts propres et secs, et faites contrôler la batterie lors de l’entretien annuel du vélo.',
        ),
      ),
  },
]
