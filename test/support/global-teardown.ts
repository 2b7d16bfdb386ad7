import { deleteKeysWithPrefix } from '../../src/infrastructure/redis/redis.module';
import { Client } from 'pg';
import { dropDatabase, withDatabaseName } from '../../src/infrastructure/database/database-url';

export default async function globalTeardown(): Promise<void> {
  if (process.env.KEEP_TEST_DB !== '1' && process.env.TEST_TEMPLATE_DATABASE_URL) {
    // Per-file copies are dropped by their files; sweep any a crashed worker left behind, then the template.
    const template = process.env.TEST_TEMPLATE_DATABASE_URL;
    const admin = new Client({ connectionString: withDatabaseName(template, 'postgres') });
    await admin.connect();
    try {
      const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
        `${new URL(template).pathname.slice(1)}\\_%`,
      ]);
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    await dropDatabase(template);
  }
  const prefix = process.env.TEST_REDIS_PREFIX_BASE ?? process.env.REDIS_PREFIX;
  if (prefix && process.env.REDIS_URL) await deleteKeysWithPrefix(process.env.REDIS_URL, prefix);
}
