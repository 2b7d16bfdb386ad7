import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { PeriodicSweep } from '../redis/periodic-sweep';
import { REDIS_CLIENT } from '../redis/redis.tokens';
import { Outbox } from './outbox';

/** Relays outbox events their process did not publish (worker roles only; one process at a time). */
@Injectable()
export class OutboxSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly sweep: PeriodicSweep;

  constructor(outbox: Outbox, { env }: AppConfig, @Inject(REDIS_CLIENT) redis: Redis) {
    this.sweep = new PeriodicSweep(
      'OutboxSweep',
      env.OUTBOX_RELAY_INTERVAL_MS,
      redis,
      `${env.REDIS_PREFIX}:sweep:outbox`,
      () => outbox.relayPending(),
    );
  }

  onApplicationBootstrap(): void {
    this.sweep.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.sweep.stop();
  }
}
