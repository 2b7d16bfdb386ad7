import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../../../../infrastructure/config/app-config';
import { REDIS_CLIENT } from '../../../../infrastructure/redis/redis.tokens';
import { sleep } from '../../../../shared/sleep';
import { OperationRunOutcome } from '../../../../infrastructure/runs';
import {
  type OperationRunHandler,
  RunHandler,
  type RunAttemptContext,
  type RunHandlerResult,
} from '../../../../infrastructure/runs';

type NoopRunType = 'system.noop' | 'system.noop.locked';

/** What a no-op run stores as its result. */
export interface NoopRunResult {
  attempt: number;
}

/** Parameters of the internal no-op run (tests, benchmark, smoke checks). */
export interface NoopRunContext {
  /** Total time to spend (split over the progress steps); honours cancellation. */
  sleepMs?: number;
  /** Only attempts up to this number sleep (a retried attempt then finishes quickly). */
  sleepUntilAttempt?: number;
  progressSteps?: number;
  /** Thrown at the end: the run fails with this (sanitized) message. */
  failWith?: string;
  /** One item failure per step with this message (sanitized): the run partially succeeds. */
  itemFailure?: string;
  /** Counts executions in Redis (`…:noop:<key>:started` / `:committed`), so tests can see side effects across processes. */
  sideEffectKey?: string;
  /** Runs sharing a key are deduplicated (none by default). */
  dedupeKey?: string;
}

@Injectable()
abstract class NoopRunBase implements OperationRunHandler<NoopRunType> {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async execute(run: RunAttemptContext<NoopRunType>): Promise<RunHandlerResult<NoopRunResult>> {
    const { sleepMs = 0, progressSteps = 0, failWith, itemFailure, sideEffectKey, sleepUntilAttempt } = run.context;
    const key = sideEffectKey && `${this.config.env.REDIS_PREFIX}:noop:${sideEffectKey}`;
    if (key) await this.redis.incr(`${key}:started`);
    const sleeps = sleepUntilAttempt === undefined || run.attempt <= sleepUntilAttempt;
    const steps = Math.max(progressSteps, 1);
    for (let step = 1; step <= steps; step++) {
      if (sleeps && sleepMs > 0) await sleep(sleepMs / steps, run.signal);
      run.throwIfCancelled();
      if (itemFailure) run.addFailure({ item: `item ${step}`, error: new Error(itemFailure) });
      if (progressSteps > 0)
        run.reportProgress({
          total: progressSteps,
          processed: step,
          succeeded: itemFailure ? 0 : step,
          failed: itemFailure ? step : 0,
        });
    }
    if (failWith) throw new Error(failWith);
    // The side effect "commits" only when the work completes: a killed attempt leaves none behind.
    if (key) await this.redis.incr(`${key}:committed`);
    return {
      outcome: itemFailure ? OperationRunOutcome.PartiallySucceeded : undefined,
      result: { attempt: run.attempt },
    };
  }
}

const dedupeByContext = ({ context }: { context: NoopRunContext }) =>
  typeof context.dedupeKey === 'string' ? context.dedupeKey : null;

@RunHandler({
  type: 'system.noop',
  title: 'No-op',
  requiresTenant: false,
  dedupe: dedupeByContext,
  timeoutMs: 10 * 60_000,
  maxAttempts: 2,
})
export class NoopRunHandler extends NoopRunBase {}

/** The same work under a per-tenant-and-type lock: two runs for one tenant never overlap. */
@RunHandler({
  type: 'system.noop.locked',
  title: 'No-op (locked)',
  requiresTenant: true,
  dedupe: dedupeByContext,
  lock: 'tenant+type',
  timeoutMs: 10 * 60_000,
  maxAttempts: 2,
})
export class LockedNoopRunHandler extends NoopRunBase {}
