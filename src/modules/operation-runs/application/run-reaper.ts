import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../../../infrastructure/config/app-config';
import { PeriodicSweep } from '../../../infrastructure/redis/periodic-sweep';
import { REDIS_CLIENT } from '../../../infrastructure/redis/redis.tokens';
import { RunStore } from './run-store';
import { RunTypeRegistry } from './run-type.registry';
import { StaleRunRecovery } from './stale-run-recovery';

/**
 * Invariant 5, every run ends: a periodic sweep (one process at a time) over running attempts whose heartbeat went
 * stale (their worker died) or that overran their time limit. BullMQ's stalled-job check would also redeliver the job,
 * but only after its own lock expires and without knowing the run's attempts and time limit; the recovery decides from
 * the run itself. Provided in worker roles only (OperationRunsWorkersModule).
 */
@Injectable()
export class RunReaper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly sweep: PeriodicSweep;

  constructor(
    private readonly store: RunStore,
    private readonly recovery: StaleRunRecovery,
    private readonly registry: RunTypeRegistry,
    { env }: AppConfig,
    @Inject(REDIS_CLIENT) redis: Redis,
  ) {
    this.sweep = new PeriodicSweep('RunReaper', env.REAPER_INTERVAL_MS, redis, `${env.REDIS_PREFIX}:sweep:reaper`, () =>
      this.reap(),
    );
  }

  onApplicationBootstrap(): void {
    this.sweep.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.sweep.stop();
  }

  /** One sweep; returns how many runs it moved. */
  async reap(): Promise<number> {
    const limits = [...this.registry.typeNames(), ''].map((type) => this.recovery.limitsFor(type));
    const minStale = Math.min(...limits.map((l) => l.stale));
    const minOverdue = Math.min(...limits.map((l) => l.overdue));
    let moved = 0;
    for (const run of await this.store.findStaleCandidates(minStale, minOverdue)) {
      if (await this.recovery.recoverIfStale(run)) moved++;
    }
    return moved;
  }
}
