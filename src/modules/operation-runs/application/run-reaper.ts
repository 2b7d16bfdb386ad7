import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../../../infrastructure/config/app-config';
import { PeriodicSweep } from '../../../infrastructure/redis/periodic-sweep';
import { REDIS_CLIENT } from '../../../infrastructure/redis/redis.tokens';
import type { OperationRun } from '../domain/operation-run.entity';
import { OperationRunStatus } from '../domain/operation-run-state';
import { sanitizeFailure } from '../domain/run-failures';
import { RunEventsPublisher } from './run-events.publisher';
import { RunQueue } from './run-queue';
import { RunTypeRegistry } from './run-type.registry';
import { RunTransitions } from './run-transitions';

/**
 * Invariant 5, every run ends: a running attempt whose heartbeat went stale (its worker died) is retried while
 * attempts remain, else completed timed_out; one that overran its time limit while still heartbeating is timed_out.
 * BullMQ's stalled-job check would also redeliver the job, but only after its own lock expires and without
 * knowing the run's attempts and time limit; this sweep decides from the run itself.
 */
@Injectable()
export class RunReaper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly sweep: PeriodicSweep;

  constructor(
    private readonly transitions: RunTransitions,
    private readonly publisher: RunEventsPublisher,
    private readonly queue: RunQueue,
    private readonly registry: RunTypeRegistry,
    private readonly config: AppConfig,
    @Inject(REDIS_CLIENT) redis: Redis,
  ) {
    const { env } = config;
    this.sweep = new PeriodicSweep('RunReaper', env.REAPER_INTERVAL_MS, redis, `${env.REDIS_PREFIX}:sweep:reaper`, () =>
      this.reap(),
    );
  }

  onApplicationBootstrap(): void {
    if (this.config.env.APP_ROLE !== 'api') this.sweep.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.sweep.stop();
  }

  /** One sweep; returns how many runs it moved. */
  async reap(): Promise<number> {
    const { minStale, minOverdue } = this.thresholds();
    const candidates = await this.transitions.findStaleCandidates(minStale, minOverdue);
    let moved = 0;
    for (const run of candidates) if (await this.recoverIfStale(run)) moved++;
    return moved;
  }

  /** Retries or times out one run if it is still stale/overdue by its own type's limits (checked again in SQL). */
  async recoverIfStale(run: OperationRun): Promise<boolean> {
    const { stale, overdue } = this.limitsFor(run.type);
    const dead = !run.heartbeatAt || Date.now() - run.heartbeatAt.getTime() > stale;
    const reason = dead
      ? `The worker stopped responding (no heartbeat for ${Math.round(stale / 1000)} s)`
      : `The run exceeded its time limit`;
    // Retry only a dead worker's attempt: a live one that overran may still be working, and two must never overlap.
    return this.announce(
      await this.transitions.recover(
        run.id,
        run.attempt,
        stale,
        overdue,
        dead,
        sanitizeFailure({ code: dead ? 'worker_lost' : 'timeout', error: reason }),
      ),
    );
  }

  /**
   * Worker shutdown: hands this process's running attempt back now instead of after its heartbeat goes stale. Limits
   * of 0 make recover apply at once (the attempt's own heartbeats have stopped): retried while attempts remain, else
   * timed_out (cancelled if a cancel was pending). Still conditional on (running, attempt), so a completion that won wins.
   */
  async release(run: OperationRun): Promise<boolean> {
    const failure = sanitizeFailure({ code: 'worker_shutdown', error: 'The worker shut down before the run finished' });
    return this.announce(await this.transitions.recover(run.id, run.attempt, 0, 0, true, failure));
  }

  private async announce(moved: OperationRun | null): Promise<boolean> {
    if (!moved) return false;
    if (moved.status === OperationRunStatus.Queued) {
      this.publisher.updated(moved);
      await this.queue.enqueue(moved).catch(() => undefined); // the reconciler re-drives it if Redis is down now
    } else {
      this.publisher.completed(moved);
    }
    return true;
  }

  private limitsFor(type: string): { stale: number; overdue: number } {
    const options = this.registry.find(type)?.options;
    const stale = options?.heartbeatTimeoutMs ?? this.config.env.RUN_HEARTBEAT_TIMEOUT_MS;
    // The worker's own timer aborts at timeoutMs; give it a heartbeat period to record that itself.
    return { stale, overdue: (options?.timeoutMs ?? 24 * 3600_000) + stale };
  }

  private thresholds(): { minStale: number; minOverdue: number } {
    const limits = [...this.registry.typeNames().map((t) => this.limitsFor(t)), this.limitsFor('')];
    return { minStale: Math.min(...limits.map((l) => l.stale)), minOverdue: Math.min(...limits.map((l) => l.overdue)) };
  }
}
