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
import { jobsCollectionOverrides } from './collections/Jobs'
import { configureScheduledPublishing } from './collections/Jobs/schedule-publish'
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
import { CALENDAR_PATH } from './lib/editorial-calendar'
import { emailAdapter } from './lib/email'
import { env, trustedOrigins } from './lib/env'
import { jobsAutoRun, jobsShouldAutoRun } from './lib/jobs-runner'
import { expireTags } from './lib/revalidate'
import { NEWSROOM_TIME_ZONE } from './lib/time'
import { migrations } from './migrations'

type MigrationList = NonNullable<Parameters<BasePayload['db']['migrate']>[0]>['migrations']

const dirname = path.dirname(fileURLToPath(import.meta.url))
const { DATABASE_URI, PAYLOAD_SECRET, SITE_URL } = env()

const config = buildConfig({
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
    meta: { titleSuffix: ' · Kiosque' },
    components: {
      // Editors' review queue (journalists: their articles to rework) on the admin home.
      beforeDashboard: ['/admin/ReviewQueue#ReviewQueue'],
      views: {
        editorialCalendar: {
          Component: '/admin/EditorialCalendarView#EditorialCalendarView',
          path: CALENDAR_PATH,
          exact: true,
        },
      },
      afterNavLinks: ['/admin/CalendarNavLink#CalendarNavLink'],
    },
  },
  i18n: {
    supportedLanguages: { fr, en },
    fallbackLanguage: 'fr',
    // Payload's French for the scheduling drawer: a placeholder it never fills ({{titre}}),
    // "Temps" for a date and time, "Annuler la publication" read as cancelling the schedule.
    translations: {
      fr: {
        general: {
          schedulePublishFor: 'Programmer « {{title}} »',
          time: 'Date et heure',
        },
        version: { unpublish: 'Dépublier' },
      },
    },
  },
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
    // Every second, in the process JOBS_RUNNER names only (lib/jobs-runner.ts); the app's
    // crons start from instrumentation.ts, the worker's from scripts/worker.ts.
    autoRun: jobsAutoRun,
    shouldAutoRun: jobsShouldAutoRun,
    // The most overdue first when more are due than a tick takes; jobs without a date first.
    processingOrder: 'waitUntil',
    // Done and failed jobs stay listed for editors (Rédaction › Tâches planifiées).
    deleteJobOnComplete: false,
    jobsCollectionOverrides,
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

// Payload adds its schedulePublish task while sanitizing: retries and the run-once guard go on after.
export default config.then(configureScheduledPublishing)
