import {
  BrokenCircuitError,
  CircuitState,
  circuitBreaker,
  ConsecutiveBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from 'cockatiel';
import { LRUCache } from 'lru-cache';
import { GraphUnavailableError } from './graph-errors';
import type { GraphSettings } from './graph-settings';

/**
 * One circuit breaker per tenant's Graph, per process (cockatiel): after `circuitFailures` unavailable answers in a
 * row (503/504, timeouts, network errors) the tenant's calls are refused at once for `circuitHalfOpenMs`, then one
 * probe decides. A dead Graph then costs every run of that tenant a few timeouts, not six per request. 429s never
 * count (the throttle budget handles them), nor do 4xx answers: Graph is there.
 */
export class GraphCircuitBreakers {
  private readonly breakers = new LRUCache<string, CircuitBreakerPolicy>({ max: 10_000 });

  constructor(private readonly settings: Pick<GraphSettings, 'circuitFailures' | 'circuitHalfOpenMs'>) {}

  /** Runs one Graph call through the tenant's breaker; an open circuit throws a GraphUnavailableError that is never retried. */
  async execute<T>(entraTenantId: string, call: () => Promise<T>, where: { method: string; path: string }): Promise<T> {
    const breaker = this.for(entraTenantId);
    try {
      return await breaker.execute(call);
    } catch (error) {
      // A call that went out before the circuit opened and failed after: not retried either, or its retry would meet
      // the half-open probe and wait out one more timeout.
      if (error instanceof GraphUnavailableError && !error.givenUp && breaker.state !== CircuitState.Closed)
        throw new GraphUnavailableError(
          `Microsoft Graph is not answering for this tenant (circuit open); the last call: ${error.message}`,
          { status: error.status, ...where },
          undefined,
          false,
          true,
        );
      if (!(error instanceof BrokenCircuitError)) throw error;
      const seconds = Math.round(this.settings.circuitHalfOpenMs / 1000);
      throw new GraphUnavailableError(
        `Microsoft Graph did not answer ${this.settings.circuitFailures} calls in a row for this tenant; not calling it for up to ${seconds} s`,
        { status: 0, ...where },
        undefined,
        false,
        true,
      );
    }
  }

  private for(entraTenantId: string): CircuitBreakerPolicy {
    const key = entraTenantId.toLowerCase();
    let breaker = this.breakers.get(key);
    if (!breaker) {
      breaker = circuitBreaker(
        handleWhen((error) => error instanceof GraphUnavailableError && !error.givenUp),
        {
          halfOpenAfter: this.settings.circuitHalfOpenMs,
          breaker: new ConsecutiveBreaker(this.settings.circuitFailures),
        },
      );
      this.breakers.set(key, breaker);
    }
    return breaker;
  }
}
