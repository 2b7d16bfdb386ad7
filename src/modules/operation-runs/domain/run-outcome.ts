import { RunCancelledError } from './operation-runs.errors';
import { OperationRunOutcome } from '../../../infrastructure/runs';

/** Why a handler's signal was aborted: a cancel request, its attempt's timeout, the run was taken away, or the worker is shutting down. */
export type AbortCause = 'cancelled' | 'timeout' | 'lost' | 'shutdown';

/** Maps how a handler ended to the run's outcome; cancellation and timeouts win over what the handler said. */
export function outcomeOf(end: {
  abort: AbortCause | null;
  error?: unknown;
  declared?: OperationRunOutcome;
  failureCount: number;
}): OperationRunOutcome {
  if (end.abort === 'cancelled' || end.error instanceof RunCancelledError) return OperationRunOutcome.Cancelled;
  // A shutdown's last attempt ends like a lost worker's (the reaper's timed_out): it ran out of time, the work did not fail.
  if (end.abort === 'timeout' || end.abort === 'shutdown') return OperationRunOutcome.TimedOut;
  if (end.error !== undefined || end.abort === 'lost') return OperationRunOutcome.Failed;
  return (
    end.declared ?? (end.failureCount > 0 ? OperationRunOutcome.PartiallySucceeded : OperationRunOutcome.Succeeded)
  );
}
