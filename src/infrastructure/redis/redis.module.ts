import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { REDIS_CLIENT } from './redis.tokens';

/**
 * ioredis waits this long for a socket to close on disconnect; a socket that never connected (Redis down) never
 * emits 'close' again, so the default 2 s timer outlived every shutdown (and kept test workers alive).
 */
export const REDIS_DISCONNECT_TIMEOUT_MS = 200;

export function createRedis(url: string, name: string, options: { autoPipelining?: boolean } = {}): Redis {
  return new Redis(url, {
    connectionName: `tenantatlas:${name}`,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    enableAutoPipelining: options.autoPipelining ?? false,
    disconnectTimeout: REDIS_DISCONNECT_TIMEOUT_MS,
  });
}

/** QUIT when connected (flushes pending replies); a client that never connected would queue QUIT forever. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') return redis.disconnect();
  await Promise.race([redis.quit(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]).catch(
    () => undefined,
  );
  redis.disconnect();
}

/** Deletes every key under a prefix (test runs and benchmarks clean up after themselves). */
export async function deleteKeysWithPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
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

@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [AppConfig],
      // No auto-pipelining: when Redis dies mid-pipeline, ioredis throws "results[i] is not iterable" out of a callback
      // (an uncaught exception: the process dies; redis/ioredis#1931, seen in test/reliability). The event relay
      // batches its PUBLISHes itself.
      useFactory: (config: AppConfig) => createRedis(config.env.REDIS_URL, 'shared'),
    },
  ],
  exports: [REDIS_CLIENT],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.redis);
  }
}
