import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';

/** One definition of the connection for the app, the migration CLI and the test harness. */
export function buildDataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false, // never: the schema changes only through committed migrations
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    extra: { max: 10, application_name: 'tenantatlas' },
    ...extra,
  } as DataSourceOptions;
}
