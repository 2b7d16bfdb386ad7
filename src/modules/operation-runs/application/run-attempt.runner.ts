import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { SpanStatusCode } from '@opentelemetry/api';
import type { Job } from 'bullmq';
import { AppConfig } from '../../../infrastructure/config/app-config';
import { stage } from '../../../infrastructure/events';
import { contextFromCarrier, tracer } from '../../../infrastructure/tracing';
import {
  OperationRunOutcome,
  OperationRunStatus,
  type RunFailureCode,
  type RunHandlerResult,
} from '../../../infrastructure/runs';
import type { OperationRun } from '../domain/operation-run.entity';
import { appendFailure, sanitizeFailure } from '../domain/run-failures';
import { type AbortCause, outcomeOf } from '../domain/run-outcome';
import { RunAttempt } from './run-attempt';
import { RunEventsPublisher } from './run-events.publisher';
import { type HeldLock, RunLock } from './run-lock';
import type { RunJobData } from './run-queue';
import { RunStore } from './run-store';
import { heartbeatTimeoutFor, type RegisteredRunType, RunTypeRegistry } from './run-type.registry';
import { StaleRunRecovery } from './stale-run-recovery';
import { whenReachable } from './when-reachable';
import { dependencyUnavailable } from '../../../shared/dependency-unavailable';

/**
 * One attempt of one run, start to end (invariant 4): lock → claim (queued → running) → the handler with heartbeat,
 * progress and abort signal (RunAttempt) → outcome → conditional completion. A job for a run that is completed,
 * superseded, or owned by a live attempt is acknowledged without side effects, so duplicate deliveries are harmless.
 * It also knows the attempts running in this process: a cancel from any process aborts the matching one at once, and
 * on shutdown the worker hands the rest back (releaseAll).
 */
