import { randomUUID } from 'node:crypto';
import { TestIssuer } from '../../../test/support/test-issuer';
import { testEnvironment } from '../../../test/support/test-env';
import type { AppConfig } from '../config/app-config';
import { AccessTokenVerifier } from './access-token.verifier';

/**
 * Key sets are fetched per token tenant (tid). A flood of tokens naming new tenants must neither grow memory without
 * bound nor turn the API into a fetcher of arbitrary JWKS URLs: the cache is an LRU, and new tenants' first
 * fetches are rate-limited.
 */
describe('AccessTokenVerifier key sets', () => {
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await TestIssuer.start();
  });
  afterAll(() => issuer.close());

  const verifier = (env: Record<string, string | number>) =>
    new AccessTokenVerifier({ env: testEnvironment({ AUTH_JWKS_URL: issuer.jwksUrl, ...env }) } as AppConfig);
  const fetches = (tid: string) => issuer.jwksRequests.get(tid) ?? 0;
  const tokenFor = (tid: string) => issuer.userToken({ tid });

  it('keeps at most AUTH_JWKS_CACHE_SIZE key sets, evicting the least recently used', async () => {
    const v = verifier({ AUTH_JWKS_CACHE_SIZE: 5, AUTH_JWKS_FETCHES_PER_MINUTE: 1000 });
    const tids = Array.from({ length: 20 }, () => randomUUID());
    for (const tid of tids) await v.verify(`Bearer ${await tokenFor(tid)}`);
    expect(tids.map(fetches)).toEqual(tids.map(() => 1));
    // The five most recent are still cached: no new fetch.
    for (const tid of tids.slice(-5)) await v.verify(`Bearer ${await tokenFor(tid)}`);
    expect(tids.slice(-5).map(fetches)).toEqual([1, 1, 1, 1, 1]);
    // The first was evicted long ago: verifying it again fetches its keys again.
    await v.verify(`Bearer ${await tokenFor(tids[0])}`);
    expect(fetches(tids[0])).toBe(2);
  });

  it('fetches keys for at most AUTH_JWKS_FETCHES_PER_MINUTE new tenants, refusing the rest without a fetch', async () => {
    const v = verifier({ AUTH_JWKS_CACHE_SIZE: 100, AUTH_JWKS_FETCHES_PER_MINUTE: 3 });
    const tids = Array.from({ length: 6 }, () => randomUUID());
    const outcomes: string[] = [];
    for (const tid of tids) {
      outcomes.push(
        await v.verify(`Bearer ${await tokenFor(tid)}`).then(
          () => 'ok',
          (error: Error & { code?: string }) => `${error.code}: ${error.message}`,
        ),
      );
    }
    expect(outcomes.slice(0, 3)).toEqual(['ok', 'ok', 'ok']);
    for (const outcome of outcomes.slice(3)) expect(outcome).toMatch(/^UNAUTHENTICATED: .*try again later/);
    expect(tids.map(fetches)).toEqual([1, 1, 1, 0, 0, 0]);
    // Tenants already known keep working.
    await expect(v.verify(`Bearer ${await tokenFor(tids[0])}`)).resolves.toMatchObject({ tid: tids[0] });
  });

  it('remembers a verified token until it expires, so the rate limiter can name its caller without cryptography', async () => {
    const v = verifier({});
    const tid = randomUUID();
    const token = `Bearer ${await tokenFor(tid)}`;
    expect(v.cachedUser(token)).toBeUndefined();
    const user = await v.verify(token);
    expect(v.cachedUser(token)).toBe(user);
    expect(v.cachedUser(`Bearer ${await tokenFor(tid)}x`)).toBeUndefined();
    const expired = `Bearer ${await issuer.userToken({ tid }, { expiresIn: '-10m' })}`;
    await expect(v.verify(expired)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(v.cachedUser(expired)).toBeUndefined();
  });
});
