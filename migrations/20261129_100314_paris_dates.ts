import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`publishedat_tz\` text DEFAULT 'Europe/Paris';`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_publishedat_tz\` text DEFAULT 'Europe/Paris';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`publishedat_tz\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_publishedat_tz\`;`)
}
