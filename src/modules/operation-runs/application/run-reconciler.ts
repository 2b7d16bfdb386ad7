import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../../../infrastructure/config/app-config';
import { PeriodicSweep } from '../../../infrastructure/redis/periodic-sweep';
import { REDIS_CLIENT } from '../../../infrastructure/redis/redis.tokens';
import { RunQueue } from './run-queue';
import { RunStore } from './run-store';

/**
 * Invariant 3, second half: a run left queued without a job (Redis lost its data, a crash between commit and
 * enqueue, a job removed by hand) is enqueued again. `jobId` is derived from the run, so a job that does exist is
 * never duplicated. Provided in worker roles only (OperationRunsWorkersModule).
 */
@Injectable()
export class RunReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly sweep: PeriodicSweep;

  constructor(
    private readonly store: RunStore,
    private readonly queue: RunQueue,
    private readonly config: AppConfig,
    @Inject(REDIS_CLIENT) redis: Redis,
  ) {
    const { env } = config;
    this.sweep = new PeriodicSweep(
      'RunReconciler',
      env.RECONCILER_INTERVAL_MS,
      redis,
      `${env.REDIS_PREFIX}:sweep:reconciler`,
      () => this.reconcile(),
    );
  }

  onApplicationBootstrap(): void {
    this.sweep.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.sweep.stop();
  }

  /** One sweep; returns how many runs were enqueued again. */
  async reconcile(): Promise<number> {
    const runs = await this.store.findQueuedSince(this.config.env.RECONCILER_GRACE_MS);
    let enqueued = 0;
    for (const run of runs) {
      if (await this.queue.hasLiveJob(run.id, run.attempt)) continue;
      await this.queue.enqueue(run);
      enqueued++;
    }
    return enqueued;
  }
}
