import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { REDIS_DISCONNECT_TIMEOUT_MS } from '../redis/redis.module';

export function redisConnectionOptions(url: string) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null, // required by BullMQ workers
    disconnectTimeout: REDIS_DISCONNECT_TIMEOUT_MS,
  };
}

/** BullMQ on the shared Redis; every queue key lives under REDIS_PREFIX so test runs and deployments never collide. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: ({ env }: AppConfig) => ({
        connection: redisConnectionOptions(env.REDIS_URL),
        prefix: `${env.REDIS_PREFIX}:bull`,
      }),
    }),
  ],
  exports: [BullModule],
})
export class QueueModule {}
