import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { OperationRun } from '../domain/operation-run.entity';
import { OperationRunStatus } from '../domain/operation-run-state';
import { appendFailure, sanitizeFailure } from '../domain/run-failures';
import { outcomeOf } from '../domain/run-outcome';
import { RunEventsPublisher } from './run-events.publisher';
import type { RunExecution } from './run-execution';
import { RunExecutions } from './run-executions';
import type { RunHandlerResult } from './run-handler';
import { RunLock } from './run-lock';
import type { RunJobData } from './run-queue';
import { RunReaper } from './run-reaper';
import { type RegisteredRunType, RunTypeRegistry } from './run-type.registry';
import { RunTransitions } from './run-transitions';

/**
 * The wrapper every run handler goes through (invariant 4): lock → claim (queued → running) → heartbeat and
 * progress → outcome → conditional completion. A job for a run that is completed, superseded, or owned by a live
 * attempt is acknowledged without side effects, so duplicate deliveries are harmless.
 */
@Injectable()
export class RunProcessor {
  private readonly logger = new Logger(RunProcessor.name);

  constructor(
    private readonly registry: RunTypeRegistry,
    private readonly transitions: RunTransitions,
    private readonly publisher: RunEventsPublisher,
    private readonly executions: RunExecutions,
    private readonly lock: RunLock,
    private readonly reaper: RunReaper,
  ) {}

  async process(job: Job<RunJobData>, token?: string): Promise<void> {
    const { runId, attempt, type, tenantId } = job.data;
    const registered = this.registry.find(type);
    const heldLock = registered ? await this.lock.acquireOrDelay(registered.options, tenantId, job, token) : null;
    try {
      const run = await this.transitions.claim(runId, attempt);
      if (!run) return await this.ackUnclaimable(runId, attempt);
      if (!registered)
        return await this.finish(run, null, { error: new Error(`No handler for run type "${type}" in this build`) });
      await this.execute(run, registered, heldLock);
    } finally {
      if (heldLock) await this.lock.release(heldLock).catch(() => undefined);
    }
  }

  private async execute(
    run: OperationRun,
    registered: RegisteredRunType,
    heldLock: Parameters<RunExecutions['open']>[2],
  ): Promise<void> {
    this.publisher.started(run);
    const execution = this.executions.open(run, registered.options, heldLock);
    let result: RunHandlerResult | void = undefined;
    let error: unknown = undefined;
    try {
      // Released on shutdown: stop waiting for the handler (its signal is aborted) so the process can exit now; an
      // attempt already aborted for another cause then completes as that cause says.
      result = await Promise.race([registered.handler.execute(execution), execution.released]);
    } catch (thrown) {
      error = thrown ?? new Error('The handler threw without an error');
    } finally {
      await this.executions.close(execution);
    }
    if (execution.abortCause === 'shutdown') {
      // Handed back (retried, or timed_out on its last attempt) rather than completed from a half-done handler.
      await this.reaper.release(run);
      return;
    }
    await this.finish(run, execution, { result: result ?? undefined, error });
  }

  private async finish(
    run: OperationRun,
    execution: RunExecution | null,
    end: { result?: RunHandlerResult; error?: unknown },
  ): Promise<void> {
    const failures = execution ? execution.failures : [...run.failures];
    const abort = execution?.abortCause ?? null;
    const outcome = outcomeOf({
      abort,
      error: end.error,
      declared: end.result?.outcome,
      failureCount: failures.length,
    });
    if (end.error !== undefined && abort === null)
      appendFailure(failures, sanitizeFailure({ code: 'handler_error', error: end.error }));
    const summary = { ...(execution?.summary ?? run.summaryCounts), ...(end.result?.summary ?? {}) };
    const version = (execution?.version ?? run.version) + 1;
    const completed = await this.transitions.complete(run, version, {
      outcome,
      summary,
      failures,
      result: end.result?.result ?? null,
    });
    if (completed) this.publisher.completed(completed);
    else this.logger.warn(`Run ${run.id} attempt ${run.attempt} was completed elsewhere; its result is dropped`);
  }

  /** Completed, superseded by a newer attempt, or running under a live attempt: nothing to do. A dead owner is recovered. */
  private async ackUnclaimable(runId: string, attempt: number): Promise<void> {
    const run = await this.transitions.find(runId);
    if (!run || run.status !== OperationRunStatus.Running || run.attempt !== attempt || this.executions.isActive(runId))
      return;
    await this.reaper.recoverIfStale(run);
  }
}
