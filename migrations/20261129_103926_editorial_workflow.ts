import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`review_state\` text DEFAULT 'writing';`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`publishedat_tz\` text DEFAULT 'Europe/Paris';`)
  await db.run(sql`CREATE INDEX \`articles_review_state_idx\` ON \`articles\` (\`review_state\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_review_state\` text DEFAULT 'writing';`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_publishedat_tz\` text DEFAULT 'Europe/Paris';`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_review_state_idx\` ON \`_articles_v\` (\`version_review_state\`);`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_four_three_url\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_four_three_width\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_four_three_height\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_four_three_mime_type\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_four_three_filesize\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_four_three_filename\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_square_url\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_square_width\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_square_height\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_square_mime_type\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_square_filesize\` numeric;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`sizes_square_filename\` text;`)
  await db.run(sql`CREATE INDEX \`media_sizes_four_three_sizes_four_three_filename_idx\` ON \`media\` (\`sizes_four_three_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_square_sizes_square_filename_idx\` ON \`media\` (\`sizes_square_filename\`);`)
  await db.run(sql`ALTER TABLE \`site_settings\` ADD \`logo_id\` integer REFERENCES media(id);`)
  await db.run(sql`CREATE INDEX \`site_settings_logo_idx\` ON \`site_settings\` (\`logo_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_site_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`publication_name\` text NOT NULL,
  	\`tagline\` text,
  	\`membership_offer_name\` text NOT NULL,
  	\`membership_title\` text NOT NULL,
  	\`membership_button_label\` text NOT NULL,
  	\`membership_button_url\` text NOT NULL,
  	\`newsletter_name\` text NOT NULL,
  	\`newsletter_pitch\` text NOT NULL,
  	\`affiliate_disclosure_text\` text NOT NULL,
  	\`affiliate_disclosure_explanation_url\` text NOT NULL,
  	\`meter_enabled\` integer DEFAULT true,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`INSERT INTO \`__new_site_settings\`("id", "publication_name", "tagline", "membership_offer_name", "membership_title", "membership_button_label", "membership_button_url", "newsletter_name", "newsletter_pitch", "affiliate_disclosure_text", "affiliate_disclosure_explanation_url", "meter_enabled", "updated_at", "created_at") SELECT "id", "publication_name", "tagline", "membership_offer_name", "membership_title", "membership_button_label", "membership_button_url", "newsletter_name", "newsletter_pitch", "affiliate_disclosure_text", "affiliate_disclosure_explanation_url", "meter_enabled", "updated_at", "created_at" FROM \`site_settings\`;`)
  await db.run(sql`DROP TABLE \`site_settings\`;`)
  await db.run(sql`ALTER TABLE \`__new_site_settings\` RENAME TO \`site_settings\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`DROP INDEX \`articles_review_state_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`review_state\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`publishedat_tz\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_review_state_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_review_state\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_publishedat_tz\`;`)
  await db.run(sql`DROP INDEX \`media_sizes_four_three_sizes_four_three_filename_idx\`;`)
  await db.run(sql`DROP INDEX \`media_sizes_square_sizes_square_filename_idx\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_four_three_url\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_four_three_width\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_four_three_height\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_four_three_mime_type\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_four_three_filesize\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_four_three_filename\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_square_url\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_square_width\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_square_height\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_square_mime_type\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_square_filesize\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`sizes_square_filename\`;`)
}
