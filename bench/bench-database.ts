import { randomBytes } from 'node:crypto';
import { ensureDatabaseExists, withDatabaseName } from '../src/infrastructure/database/database-url';
import { runMigrations } from '../src/infrastructure/database/run-migrations';

/** A migrated database and a Redis key prefix of a benchmark's own (the caller drops and deletes them at the end). */
export async function benchDatabase(): Promise<{ databaseUrl: string; redisPrefix: string }> {
  const id = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const databaseUrl = withDatabaseName(
    process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    `ta_bench_${id}`,
  );
  await ensureDatabaseExists(databaseUrl);
  await runMigrations(databaseUrl);
  return { databaseUrl, redisPrefix: `ta-bench-${id}` };
}
