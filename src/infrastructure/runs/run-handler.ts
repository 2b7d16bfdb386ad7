import { Injectable, SetMetadata } from '@nestjs/common';
import type { OutboxEvent } from '../events';
import type { RunFailureCode } from './run-failure-codes';
import type { OperationRunOutcome, SummaryCounts } from './run-state';
import type { RunContextOf, RunResultOf, RunTypeKey } from './run-type-map';

export const RUN_HANDLER_METADATA = 'tenantatlas:run-handler';

/** How one run type behaves. Adding a type = one @RunHandler class in the module that owns the work. */
export interface RunTypeOptions<K extends RunTypeKey = RunTypeKey> {
  /** e.g. 'inventory.sync', 'tenant.verify', 'system.noop' (a key of RunTypeMap). */
  type: K;
  /** Human title for notifications and UIs, e.g. 'Inventory sync'. */
  title: string;
  requiresTenant: boolean;
  /**
   * What makes two starts "the same work" (at most one active run per key, enforced by a partial unique index):
   * 'tenant' → `${type}:${tenantId}`; 'global' → `${type}`; 'none' → never deduplicated;
   * or a function of the start input returning the key's suffix (null → not deduplicated).
   */
  dedupe:
    'tenant' | 'global' | 'none' | ((input: { tenantId: string | null; context: RunContextOf<K> }) => string | null);
  /** Serializes runs that must not overlap: 'tenant' (any locked type on the tenant), 'tenant+type', 'global'. */
  lock?: 'tenant' | 'tenant+type' | 'global';
  /** Wall-clock limit of one attempt; the reaper completes longer runs as timed_out (or retries them). */
  timeoutMs: number;
  /**
   * A running run whose heartbeat is older than RUN_HEARTBEAT_TIMEOUT_MS × this factor (default 1) is considered dead:
   * its worker is presumed gone, the reaper retries or ends it, and its lock expires. One setting for every type;
   * a type whose steps can legitimately hold the event loop longer scales it (README › Run types lists each).
   */
  heartbeatTimeoutFactor?: number;
  /** Attempts before giving up (default 1). A dead worker's run is retried while attempts remain. */
  maxAttempts?: number;
}

/** What a handler sees while one attempt of its run is in progress. */
export interface RunAttemptContext<K extends RunTypeKey = RunTypeKey> {
  readonly runId: string;
  readonly type: K;
  readonly tenantId: string | null;
  readonly initiatorUserId: string | null;
  readonly context: RunContextOf<K>;
  readonly attempt: number;
  /** Aborted when a cancel is requested or the attempt times out: pass it to Graph calls and loops. */
  readonly signal: AbortSignal;
  /** Absolute counts (not increments). Written to PostgreSQL at most ~1/s; every call reaches live subscribers. */
  reportProgress(counts: Partial<SummaryCounts> & Record<string, number>): void;
  /**
   * Records a sanitized failure (secrets redacted, message capped); the run keeps the first 50. Without a code, the
   * error's catalogued one (a Graph 503 → graph_unavailable, anything unknown → unexpected_error).
   */
  addFailure(failure: { item?: string; code?: RunFailureCode; error: unknown }): void;
  /** Throws a cancellation error if cancel was requested (the wrapper completes the run as cancelled). */
  throwIfCancelled(): void;
}

/** What a handler may return; without an outcome the wrapper derives one (failures → partially_succeeded). */
export interface RunHandlerResult<R = Record<string, unknown>> {
  outcome?: OperationRunOutcome.Succeeded | OperationRunOutcome.PartiallySucceeded | OperationRunOutcome.Failed;
  summary?: Partial<SummaryCounts> & Record<string, number>;
  /** Stored on the run (jsonb `result`): e.g. a restore plan id, verify findings. No secrets. */
  result?: R;
  /**
   * Domain events this run announces to other modules (e.g. `inventory.synced`). They are written to the outbox in the
   * same statement that completes the run and delivered at least once after it commits: never emit them yourself.
   */
  events?: OutboxEvent[];
}

export interface OperationRunHandler<K extends RunTypeKey> {
  execute(run: RunAttemptContext<K>): Promise<RunHandlerResult<RunResultOf<K>> | void>;
}

/**
 * Marks a provider as the handler of one run type; the operation-runs module discovers it at start-up. The compiler
 * checks that the class handles exactly that type's context and result.
 */
export function RunHandler<K extends RunTypeKey>(options: RunTypeOptions<K>) {
  return <T extends abstract new (...args: any[]) => OperationRunHandler<K>>(target: T): void => {
    Injectable()(target as unknown as new (...args: unknown[]) => unknown);
    SetMetadata(RUN_HANDLER_METADATA, options)(target);
  };
}
