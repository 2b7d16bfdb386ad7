export enum OperationRunStatus {
  Queued = 'queued',
  Running = 'running',
  Completed = 'completed',
}

export enum OperationRunOutcome {
  Succeeded = 'succeeded',
  PartiallySucceeded = 'partially_succeeded',
  Failed = 'failed',
  Cancelled = 'cancelled',
  TimedOut = 'timed_out',
}

export interface SummaryCounts {
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  skipped: number;
}

/** One sanitized failure (redacted, capped at ~1 KB); a run keeps at most 50. */
export interface RunFailure {
  item: string | null;
  code: string | null;
  message: string;
  at: string;
}
