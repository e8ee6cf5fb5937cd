import * as migration_20261129_072209_initial from './20261129_072209_initial';
import * as migration_20261129_075004_affiliate_clicks from './20261129_075004_affiliate_clicks';

export const migrations = [
  {
    up: migration_20261129_072209_initial.up,
    down: migration_20261129_072209_initial.down,
    name: '20261129_072209_initial',
  },
  {
    up: migration_20261129_075004_affiliate_clicks.up,
    down: migration_20261129_075004_affiliate_clicks.down,
    name: '20261129_075004_affiliate_clicks'
  },
];
