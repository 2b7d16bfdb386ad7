import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config';
import type { Environment } from '../config/environment';
import { REDIS_CLIENT } from '../redis/redis.tokens';

/** The buckets: per signed-in user, per address (signed-in, anonymous, static files), WebSocket connects per address. */
export type RateLimitName = 'user' | 'address' | 'anonymous' | 'static' | 'wsConnect';

export type RateDecision = { limited: false } | { limited: true; limit: RateLimitName; retryAfterSeconds: number };

const ALLOWED: RateDecision = { limited: false };

function pointsFor(env: Environment): Record<RateLimitName, number> {
  return {
    user: env.RATE_LIMIT_USER_REQUESTS,
    address: env.RATE_LIMIT_IP_REQUESTS,
    anonymous: env.RATE_LIMIT_ANONYMOUS_REQUESTS,
    static: env.RATE_LIMIT_STATIC_REQUESTS,
    wsConnect: env.RATE_LIMIT_WS_CONNECTIONS,
  };
}

/**
 * Fixed-window request counters in Redis (rate-limiter-flexible), so a limit holds across every api process. Once a
 * key is over its limit, this process refuses it from memory for the rest of the window: a flood costs no Redis
 * round trip per request. While Redis is not connected, each process counts alone in memory (insurance limiter)
 * instead of waiting on a queued command.
 */
@Injectable()
export class RateLimits {
  private readonly logger = new Logger('RateLimit');
  private readonly enabled: boolean;
  private readonly window: number;
  private readonly limiters: Record<RateLimitName, RateLimiterRedis>;

  constructor({ env }: AppConfig, @Inject(REDIS_CLIENT) redis: Redis) {
    this.enabled = env.RATE_LIMIT_ENABLED;
    this.window = env.RATE_LIMIT_WINDOW_SECONDS;
    const points = pointsFor(env);
    this.limiters = Object.fromEntries(
      (Object.keys(points) as RateLimitName[]).map((name) => [
        name,
        new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `${env.REDIS_PREFIX}:rate:${name}`,
          points: points[name],
          duration: this.window,
          inMemoryBlockOnConsumed: points[name] + 1,
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory({ points: points[name], duration: this.window }),
        }),
      ]),
    ) as Record<RateLimitName, RateLimiterRedis>;
  }

  /** Counts one request against `name` for `key`; says when to retry if it is over the limit. */
  async take(name: RateLimitName, key: string): Promise<RateDecision> {
    if (!this.enabled) return ALLOWED;
    const limiter = this.limiters[name];
    try {
      await limiter.consume(key);
      return ALLOWED;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) return ALLOWED; // the store failed and so did memory: never lock everyone out
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      // Once per key and window (the first refusal counted in Redis), not once per refused request.
      if (rejection.consumedPoints === limiter.points + 1)
        this.logger.warn(
          `${name} limit reached for ${key}: ${limiter.points} per ${this.window} s; refusing for ${retryAfterSeconds} s`,
        );
      return { limited: true, limit: name, retryAfterSeconds };
    }
  }
}
