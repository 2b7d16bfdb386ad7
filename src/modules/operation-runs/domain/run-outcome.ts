import { RunCancelledError } from './operation-runs.errors';
import { OperationRunOutcome } from './operation-run-state';

/** Why a handler's signal was aborted: a cancel request, its attempt's timeout, or the run was taken away. */
export type AbortCause = 'cancelled' | 'timeout' | 'lost';

/** Maps how a handler ended to the run's outcome; cancellation and timeouts win over what the handler said. */
export function outcomeOf(end: { abort: AbortCause | null; error?: unknown; declared?: OperationRunOutcome; failureCount: number }): OperationRunOutcome {
  if (end.abort === 'cancelled' || end.error instanceof RunCancelledError) return OperationRunOutcome.Cancelled;
  if (end.abort === 'timeout') return OperationRunOutcome.TimedOut;
  if (end.error !== undefined || end.abort === 'lost') return OperationRunOutcome.Failed;
  return end.declared ?? (end.failureCount > 0 ? OperationRunOutcome.PartiallySucceeded : OperationRunOutcome.Succeeded);
}
