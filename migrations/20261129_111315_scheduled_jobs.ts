import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`claimed_attempt\` numeric;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`claim_token\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`claimed_attempt\`;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`claim_token\`;`)
}
