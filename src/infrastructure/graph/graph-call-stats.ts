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

  recordResponse(status: number, isWrite: boolean): void {
    this.requests += 1;
    if (isWrite) this.writes += 1;
    this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
    if (status === 429) this.throttled429 += 1;
    if (status === 503 || status === 504) this.unavailable += 1;
  }

  recordRetry(delayMs: number): void {
    this.retries += 1;
    this.waitedMs += delayMs;
  }

  recordBudgetWait(delayMs: number): void {
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
