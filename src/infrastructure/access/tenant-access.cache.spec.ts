import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { AppConfig } from '../config/app-config';
import { TenantAccessCache } from './tenant-access.cache';
import type { TenantAccessService } from './tenant-access.service';

const TTL = 5000;
const user = (id: string) => ({ id, upn: `${id}@msp.test` }) as AuthenticatedUser;

/** A cache over a stand-in policy that counts its checks (the real policy's queries are covered by the e2e tests). */
function cacheWith(answer: (tenantId: string | null) => Promise<boolean> = async () => true, ttlMs = TTL) {
  const checks: Array<string | null> = [];
  const access = {
    canSee: (_user: AuthenticatedUser, tenantId: string | null) => (checks.push(tenantId), answer(tenantId)),
  } as unknown as TenantAccessService;
  return { cache: new TenantAccessCache(access, { env: { SUBSCRIPTION_ACCESS_TTL_MS: ttlMs } } as AppConfig), checks };
}

describe('TenantAccessCache', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  it('checks a user and tenant once per TTL window, however many events arrive (even concurrently)', async () => {
    const { cache, checks } = cacheWith();
    await Promise.all(Array.from({ length: 1000 }, () => cache.canSee(user('u1'), 't1')));
    jest.advanceTimersByTime(TTL - 1);
    expect(await cache.canSee(user('u1'), 't1')).toBe(true);
    expect(checks).toEqual(['t1']);
    jest.advanceTimersByTime(1);
    await cache.canSee(user('u1'), 't1');
    expect(checks).toEqual(['t1', 't1']);
  });

  it('keeps decisions apart per user and per tenant, denials included', async () => {
    const { cache, checks } = cacheWith(async (tenantId) => tenantId === 't1');
    expect(await cache.canSee(user('u1'), 't1')).toBe(true);
    expect(await cache.canSee(user('u1'), 't2')).toBe(false);
    expect(await cache.canSee(user('u2'), 't1')).toBe(true);
    expect(await cache.canSee(user('u1'), 't2')).toBe(false);
    expect(checks).toEqual(['t1', 't2', 't1']);
  });

  it('should not remember a failed check', async () => {
    let fail = true;
    const { cache, checks } = cacheWith(async () => {
      if (fail) throw new Error('database down');
      return true;
    });
    await expect(cache.canSee(user('u1'), 't1')).rejects.toThrow('database down');
    fail = false;
    expect(await cache.canSee(user('u1'), 't1')).toBe(true);
    expect(checks).toHaveLength(2);
  });

  it(`holds at most ${TenantAccessCache.MAX_ENTRIES} decisions and drops expired ones as new ones come`, async () => {
    const { cache } = cacheWith();
    for (let i = 0; i < TenantAccessCache.MAX_ENTRIES + 500; i++) await cache.canSee(user(`u${i}`), 't1');
    expect(cache.size).toBe(TenantAccessCache.MAX_ENTRIES);
    jest.advanceTimersByTime(TTL);
    await cache.canSee(user('late'), 't1');
    expect(cache.size).toBe(1);
  });

  it('asks every time when the TTL is 0, and never caches workspace-wide (tenantId null) checks', async () => {
    const off = cacheWith(async () => true, 0);
    await off.cache.canSee(user('u1'), 't1');
    await off.cache.canSee(user('u1'), 't1');
    expect(off.checks).toEqual(['t1', 't1']);
    const on = cacheWith(async () => false);
    await on.cache.canSee(user('u1'), null);
    await on.cache.canSee(user('u1'), null);
    expect(on.checks).toEqual([null, null]);
    expect(on.cache.size).toBe(0);
  });
});
