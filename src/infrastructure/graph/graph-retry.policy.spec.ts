import {
  GraphBatchInnerFailure,
  GraphThrottledError,
  GraphUnavailableError,
  GraphValidationError,
} from './graph-errors';
import { isRetryableGraphError, retryDelayMs } from './graph-retry.policy';

const settings = { maxAttempts: 6, backoffBaseMs: 500, backoffCapMs: 30_000 };
const throttled = (retryAfterMs?: number) => new GraphThrottledError('429', { status: 429 }, retryAfterMs);

describe('graph retry rules', () => {
  it('waits at least Retry-After, fractional seconds included, whatever the attempt', () => {
    expect(retryDelayMs(throttled(2128), 1, settings)).toBeGreaterThanOrEqual(2128);
    expect(retryDelayMs(throttled(0.4), 5, settings, () => 0)).toBeGreaterThanOrEqual(0.4);
  });

  it('honours Retry-After even above the backoff cap', () => {
    expect(retryDelayMs(throttled(60_000), 1, settings)).toBeGreaterThanOrEqual(60_000);
  });

  it('uses full jitter between 0 and min(cap, base·2^n) without Retry-After', () => {
    expect(retryDelayMs(throttled(), 1, settings, () => 0)).toBe(0);
    expect(retryDelayMs(throttled(), 1, settings, () => 0.999)).toBe(499);
    expect(retryDelayMs(throttled(), 3, settings, () => 0.5)).toBe(1000);
    expect(retryDelayMs(throttled(), 20, settings, () => 0.999)).toBe(29_970);
  });

  it('retries 429 and 503/504, and network failures only for idempotent calls', () => {
    expect(isRetryableGraphError(throttled(), false)).toBe(true);
    expect(isRetryableGraphError(new GraphUnavailableError('503', { status: 503 }), false)).toBe(true);
    const network = new GraphUnavailableError('down', { status: 0 }, undefined, true);
    expect(isRetryableGraphError(network, true)).toBe(true);
    expect(isRetryableGraphError(network, false)).toBe(false);
  });

  it('retries the failed inner requests of a $batch, writes too, after their largest Retry-After or with jitter', () => {
    const inner = (retryAfterMs?: number) =>
      new GraphBatchInnerFailure(['1', '2'], 5, retryAfterMs, { status: 429, method: 'POST', path: '/beta/$batch' });
    expect(isRetryableGraphError(inner(), false)).toBe(true);
    expect(retryDelayMs(inner(2500), 1, settings, () => 0)).toBeGreaterThanOrEqual(2500);
    expect(retryDelayMs(inner(), 3, settings, () => 0.5)).toBe(1000);
  });

  it('never retries a validation error or an unknown error', () => {
    expect(isRetryableGraphError(new GraphValidationError('400', { status: 400 }), true)).toBe(false);
    expect(isRetryableGraphError(new Error('boom'), true)).toBe(false);
  });
});
