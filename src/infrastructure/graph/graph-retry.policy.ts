import { DelegateBackoff, handleWhen, retry } from 'cockatiel';
import { GraphBatchInnerFailure, GraphThrottledError, GraphUnavailableError } from './graph-errors';
import { GraphSettings } from './graph-settings';

export type RetrySettings = Pick<GraphSettings, 'maxAttempts' | 'backoffBaseMs' | 'backoffCapMs'>;

/**
 * 429 always; 503/504 always, inside a $batch too; a network failure only when repeating the call cannot
 * duplicate a write; never a call refused by an open circuit or an outage limit.
 */
export function isRetryableGraphError(error: unknown, idempotent: boolean): boolean {
  if (error instanceof GraphThrottledError || error instanceof GraphBatchInnerFailure) return true;
  if (error instanceof GraphUnavailableError) return !error.givenUp && (!error.networkError || idempotent);
  return false;
}

/**
 * Delay before retry number `retry` (1-based): at least Retry-After when Graph sent one (never earlier; the
 * +1 ms covers timer rounding), else full jitter: random in [0, min(cap, base·2^(retry−1))).
 */
export function backoffDelayMs(
  retryAfterMs: number | undefined,
  retry: number,
  settings: RetrySettings,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.ceil(retryAfterMs) + 1;
  const ceiling = Math.min(settings.backoffCapMs, settings.backoffBaseMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

export function retryDelayMs(
  error: unknown,
  retry: number,
  settings: RetrySettings,
  random: () => number = Math.random,
): number {
  const retryAfterMs =
    error instanceof GraphThrottledError ||
    error instanceof GraphUnavailableError ||
    error instanceof GraphBatchInnerFailure
      ? error.retryAfterMs
      : undefined;
  return backoffDelayMs(retryAfterMs, retry, settings, random);
}

/**
 * cockatiel's retry loop with a delegate backoff: its own generators know nothing of Retry-After.
 * `maxAttempts` counts every attempt, cockatiel's counts retries, hence the −1. `idempotent` may be asked per
 * failure: a $batch resends fewer requests each time, and a resend of reads only is safe after a network failure.
 */
export function createGraphRetryPolicy(
  settings: RetrySettings,
  opts: { idempotent: boolean | (() => boolean); onRetry?: (delayMs: number, error: unknown) => void },
) {
  const { idempotent } = opts;
  const isIdempotent = typeof idempotent === 'function' ? idempotent : () => idempotent;
  const policy = retry(
    handleWhen((error) => isRetryableGraphError(error, isIdempotent())),
    {
      maxAttempts: Math.max(0, settings.maxAttempts - 1),
      backoff: new DelegateBackoff((context) =>
        retryDelayMs('error' in context.result ? context.result.error : undefined, context.attempt, settings),
      ),
    },
  );
  if (opts.onRetry) {
    const onRetry = opts.onRetry;
    policy.onRetry((event) => onRetry(event.delay, 'error' in event ? event.error : undefined));
  }
  return policy;
}
