import { formatRetryAfter, SlidingWindowThrottle } from './throttle';

describe('SlidingWindowThrottle (injected clock)', () => {
  let now = 0;
  const clock = (): number => now;
  beforeEach(() => {
    now = 1_000;
  });

  it('admits maxRequests per window, then rejects with the time until the oldest admitted request leaves', () => {
    const t = new SlidingWindowThrottle({ windowMs: 200, maxRequests: 3, maxWrites: 100 }, clock);
    expect(t.admit('k', false).admitted).toBe(true);
    now += 50;
    expect(t.admit('k', false).admitted).toBe(true);
    expect(t.admit('k', false).admitted).toBe(true);
    const d = t.admit('k', false);
    expect(d).toEqual({ admitted: false, retryAfterMs: 150, limit: 'requests' });
    now += 150; // the first request (t=1000) has now left the window
    expect(t.admit('k', false).admitted).toBe(true);
  });

  it('does not let rejected requests take a slot', () => {
    const t = new SlidingWindowThrottle({ windowMs: 100, maxRequests: 1, maxWrites: 1 }, clock);
    t.admit('k', false);
    for (let i = 0; i < 10; i++) expect(t.admit('k', false).admitted).toBe(false);
    now += 100;
    expect(t.admit('k', false).admitted).toBe(true);
  });

  it('limits writes separately from reads: reads still pass when the write budget is spent', () => {
    const t = new SlidingWindowThrottle({ windowMs: 1000, maxRequests: 10, maxWrites: 2 }, clock);
    expect(t.admit('k', true).admitted).toBe(true);
    now += 10;
    expect(t.admit('k', true).admitted).toBe(true);
    const w = t.admit('k', true);
    expect(w).toMatchObject({ admitted: false, limit: 'writes', retryAfterMs: 990 });
    expect(t.admit('k', false).admitted).toBe(true);
  });

  it('keeps one window per key (tenant + app)', () => {
    const t = new SlidingWindowThrottle({ windowMs: 1000, maxRequests: 1 }, clock);
    expect(t.admit('tenantA|app', false).admitted).toBe(true);
    expect(t.admit('tenantB|app', false).admitted).toBe(true);
    expect(t.admit('tenantA|app', false).admitted).toBe(false);
  });

  it('admits everything when disabled', () => {
    const t = new SlidingWindowThrottle({ enabled: false, maxRequests: 1 }, clock);
    for (let i = 0; i < 5; i++) expect(t.admit('k', true).admitted).toBe(true);
  });

  it('formats Retry-After as fractional seconds, never zero', () => {
    expect(formatRetryAfter(137)).toBe('0.137');
    expect(formatRetryAfter(2000)).toBe('2');
    expect(formatRetryAfter(0.2)).toBe('0.001');
  });
});
