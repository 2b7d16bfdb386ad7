/** GraphClient $batch: ≤ 20 per call, request order, throttled inner requests resent alone under the retry policy. */
import { getContract } from '../../../config/graph-contracts';
import type { GraphSimulator } from '../../graph-simulator';
import { GraphCallStats } from './graph-call-stats';
import { GraphClientSuite } from './testing/graph-client-suite';
import type { CapturingLogger } from './testing/graph-test-context';
import { seedDeviceConfigurations } from './testing/simulator-context';

const configurations = getContract('deviceConfiguration');

describe('GraphClient against the Graph simulator (real HTTP, real MSAL, real Redis)', () => {
  const suite = new GraphClientSuite();
  const { factory, tenant, rawToken, fillWindow, warnLines } = suite;
  let sim: GraphSimulator;
  let logs: CapturingLogger;

  beforeAll(async () => {
    await suite.start();
    ({ sim, logs } = suite);
  });
  afterAll(() => suite.stop());
  beforeEach(() => suite.reset());

  describe('$batch', () => {
    it('retries only the inner request the simulator throttled', async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 5);
      // Five inner requests, four slots: exactly one inner 429 with a Retry-After of ≈ 300 ms.
      sim.setThrottle({ windowMs: 300, maxRequests: 4, retryAfterMode: 'header' });
      const stats = new GraphCallStats();
      const requests = Array.from({ length: 5 }, (_, i) => ({
        id: String(i),
        method: 'GET' as const,
        url: `${configurations.collectionPath}/cfg-${i}`,
      }));
      const responses = await factory().forConnection(t.conn, { stats }).batch(requests);
      expect(responses.map((r) => [r.id, r.status, (r.body as { id?: string })?.id])).toEqual(
        requests.map((r, i) => [r.id, 200, `cfg-${i}`]),
      );
      // 5 inner requests + 1 resent = 6 reached the simulator: the 4 that succeeded were not sent again.
      expect(sim.stats(t.tenantId)).toMatchObject({ requests: 6, throttled429: 1, byStatus: { '200': 5, '429': 1 } });
      expect(stats).toMatchObject({ requests: 6, throttled429: 1, retries: 1 });
      expect(logs.lines.some((l) => l.includes('$batch: retrying 1 of 5 inner requests'))).toBe(true);
    });

    it('splits 45 requests into $batch calls of ≤ 20 (the simulator rejects larger ones) and keeps request order', async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 45);
      const requests = Array.from({ length: 45 }, (_, i) => ({
        id: `r${i}`,
        method: 'GET' as const,
        url: `${configurations.collectionPath}/cfg-${i}`,
      }));
      const responses = await factory().forConnection(t.conn).batch(requests);
      expect(responses.map((r) => r.id)).toEqual(requests.map((r) => r.id));
      expect(responses.every((r, i) => r.status === 200 && (r.body as { id: string }).id === `cfg-${i}`)).toBe(true);
      expect(sim.stats(t.tenantId).requests).toBe(45);
    });

    it('gives up on a permanently throttled inner request after GRAPH_MAX_ATTEMPTS batches and returns its 429; each resend takes a budget slot', async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 1);
      // One request a minute, taken by another client of the same app: every inner request of ours is throttled.
      sim.setThrottle({ windowMs: 60_000, maxRequests: 1, retryAfterMode: 'omit' });
      await fillWindow(await rawToken(t.tenantId), 1);
      const stats = new GraphCallStats();
      const f = factory({ maxAttempts: 3, backoffBaseMs: 10 });
      const responses = await f
        .forConnection(t.conn, { stats })
        .batch([{ id: 'only', method: 'GET', url: `${configurations.collectionPath}/cfg-0` }]);
      expect(responses).toMatchObject([{ id: 'only', status: 429 }]);
      expect(sim.stats(t.tenantId)).toMatchObject({ throttled429: 3, byStatus: { '200': 1, '429': 3 } });
      expect(stats).toMatchObject({ requests: 3, throttled429: 3, retries: 2 });
      expect(await f.getBudgetState(t.tenantId, t.clientId)).toMatchObject({ requestsInWindow: 3 });
    });

    it("waits at least the largest inner Retry-After ('header' mode) before resending the throttled request alone", async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 2);
      sim.setThrottle({ windowMs: 500, maxRequests: 3, retryAfterMode: 'header' });
      const f = factory();
      await f.acquireAppToken(t.conn); // the token request stays outside the measured time
      await fillWindow(await rawToken(t.tenantId), 2); // one slot left for two inner requests
      const warnsBefore = warnLines().length;
      const stats = new GraphCallStats();
      const requests = ['a', 'b'].map((id, i) => ({
        id,
        method: 'GET' as const,
        url: `${configurations.collectionPath}/cfg-${i}`,
      }));
      const started = performance.now();
      const responses = await f.forConnection(t.conn, { stats }).batch(requests);
      const elapsed = performance.now() - started;
      expect(responses.map((r) => [r.id, r.status])).toEqual([
        ['a', 200],
        ['b', 200],
      ]);
      const warn = warnLines()
        .slice(warnsBefore)
        .find((l) => l.includes('inner requests of POST /beta/$batch'));
      expect(warn).toContain('Graph 429 on 1 of 2 inner requests');
      const retryAfterSec = Number(/\(largest Retry-After ([\d.]+)\)/.exec(warn ?? '')?.[1]);
      expect(retryAfterSec).toBeGreaterThan(0);
      expect(retryAfterSec).toBeLessThanOrEqual(0.5);
      expect(elapsed).toBeGreaterThanOrEqual(retryAfterSec * 1000);
      expect(stats.waitedMs).toBeGreaterThanOrEqual(retryAfterSec * 1000);
      // Resent alone, and not early (that would have met a full window again): exactly one 429.
      expect(sim.stats(t.tenantId)).toMatchObject({ throttled429: 1, byStatus: { '200': 4, '429': 1 } });
      expect(stats).toMatchObject({ requests: 3, throttled429: 1, retries: 1 });
    });
  });

  describe('log hygiene', () => {
    it('no secret, private key or token appears in any captured log line (Nest Logger, stdout, stderr, console)', () => {
      // Not vacuous: inner 429 warnings and batch retries were logged.
      expect(suite.logs.lines.length).toBeGreaterThan(10);
      expect(suite.capturedText()).toMatch(/Graph 429 on \d+ of \d+ inner requests of POST/);
      expect(suite.logLeaks()).toEqual([]);
    });
  });
});
