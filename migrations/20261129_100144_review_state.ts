import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`review_state\` text DEFAULT 'writing';`)
  await db.run(sql`CREATE INDEX \`articles_review_state_idx\` ON \`articles\` (\`review_state\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_review_state\` text DEFAULT 'writing';`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_review_state_idx\` ON \`_articles_v\` (\`version_review_state\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_review_state_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`review_state\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_review_state_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_review_state\`;`)
}
