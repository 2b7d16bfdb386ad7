import { randomBytes } from 'node:crypto';
import { ensureDatabaseExists, withDatabaseName } from '../../src/infrastructure/database/database-url';
import { runMigrations } from '../../src/infrastructure/database/run-migrations';

/** One database and one Redis key prefix per `jest` run, so parallel runs on one machine never collide. */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = withDatabaseName(base, `ta_test_${runId}`);
  await ensureDatabaseExists(url);
  await runMigrations(url);
  process.env.TEST_RUN_ID = runId;
  process.env.TEST_TEMPLATE_DATABASE_URL = url; // each test file copies it (test/support/per-file-isolation.ts)
  process.env.DATABASE_URL = url;
  process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  process.env.REDIS_PREFIX = `ta-test-${runId}`;
  process.env.TEST_REDIS_PREFIX_BASE = process.env.REDIS_PREFIX;
  process.env.NODE_ENV = 'test';
}
