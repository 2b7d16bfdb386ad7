import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { stage, type StagedEvent } from '../../../infrastructure/events';
import type { OperationRun } from '../domain/operation-run.entity';
import {
  OperationRunOutcome,
  type RunContextInput,
  type RunContextOf,
  type RunTypeKey,
} from '../../../infrastructure/runs';
import { OperationRunNotFoundError, RunTenantRequiredError } from '../domain/operation-runs.errors';
import { sanitizeFailure } from '../domain/run-failures';
import { safeErrorMessage } from '../../../shared/redact';
import { isUuid } from '../../../shared/uuid';
import type { OperationRunSnapshot } from './operation-run.events';
import { type OperationRunFilter, OperationRunQueries, type RunVisibility } from './operation-run.queries';
import { RunEventsPublisher } from './run-events.publisher';
import { RunQueue } from './run-queue';
import { dedupeKeyFor, type RunTypeInfo, RunTypeRegistry } from './run-type.registry';
import { RunStore } from './run-store';

export type StartRunInput<K extends RunTypeKey> = {
  tenantId?: string | null;
  /** `tid:oid` of the user who asked for it; null for scheduled work (then nobody is notified). */
  initiatorUserId?: string | null;
} & RunContextInput<K>;

/** A run as other modules see it: its public state, never the entity (context and dedupe key stay inside). */
export type OperationRunView = OperationRunSnapshot;
export type { RunTypeInfo };

/**
 * The module's facade. Start surfaces call `start` and return the run at once: it writes the run and enqueues,
 * nothing else (no Graph call, no waiting on the work).
 */
@Injectable()
export class OperationRunsFacade {
  constructor(
    private readonly registry: RunTypeRegistry,
    private readonly store: RunStore,
    private readonly queue: RunQueue,
    private readonly publisher: RunEventsPublisher,
    private readonly queries: OperationRunQueries,
  ) {}

  /** The active run of the same work if there is one (`created: false`), else a new queued run. */
  async start<K extends RunTypeKey>(
    type: K,
    ...[input]: Record<string, never> extends RunContextOf<K> ? [input?: StartRunInput<K>] : [input: StartRunInput<K>]
  ): Promise<{ run: OperationRunView; created: boolean }> {
    const { options } = this.registry.get(type);
    const tenantId = input?.tenantId ?? null;
    if (options.requiresTenant && !tenantId) throw new RunTenantRequiredError(type);
    const context = (input?.context ?? {}) as Record<string, unknown>;
    const dedupeKey = dedupeKeyFor(options, tenantId, context);
    // The loop covers the active run finishing between our conflicting insert and the read of it.
    for (let tries = 0; tries < 5; tries++) {
      const id = randomUUID();
      const initiatorUserId = input?.initiatorUserId ?? null;
      const events = stage(this.publisher.queuedEvents({ id, tenantId, type, initiatorUserId }));
      const inserted = await this.store.insert({
        id,
        tenantId,
        type,
        initiatorUserId,
        dedupeKey,
        context,
        maxAttempts: options.maxAttempts ?? 1,
        events,
      });
      if (inserted) return { run: await this.dispatch(inserted, events), created: true };
      const active = dedupeKey ? await this.store.findActive(dedupeKey) : null;
      if (active) return { run: active, created: false };
    }
    throw new Error(`Could not start ${type}: its dedupe key kept changing hands`);
  }

  /** Queued → cancelled at once; running → flagged, and the handler's signal aborts in whichever worker runs it. */
  async requestCancel(runId: string, requestedBy: string | null): Promise<OperationRunView> {
    if (!isUuid(runId)) throw new OperationRunNotFoundError(runId);
    const cancelled = await this.store.cancelQueued(runId, requestedBy, (run) =>
      this.publisher.completedEvents(run, OperationRunOutcome.Cancelled),
    );
    if (cancelled) {
      this.publisher.completed(cancelled.run, cancelled.events);
      return cancelled.run;
    }
    const flagged = await this.store.flagCancel(runId, requestedBy);
    if (flagged) {
      this.publisher.updated(flagged);
      this.publisher.cancelRequested(runId);
      return flagged;
    }
    return this.getOrThrow(runId);
  }

  get(id: string): Promise<OperationRunView | null> {
    return isUuid(id) ? this.store.find(id) : Promise.resolve(null);
  }

  async getOrThrow(id: string): Promise<OperationRunView> {
    const run = await this.get(id);
    if (!run) throw new OperationRunNotFoundError(id);
    return run;
  }

  list(
    filter: OperationRunFilter,
    visibility: RunVisibility,
    first: number,
    after?: string | null,
  ): Promise<{ runs: OperationRunView[]; hasNextPage: boolean }> {
    return this.queries.page(filter, visibility, first, after);
  }

  /** Every run type this process knows, with its effective limits (RUN_HEARTBEAT_TIMEOUT_MS applied). */
  runTypes(): RunTypeInfo[] {
    return this.registry.describe();
  }

  /** Invariant 3: if the job cannot be enqueued, the caller gets a failed run, never a queued orphan. */
  private async dispatch(run: OperationRun, events: StagedEvent[]): Promise<OperationRun> {
    this.publisher.queued(run, events);
    try {
      await this.queue.enqueue(run);
      return run;
    } catch (error) {
      const failure = sanitizeFailure({
        code: 'enqueue_failed',
        error: `The run could not be queued: ${safeErrorMessage(error)}`,
      });
      const failed = await this.store.failUndispatched(run.id, failure, (row) =>
        this.publisher.completedEvents(row, OperationRunOutcome.Failed),
      );
      if (failed) {
        this.publisher.completed(failed.run, failed.events);
        return failed.run;
      }
      return (await this.store.find(run.id)) ?? run; // the job did land after all and a worker took it
    }
  }
}
