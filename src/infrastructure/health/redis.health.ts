import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { REDIS_CLIENT } from '../redis/redis.tokens';

@Injectable()
export class RedisHealthIndicator {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly health: HealthIndicatorService,
  ) {}

  async isHealthy(key = 'redis', timeoutMs = 1000) {
    const indicator = this.health.check(key);
    // A disconnected ioredis queues commands until it reconnects, so the ping is bounded by a timeout.
    try {
      await Promise.race([
        this.redis.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('ping timed out')), timeoutMs).unref()),
      ]);
      return indicator.up();
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unreachable';
      return indicator.down({ message: `${reason} (connection ${this.redis.status})` });
    }
  }
}
