import path from 'node:path'
import { fileURLToPath } from 'node:url'

import {
  BlocksFeature,
  FixedToolbarFeature,
  lexicalEditor,
  LinkFeature,
} from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { fr } from '@payloadcms/translations/languages/fr'
import { type BasePayload, buildConfig } from 'payload'
import sharp from 'sharp'

import { AffiliateClicks } from './collections/AffiliateClicks'
import { AffiliateLinks } from './collections/AffiliateLinks'
import { Articles } from './collections/Articles'
import { Media, MAX_UPLOAD_BYTES } from './collections/Media'
import { Series } from './collections/Series'
import { EXPIRE_TAGS_TASK } from './collections/Series/hooks'
import { isEditorUser } from './collections/shared/access'
import { SeriesCardBlock } from './collections/shared/blocks'
import { withParisDates } from './collections/shared/paris-dates'
import { GRAPHQL_MAX_COMPLEXITY, MAX_DEPTH, withApiLimits } from './collections/shared/query-limits'
import { Subscribers } from './collections/Subscribers'
import { Users } from './collections/Users'
import { SiteSettings } from './globals/SiteSettings'
import { isCacheTag } from './lib/cache-tags'
import { databaseAdapter, databaseKind } from './lib/db'
import { emailAdapter } from './lib/email'
import { env, trustedOrigins } from './lib/env'
import { expireTags } from './lib/revalidate'
import { NEWSROOM_TIME_ZONE } from './lib/time'
import { migrations } from './migrations'

type MigrationList = NonNullable<Parameters<BasePayload['db']['migrate']>[0]>['migrations']

const dirname = path.dirname(fileURLToPath(import.meta.url))
const { DATABASE_URI, PAYLOAD_SECRET, SITE_URL } = env()

export default buildConfig({
  secret: PAYLOAD_SECRET,
  // Absolute URLs (admin, e-mails) and the only origin whose cookie-authenticated requests count.
  serverURL: SITE_URL,
  csrf: trustedOrigins(SITE_URL),
  maxDepth: MAX_DEPTH,
  graphQL: {
    // A query's cost is about one point per field and document; the admin never uses GraphQL.
    maxComplexity: GRAPHQL_MAX_COMPLEXITY,
    disableIntrospectionInProduction: true,
    disablePlaygroundInProduction: true,
  },
  db: databaseAdapter(DATABASE_URI),
  editor: lexicalEditor({
    features: ({ defaultFeatures }) => [
      ...defaultFeatures.filter((feature) => feature.key !== 'link'),
      // Internal links point at affiliate links only: that is how an article cites an offer.
      LinkFeature({ enabledCollections: ['affiliate-links'], maxDepth: 1 }),
      BlocksFeature({ blocks: [SeriesCardBlock] }),
      FixedToolbarFeature(),
    ],
  }),
  collections: [Articles, Series, AffiliateLinks, AffiliateClicks, Media, Subscribers, Users]
    .map(withApiLimits)
    .map(withParisDates),
  globals: [SiteSettings],
  admin: {
    user: Users.slug,
    avatar: 'default',
    dateFormat: 'd MMMM yyyy HH:mm',
    timezones: {
      defaultTimezone: NEWSROOM_TIME_ZONE,
      supportedTimezones: [{ label: 'Paris', value: NEWSROOM_TIME_ZONE }],
    },
    importMap: { baseDir: dirname },
    // Editors' review queue (journalists: their articles to rework) on the admin home.
    components: { beforeDashboard: ['/admin/ReviewQueue#ReviewQueue'] },
    meta: { titleSuffix: ' · Kiosque' },
  },
  i18n: { supportedLanguages: { fr, en }, fallbackLanguage: 'fr' },
  upload: { limits: { fileSize: MAX_UPLOAD_BYTES } },
  sharp,
  email: emailAdapter,
  telemetry: false,
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts'), autoGenerate: false },
  jobs: {
    tasks: [
      {
        slug: EXPIRE_TAGS_TASK,
        label: 'Rafraîchir les pages en cache',
        inputSchema: [{ name: 'tags', type: 'json', required: true }],
        retries: 3,
        handler: async ({ input, req }) => {
          const list = Array.isArray(input.tags) ? input.tags.filter(isCacheTag) : []
          await expireTags(list, { log: (message) => req.payload.logger.warn(message) })
          return { output: {} }
        },
      },
    ],
    // Scheduled publication fires within a second of its time; crons start from instrumentation.ts.
    autoRun: [{ cron: '* * * * * *', queue: 'default', limit: 20 }],
    access: {
      run: ({ req }) => isEditorUser(req.user),
      queue: ({ req }) => isEditorUser(req.user),
      cancel: ({ req }) => isEditorUser(req.user),
    },
  },
  onInit: async (payload) => {
    // The SQLite adapter applies `prodMigrations` itself in production; do the same everywhere
    // else so that development and tests run on exactly the committed schema.
    if (
      databaseKind(DATABASE_URI) === 'sqlite' &&
      process.env.NODE_ENV !== 'production' &&
      process.env.PAYLOAD_MIGRATING !== 'true'
    ) {
      await payload.db.migrate({ migrations: migrations as MigrationList })
    }
  },
})
