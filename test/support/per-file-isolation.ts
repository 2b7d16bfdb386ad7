import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabaseName } from '../../src/infrastructure/database/database-url';

/**
 * Every test file gets its own database (a copy of the run's migrated template) and its own Redis key prefix, so apps
 * booted by parallel test files never share a queue, a reconciler's view of queued runs, or rows.
 */
const template = process.env.TEST_TEMPLATE_DATABASE_URL;
const basePrefix = process.env.TEST_REDIS_PREFIX_BASE;

if (template && basePrefix) {
  const fileId = randomBytes(4).toString('hex');
  const templateName = new URL(template).pathname.slice(1);
  const name = `${templateName}_${fileId}`;
  const admin = () => new Client({ connectionString: withDatabaseName(template, 'postgres') });

  beforeAll(async () => {
    const client = admin();
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
    } finally {
      await client.end();
    }
    process.env.DATABASE_URL = withDatabaseName(template, name);
    process.env.REDIS_PREFIX = `${basePrefix}-${fileId}`;
  }, 60000);

  afterAll(async () => {
    if (process.env.KEEP_TEST_DB === '1') return;
    const client = admin();
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }, 60000);
}
