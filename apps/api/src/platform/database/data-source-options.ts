import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** One definition of how we reach PostgreSQL, for the app, the CLI tools and the tests. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built into PostgreSQL 13+, unlike uuid-ossp's uuid_generate_v4().
    uuidExtension: 'pgcrypto',
    extra: { max: 20, application_name: 'glow-api' },
  };
}
