import Redis from 'ioredis';
import { dropDatabase } from '../../src/infrastructure/database/database-url';

export default async function globalTeardown(): Promise<void> {
  if (process.env.KEEP_TEST_DB !== '1' && process.env.DATABASE_URL) await dropDatabase(process.env.DATABASE_URL);
  const prefix = process.env.REDIS_PREFIX;
  if (!prefix || !process.env.REDIS_URL) return;
  const redis = new Redis(process.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
