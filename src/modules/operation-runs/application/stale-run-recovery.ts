import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../infrastructure/config/app-config';
import { OperationRunOutcome, OperationRunStatus } from '../../../infrastructure/runs';
import type { OperationRun } from '../domain/operation-run.entity';
import { sanitizeFailure } from '../domain/run-failures';
import { RunEventsPublisher } from './run-events.publisher';
import { RunQueue } from './run-queue';
import { type AnnouncedTransition, RunStore } from './run-store';
import { heartbeatTimeoutFor, RunTypeRegistry } from './run-type.registry';

const HAND_BACK = {
  shutdown: {
    code: 'worker_shutdown',
    message: 'The worker shut down before the run finished',
    terminal: OperationRunOutcome.TimedOut,
  },
  lost: {
    code: 'lock_lost',
    message: 'The run lost its lock or its queued job (Redis restarted or was unreachable) before it finished',
    terminal: OperationRunOutcome.Failed,
  },
  unavailable: {
    code: 'dependency_unavailable',
    message: 'PostgreSQL or Redis became unreachable while the run ran',
    terminal: OperationRunOutcome.Failed,
  },
} as const;

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
    return this.announce(
      await this.store.recover(
        run.id,
        run.attempt,
        stale,
        overdue,
        dead,
        failure,
        OperationRunOutcome.TimedOut,
        this.ended,
      ),
    );
  }

  /**
   * Hands an attempt back at once, through no fault of the work: its worker is shutting down, or the attempt lost its
   * lock or its job (Redis lost its data, the lock expired under a stalled process), or its database or Redis went away
   * under the handler. Limits of 0 make recover apply now
   * (the attempt's own heartbeats have stopped): the next attempt is queued while attempts remain, else the run ends
   * (timed_out after a shutdown, failed after a loss; cancelled if a cancel was pending), always with a failure saying why.
   */
  async handBack(run: OperationRun, cause: keyof typeof HAND_BACK): Promise<boolean> {
    const { code, message, terminal } = HAND_BACK[cause];
    const failure = sanitizeFailure({ code, error: message });
    return this.announce(await this.store.recover(run.id, run.attempt, 0, 0, true, failure, terminal, this.ended));
  }

  /** Heartbeat timeout and overdue limit of a run type (the worker's own timer aborts at timeoutMs). */
  limitsFor(type: string): { stale: number; overdue: number } {
    const options = this.registry.find(type)?.options;
    const stale = heartbeatTimeoutFor(options, this.config.env.RUN_HEARTBEAT_TIMEOUT_MS);
    // Give the worker a heartbeat period to record its own timeout before the reaper does.
    return { stale, overdue: (options?.timeoutMs ?? 24 * 3600_000) + stale };
  }

  /** A run this recovery completed announces it (outbox, with the transition); one sent back to the queue does not. */
  private readonly ended = (run: OperationRun) =>
    run.status === OperationRunStatus.Completed ? this.publisher.completedEvents(run, run.outcome!) : [];

  private async announce(moved: AnnouncedTransition | null): Promise<boolean> {
    if (!moved) return false;
    if (moved.run.status === OperationRunStatus.Queued) {
      this.publisher.updated(moved.run);
      await this.queue.enqueue(moved.run).catch(() => undefined); // the reconciler re-drives it if Redis is down now
    } else {
      this.publisher.completed(moved.run, moved.events);
    }
    return true;
  }
}
