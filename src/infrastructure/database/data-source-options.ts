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
    // A connection attempt to an unreachable server gives up (SERVICE_UNAVAILABLE) instead of hanging the request.
    extra: { max: 10, application_name: 'tenantatlas', connectionTimeoutMillis: 5000 },
    ...extra,
  } as DataSourceOptions;
}
