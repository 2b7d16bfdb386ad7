import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { REDIS_CLIENT } from './redis.tokens';

export function createRedis(url: string, name: string): Redis {
  return new Redis(url, { connectionName: `tenantatlas:${name}`, maxRetriesPerRequest: null, enableReadyCheck: true });
}

/** QUIT when connected (flushes pending replies); a client that never connected would queue QUIT forever. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') return redis.disconnect();
  await Promise.race([redis.quit(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]).catch(() => undefined);
  redis.disconnect();
}

@Global()
@Module({
  providers: [{ provide: REDIS_CLIENT, inject: [AppConfig], useFactory: (config: AppConfig) => createRedis(config.env.REDIS_URL, 'shared') }],
  exports: [REDIS_CLIENT],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.redis);
  }
}
