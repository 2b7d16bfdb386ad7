/**
 * Intune's per-app-per-tenant limits as a sliding window: a request is admitted when fewer than `maxRequests`
 * were admitted in the last `windowMs` (writes: also fewer than `maxWrites` writes). Rejected requests do not
 * take a slot. The Graph client's client-side budget mirrors exactly these semantics, so keep them in sync.
 */
export interface ThrottleOptions {
  enabled: boolean;
  windowMs: number;
  maxRequests: number;
  maxWrites: number;
  /** 'omit' reproduces Intune endpoints that send 429 without Retry-After; 'alternate' omits it on every other 429. */
  retryAfterMode: 'header' | 'omit' | 'alternate';
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  enabled: true,
  windowMs: 20_000,
  maxRequests: 1000,
  maxWrites: 100,
  retryAfterMode: 'header',
};

export type ThrottleDecision =
  { admitted: true } | { admitted: false; retryAfterMs: number; limit: 'requests' | 'writes' };

interface Window {
  all: number[];
  writes: number[];
}

export class SlidingWindowThrottle {
  private options: ThrottleOptions;
  private readonly windows = new Map<string, Window>();
  private rejected = 0;

  constructor(
    options: Partial<ThrottleOptions> = {},
    private readonly now: () => number = () => performance.now(),
  ) {
    this.options = { ...DEFAULT_THROTTLE, ...options };
  }

  get settings(): ThrottleOptions {
    return { ...this.options };
  }

  configure(options: Partial<ThrottleOptions>): void {
    this.options = { ...this.options, ...options };
    // A changed window makes old timestamps meaningless; start clean rather than carrying a stale backlog.
    if (options.windowMs !== undefined || options.maxRequests !== undefined || options.maxWrites !== undefined)
      this.windows.clear();
  }

  reset(): void {
    this.windows.clear();
    this.rejected = 0;
  }

  /** Whether the 429 being answered now carries Retry-After (call once per 429). */
  sendsRetryAfter(): boolean {
    const mode = this.options.retryAfterMode;
    if (mode === 'alternate') return this.rejected++ % 2 === 0;
    return mode === 'header';
  }

  admit(key: string, isWrite: boolean): ThrottleDecision {
    if (!this.options.enabled) return { admitted: true };
    const now = this.now();
    const w = this.windows.get(key) ?? { all: [], writes: [] };
    this.windows.set(key, w);
    const horizon = now - this.options.windowMs;
    // Timestamps are appended in order, so expired ones are always at the front.
    while (w.all.length && w.all[0] <= horizon) w.all.shift();
    while (w.writes.length && w.writes[0] <= horizon) w.writes.shift();
    const waitFor = (list: number[], max: number): number =>
      list.length < max ? 0 : list[list.length - max] + this.options.windowMs - now;
    const waitAll = waitFor(w.all, this.options.maxRequests);
    const waitWrites = isWrite ? waitFor(w.writes, this.options.maxWrites) : 0;
    if (waitAll > 0 || waitWrites > 0) {
      return {
        admitted: false,
        retryAfterMs: Math.max(waitAll, waitWrites),
        limit: waitWrites > waitAll ? 'writes' : 'requests',
      };
    }
    w.all.push(now);
    if (isWrite) w.writes.push(now);
    return { admitted: true };
  }
}

/** Retry-After in seconds with millisecond precision, never "0" (a client would retry at once and fail). */
export function formatRetryAfter(ms: number): string {
  return (Math.max(1, Math.ceil(ms)) / 1000).toFixed(3).replace(/\.?0+$/, '') || '0.001';
}
