import {
  graphBudgetWaitSeconds,
  graphRefused,
  graphRequests,
  graphRetries,
  graphThrottled,
  graphUnreachable,
} from '../metrics/metrics';

/** Counters for one run's Graph traffic, shown in run summaries. Mutable on purpose: one instance per run. */
export class GraphCallStats {
  requests = 0;
  writes = 0;
  throttled429 = 0;
  unavailable = 0;
  /** Calls that got no answer (timeout, network error). */
  unreachable = 0;
  /** Calls refused without going out (the tenant's circuit open, or the run's outage limit passed). */
  refused = 0;
  retries = 0;
  /** Time spent waiting before retries (Retry-After or backoff). */
  waitedMs = 0;
  /** Time spent waiting for the client-side throttle budget. */
  budgetWaitedMs = 0;
  byStatus: Record<string, number> = {};

  recordUnreachable(): void {
    graphUnreachable.inc();
    this.unreachable += 1;
  }

  recordRefused(): void {
    graphRefused.inc();
    this.refused += 1;
  }

  recordResponse(status: number, isWrite: boolean): void {
    graphRequests.inc({ status: String(status) }); // the process-wide metric; these fields are the run's own
    if (status === 429) graphThrottled.inc();
    this.requests += 1;
    if (isWrite) this.writes += 1;
    this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
    if (status === 429) this.throttled429 += 1;
    if (status === 503 || status === 504) this.unavailable += 1;
  }

  recordRetry(delayMs: number): void {
    graphRetries.inc();
    this.retries += 1;
    this.waitedMs += delayMs;
  }

  recordBudgetWait(delayMs: number): void {
    graphBudgetWaitSeconds.inc(delayMs / 1000);
    this.budgetWaitedMs += delayMs;
  }

  toJSON() {
    return {
      requests: this.requests,
      writes: this.writes,
      throttled429: this.throttled429,
      unavailable: this.unavailable,
      unreachable: this.unreachable,
      refused: this.refused,
      retries: this.retries,
      waitedMs: Math.round(this.waitedMs),
      budgetWaitedMs: Math.round(this.budgetWaitedMs),
      byStatus: { ...this.byStatus },
    };
  }
}