@Injectable()
export class RunAttemptRunner implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RunAttemptRunner.name);
  private readonly active = new Map<string, RunAttempt>();
  private releasing = false;
  private stopListening = () => {};

  constructor(
    private readonly registry: RunTypeRegistry,
    private readonly store: RunStore,
    private readonly publisher: RunEventsPublisher,
    private readonly lock: RunLock,
    private readonly recovery: StaleRunRecovery,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.stopListening = this.publisher.onCancelRequested((runId) => this.active.get(runId)?.abort('cancelled'));
  }

  onModuleDestroy(): void {
    this.stopListening();
  }

  /** The attempt in its own span, a child of the span that queued it (the trace context the job carries). */
  async run(job: Job<RunJobData>, token?: string): Promise<void> {
    const { runId, attempt, type } = job.data;
    const attributes = {
      'tenantatlas.run.id': runId,
      'tenantatlas.run.type': type,
      'tenantatlas.run.attempt': attempt,
    };
    return tracer.startActiveSpan(
      `run.attempt ${type}`,
      { attributes },
      contextFromCarrier(job.data.trace),
      async (span) => {
        try {
          await this.runAttempt(job, token);
        } catch (error) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.name ?? 'Error' });
          throw error;
        } finally {
          span.end();
        }
      },
    );
  }

  private async runAttempt(job: Job<RunJobData>, token?: string): Promise<void> {
    const { runId, attempt, type, tenantId } = job.data;
    const registered = this.registry.find(type);
    const heldLock = registered ? await this.lock.acquireOrDelay(registered.options, tenantId, job, token) : null;
    const maxWaitMs = heartbeatTimeoutFor(registered?.options, this.config.env.RUN_HEARTBEAT_TIMEOUT_MS);
    try {
      const run = await whenReachable(() => this.store.claim(runId, attempt), maxWaitMs);
      if (!run) return await this.ackUnclaimable(runId, attempt);
      if (!registered) {
        const error = `No handler for run type "${type}" in this build`;
        return await this.finish(run, null, { error, failure: { code: 'unknown_run_type', error } });
      }
      await this.execute(run, registered, heldLock);
    } finally {
      if (heldLock) await this.lock.release(heldLock).catch(() => undefined);
    }
  }

  /** Shutdown after the grace period: every attempt still running here is aborted and handed back. */
  releaseAll(): number {
    this.releasing = true;
    for (const attempt of this.active.values()) attempt.release();
    return this.active.size;
  }

  private async execute(run: OperationRun, registered: RegisteredRunType, heldLock: HeldLock | null): Promise<void> {
    this.publisher.started(run);
    const attempt = this.open(run, registered, heldLock);
    let result: RunHandlerResult | void = undefined;
    let error: unknown = undefined;
    try {
      // Released on shutdown: stop waiting for the handler (its signal is aborted) so the process can exit now; an
      // attempt already aborted for another cause then completes as that cause says.
      result = await Promise.race([registered.handler.execute(attempt), attempt.released]);
    } catch (thrown) {
      error = thrown ?? new Error('The handler threw without an error');
    } finally {
      this.active.delete(run.id);
      await attempt.end();
    }
    // Run-state writes wait out a short database outage (up to the heartbeat timeout), so the run ends within a backoff
    // step of PostgreSQL's return; a longer one is the reaper's (the heartbeat is stale by then).
    const maxWaitMs = this.lock.ttlFor(registered.options);
    const cause =
      attempt.abortCause === 'shutdown' || attempt.abortCause === 'lost'
        ? attempt.abortCause
        : attempt.abortCause === null && error !== undefined && dependencyUnavailable(error)
          ? 'unavailable'
          : null;
    if (cause) {
      // Handed back (retried, or ended with the reason on its last attempt) rather than completed from a half-done
      // handler: the work did not fail, its worker, its lock, or its database went away.
      await whenReachable(() => this.recovery.handBack(run, cause), maxWaitMs);
      return;
    }
    await whenReachable(() => this.finish(run, attempt, { result: result ?? undefined, error }), maxWaitMs);
  }

  private open(run: OperationRun, registered: RegisteredRunType, heldLock: HeldLock | null): RunAttempt {
    const { env } = this.config;
    const attempt = new RunAttempt(
      run,
      {
        heartbeatIntervalMs: env.RUN_HEARTBEAT_INTERVAL_MS,
        heartbeatTimeoutMs: this.lock.ttlFor(registered.options),
        timeoutMs: registered.options.timeoutMs,
        progressFlushMs: env.RUN_PROGRESS_FLUSH_MS,
      },
      { store: this.store, publisher: this.publisher, lock: this.lock, heldLock },
    );
    this.active.set(run.id, attempt);
    attempt.begin();
    // A job claimed while the worker is already releasing (it was fetched before the shutdown) is handed back too.
    if (this.releasing) attempt.release();
    return attempt;
  }

  private async finish(
    run: OperationRun,
    attempt: RunAttempt | null,
    end: { result?: RunHandlerResult; error?: unknown; failure?: { code: RunFailureCode; error: unknown } },
  ): Promise<void> {
    const failures = [...(attempt ? attempt.failures : run.failures)]; // a copy: finish may be retried
    const abort = attempt?.abortCause ?? null;
    const outcome = outcomeOf({
      abort,
      error: end.error,
      declared: end.result?.outcome,
      failureCount: failures.length,
    });
    const why = end.failure ?? failureFor(outcome, abort, end.error, failures.length);
    if (why) appendFailure(failures, sanitizeFailure(why));
    const summary = { ...(attempt?.summary ?? run.summaryCounts), ...(end.result?.summary ?? {}) };
    const version = (attempt?.version ?? run.version) + 1;
    const events = stage(
      this.publisher.completedEvents({ ...run, summaryCounts: summary }, outcome, end.result?.events),
    );
    const completed = await this.store.complete(
      run,
      version,
      { outcome, summary, failures, result: end.result?.result ?? null },
      events,
    );
    if (completed) this.publisher.completed(completed, events);
    else this.logger.warn(`Run ${run.id} attempt ${run.attempt} was completed elsewhere; its result is dropped`);
  }

  /** Completed, superseded by a newer attempt, or running under a live attempt: nothing to do. A dead owner is recovered. */
  private async ackUnclaimable(runId: string, attempt: number): Promise<void> {
    const run = await this.store.find(runId);
    if (!run || run.status !== OperationRunStatus.Running || run.attempt !== attempt || this.active.has(runId)) return;
    await this.recovery.recoverIfStale(run);
  }
}

/** The failure entry a run's end needs so that every failed or timed-out run says why (null: none needed). */
function failureFor(
  outcome: OperationRunOutcome,
  abort: AbortCause | null,
  error: unknown,
  failureCount: number,
): { code?: RunFailureCode; error: unknown } | null {
  if (abort === 'timeout') return { code: 'timeout', error: 'The run exceeded its time limit' };
  // The error's own catalogued code: a sync whose token fails says invalid_credentials, as a verify would.
  if (error !== undefined && abort === null) return { error };
  if (outcome === OperationRunOutcome.Failed && failureCount === 0) {
    return { code: 'failed_without_reason', error: 'The run failed without reporting a reason' };
  }
  return null;
}
