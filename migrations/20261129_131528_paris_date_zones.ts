import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`affiliate_links\` ADD \`expiresat_tz\` text DEFAULT 'Europe/Paris';`)
  await db.run(sql`ALTER TABLE \`subscribers\` ADD \`consentat_tz\` text DEFAULT 'Europe/Paris';`)
  await db.run(sql`ALTER TABLE \`subscribers\` ADD \`confirmedat_tz\` text DEFAULT 'Europe/Paris';`)
  await db.run(sql`ALTER TABLE \`subscribers\` ADD \`unsubscribedat_tz\` text DEFAULT 'Europe/Paris';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`affiliate_links\` DROP COLUMN \`expiresat_tz\`;`)
  await db.run(sql`ALTER TABLE \`subscribers\` DROP COLUMN \`consentat_tz\`;`)
  await db.run(sql`ALTER TABLE \`subscribers\` DROP COLUMN \`confirmedat_tz\`;`)
  await db.run(sql`ALTER TABLE \`subscribers\` DROP COLUMN \`unsubscribedat_tz\`;`)
}
