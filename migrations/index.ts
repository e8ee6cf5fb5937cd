import * as migration_20261129_072209_initial from './20261129_072209_initial';
import * as migration_20261129_074942_newsletter_double_opt_in from './20261129_074942_newsletter_double_opt_in';
import * as migration_20261129_080518_affiliate_clicks from './20261129_080518_affiliate_clicks';
import * as migration_20261129_103926_editorial_workflow from './20261129_103926_editorial_workflow';
import * as migration_20261129_104903_author_slugs from './20261129_104903_author_slugs';
import * as migration_20261129_111315_scheduled_jobs from './20261129_111315_scheduled_jobs';
import * as migration_20261129_124519_private_images from './20261129_124519_private_images';
import * as migration_20261129_131528_paris_date_zones from './20261129_131528_paris_date_zones';

export const migrations = [
  {
    up: migration_20261129_072209_initial.up,
    down: migration_20261129_072209_initial.down,
    name: '20261129_072209_initial',
  },
  {
    up: migration_20261129_074942_newsletter_double_opt_in.up,
    down: migration_20261129_074942_newsletter_double_opt_in.down,
    name: '20261129_074942_newsletter_double_opt_in',
  },
  {
    up: migration_20261129_080518_affiliate_clicks.up,
    down: migration_20261129_080518_affiliate_clicks.down,
    name: '20261129_080518_affiliate_clicks',
  },
  {
    up: migration_20261129_103926_editorial_workflow.up,
    down: migration_20261129_103926_editorial_workflow.down,
    name: '20261129_103926_editorial_workflow',
  },
  {
    up: migration_20261129_104903_author_slugs.up,
    down: migration_20261129_104903_author_slugs.down,
    name: '20261129_104903_author_slugs',
  },
  {
    up: migration_20261129_111315_scheduled_jobs.up,
    down: migration_20261129_111315_scheduled_jobs.down,
    name: '20261129_111315_scheduled_jobs',
  },
  {
    up: migration_20261129_124519_private_images.up,
    down: migration_20261129_124519_private_images.down,
    name: '20261129_124519_private_images',
  },
  {
    up: migration_20261129_131528_paris_date_zones.up,
    down: migration_20261129_131528_paris_date_zones.down,
    name: '20261129_131528_paris_date_zones'
  },
];
