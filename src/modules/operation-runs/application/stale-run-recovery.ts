import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../infrastructure/config/app-config';
import { OperationRunStatus } from '../../../infrastructure/runs';
import type { OperationRun } from '../domain/operation-run.entity';
import { sanitizeFailure } from '../domain/run-failures';
import { RunEventsPublisher } from './run-events.publisher';
import { RunQueue } from './run-queue';
import { RunStore } from './run-store';
import { RunTypeRegistry } from './run-type.registry';

/**
 * Ends or retries a running attempt that nobody is finishing: its worker died (stale heartbeat), it overran its time
 * limit, or its worker is shutting down. The reaper's sweep and the attempt runner (a redelivered job of a dead
 * owner) both call it; every move is a conditional update on (running, attempt), so a completion that won wins.
 */
@Injectable()
export class StaleRunRecovery {
  constructor(
    private readonly store: RunStore,
    private readonly publisher: RunEventsPublisher,
    private readonly queue: RunQueue,
    private readonly registry: RunTypeRegistry,
    private readonly config: AppConfig,
  ) {}

  /** Retries or times out one run if it is still stale/overdue by its own type's limits (checked again in SQL). */
  async recoverIfStale(run: OperationRun): Promise<boolean> {
    const { stale, overdue } = this.limitsFor(run.type);
    const dead = !run.heartbeatAt || Date.now() - run.heartbeatAt.getTime() > stale;
    const reason = dead
      ? `The worker stopped responding (no heartbeat for ${Math.round(stale / 1000)} s)`
      : `The run exceeded its time limit`;
    // Retry only a dead worker's attempt: a live one that overran may still be working, and two must never overlap.
    const failure = sanitizeFailure({ code: dead ? 'worker_lost' : 'timeout', error: reason });
    return this.announce(await this.store.recover(run.id, run.attempt, stale, overdue, dead, failure));
  }

  /**
   * Worker shutdown: hands this process's running attempt back now instead of after its heartbeat goes stale. Limits
   * of 0 make recover apply at once (the attempt's own heartbeats have stopped): retried while attempts remain, else
   * timed_out (cancelled if a cancel was pending).
   */
  async release(run: OperationRun): Promise<boolean> {
    const failure = sanitizeFailure({ code: 'worker_shutdown', error: 'The worker shut down before the run finished' });
    return this.announce(await this.store.recover(run.id, run.attempt, 0, 0, true, failure));
  }

  /** Heartbeat timeout and overdue limit of a run type (the worker's own timer aborts at timeoutMs). */
  limitsFor(type: string): { stale: number; overdue: number } {
    const options = this.registry.find(type)?.options;
    const stale = options?.heartbeatTimeoutMs ?? this.config.env.RUN_HEARTBEAT_TIMEOUT_MS;
    // Give the worker a heartbeat period to record its own timeout before the reaper does.
    return { stale, overdue: (options?.timeoutMs ?? 24 * 3600_000) + stale };
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
}
