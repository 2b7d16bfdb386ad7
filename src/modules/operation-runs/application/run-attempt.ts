import { Logger } from '@nestjs/common';
import type { OperationRun } from '../domain/operation-run.entity';
import { RunCancelledError } from '../domain/operation-runs.errors';
import { appendFailure, sanitizeFailure } from '../domain/run-failures';
import type { AbortCause } from '../domain/run-outcome';
import type {
  RunAttemptContext,
  RunFailure,
  RunFailureCode,
  RunTypeKey,
  SummaryCounts,
} from '../../../infrastructure/runs';
import type { RunEventsPublisher } from './run-events.publisher';
import type { HeldLock, RunLock } from './run-lock';
import type { RunStore } from './run-store';

export interface AttemptSettings {
  heartbeatIntervalMs: number;
  heartbeatTimeoutMs: number;
  timeoutMs: number;
  progressFlushMs: number;
}

type Counts = SummaryCounts & Record<string, number>;

const ABORT_MESSAGES: Record<Exclude<AbortCause, 'cancelled'>, string> = {
  timeout: 'The run exceeded its time limit',
  lost: 'The run was taken over',
  shutdown: 'The worker is shutting down',
};

/**
 * One attempt of one run while its handler works: the handler's context, the heartbeat, coalesced progress
 * writes (every report is published live, PostgreSQL gets at most one write per flush interval), the abort signal.
 */
export class RunAttempt implements RunAttemptContext {
  private readonly controller = new AbortController();
  private readonly logger = new Logger(RunAttempt.name);
  abortCause: AbortCause | null = null;
  readonly failures: RunFailure[];
  summary: Counts;
  /** Highest version announced for this run; database writes keep the stored version above it. */
  version: number;
  private dirty = false;
  private lastWriteAt = 0;
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly timers: NodeJS.Timeout[] = [];
  private writes: Promise<void> = Promise.resolve();
  private ended = false;
  private stopWaiting!: () => void;
  /** Settles when the worker releases this attempt on shutdown: the wrapper then stops waiting for the handler. */
  readonly released = new Promise<void>((resolve) => (this.stopWaiting = resolve));

  constructor(
    private readonly run: OperationRun,
    private readonly settings: AttemptSettings,
    private readonly deps: {
      store: RunStore;
      publisher: RunEventsPublisher;
      lock: RunLock;
      heldLock: HeldLock | null;
    },
  ) {
    this.failures = [...run.failures];
    this.summary = { ...run.summaryCounts };
    this.version = run.version;
  }

  get runId(): string {
    return this.run.id;
  }
  get type(): RunTypeKey {
    return this.run.type as RunTypeKey;
  }
  get tenantId(): string | null {
    return this.run.tenantId;
  }
  get initiatorUserId(): string | null {
    return this.run.initiatorUserId;
  }
  get context(): RunAttemptContext['context'] {
    return this.run.context as RunAttemptContext['context'];
  }
  get attempt(): number {
    return this.run.attempt;
  }
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  begin(): void {
    this.timers.push(setInterval(() => this.queueWrite(), this.settings.heartbeatIntervalMs));
    this.timers.push(setTimeout(() => this.abort('timeout'), this.settings.timeoutMs));
  }

  reportProgress(counts: Partial<SummaryCounts> & Record<string, number>): void {
    this.summary = { ...this.summary, ...counts };
    this.version += 1;
    this.deps.publisher.progressed({
      ...this.run,
      summaryCounts: this.summary,
      failures: [...this.failures],
      version: this.version,
    });
    this.markDirty();
  }

  addFailure(failure: { item?: string; code?: RunFailureCode; error: unknown }): void {
    appendFailure(this.failures, sanitizeFailure(failure));
    this.markDirty();
  }

  throwIfCancelled(): void {
    if (this.signal.aborted)
      throw this.abortCause === 'cancelled' ? new RunCancelledError() : (this.signal.reason as Error);
  }

  abort(cause: AbortCause): void {
    if (this.abortCause) return;
    this.abortCause = cause;
    this.controller.abort(cause === 'cancelled' ? new RunCancelledError() : new Error(ABORT_MESSAGES[cause]));
  }

  /** Shutdown: tells the handler to stop (unless an earlier abort already did) and lets the wrapper stop waiting for it. */
  release(): void {
    this.abort('shutdown');
    this.stopWaiting();
  }

  /** Stops timers and waits for the last queued write, so the completion update is the final one. */
  async end(): Promise<void> {
    this.ended = true;
    for (const timer of this.timers) clearInterval(timer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    await this.writes;
  }

  private markDirty(): void {
    this.dirty = true;
    // A released handler may still report after its attempt ended; nothing is written for it any more.
    if (this.flushTimer || this.ended) return;
    const wait = Math.max(0, this.lastWriteAt + this.settings.progressFlushMs - Date.now());
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.queueWrite();
    }, wait);
  }

  /** Writes are chained so they land in order; each is a heartbeat that also carries pending progress. */
  private queueWrite(): void {
    this.writes = this.writes
      .then(() => this.write())
      .catch((error: unknown) => this.logger.warn(`Heartbeat of run ${this.run.id} failed: ${String(error)}`));
  }

  private async write(): Promise<void> {
    const dirty = this.dirty;
    this.dirty = false;
    this.lastWriteAt = Date.now();
    const written = await this.deps.store.heartbeat(
      this.run.id,
      this.run.attempt,
      this.version + 1,
      dirty ? this.summary : null,
      dirty ? this.failures : null,
    );
    if (!written) return this.abort('lost');
    this.version = Math.max(this.version, written.version);
    if (written.cancelRequested) this.abort('cancelled');
    if (this.deps.heldLock && !(await this.deps.lock.extend(this.deps.heldLock, this.settings.heartbeatTimeoutMs)))
      this.abort('lost');
  }
}
