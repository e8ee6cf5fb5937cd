import * as migration_20261129_072209_initial from './20261129_072209_initial';

export const migrations = [
  {
    up: migration_20261129_072209_initial.up,
    down: migration_20261129_072209_initial.down,
    name: '20261129_072209_initial'
  },
];
