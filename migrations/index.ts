import * as migration_20261129_072209_initial from './20261129_072209_initial';
import * as migration_20261129_074942_newsletter_double_opt_in from './20261129_074942_newsletter_double_opt_in';
import * as migration_20261129_080518_affiliate_clicks from './20261129_080518_affiliate_clicks';
import * as migration_20261129_100314_paris_dates from './20261129_100314_paris_dates';
import * as migration_20261129_102657_share_images_logo from './20261129_102657_share_images_logo';
import * as migration_20261129_103615_author_slugs from './20261129_103615_author_slugs';

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
    up: migration_20261129_100314_paris_dates.up,
    down: migration_20261129_100314_paris_dates.down,
    name: '20261129_100314_paris_dates',
  },
  {
    up: migration_20261129_102657_share_images_logo.up,
    down: migration_20261129_102657_share_images_logo.down,
    name: '20261129_102657_share_images_logo',
  },
  {
    up: migration_20261129_103615_author_slugs.up,
    down: migration_20261129_103615_author_slugs.down,
    name: '20261129_103615_author_slugs'
  },
];
