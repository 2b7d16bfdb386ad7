/** GraphClient retries: Retry-After honoured, full-jitter backoff, GraphThrottledError after maxAttempts, 503s. */
import { getContract } from '../../../config/graph-contracts';
import type { GraphSimulator } from '../../graph-simulator';
import { GraphCallStats } from './graph-call-stats';
import { GraphThrottledError, GraphUnavailableError } from './graph-errors';
import { GraphClientSuite } from './testing/graph-client-suite';
import { seedDeviceConfigurations } from './testing/simulator-context';

const configurations = getContract('deviceConfiguration');

describe('GraphClient against the Graph simulator (real HTTP, real MSAL, real Redis)', () => {
  const suite = new GraphClientSuite();
  const { factory, tenant, rawToken, fillWindow, warnLines } = suite;
  let sim: GraphSimulator;

  beforeAll(async () => {
    await suite.start();
    ({ sim } = suite);
  });
  afterAll(() => suite.stop());
  beforeEach(() => suite.reset());

  describe('retries', () => {
    it("waits at least the Retry-After the simulator sent ('header' mode), and the retry is admitted", async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 2);
      sim.setThrottle({ windowMs: 500, maxRequests: 3, retryAfterMode: 'header' });
      const f = factory();
      await f.acquireAppToken(t.conn); // the token request stays outside the measured time
      await fillWindow(await rawToken(t.tenantId), 3);
      const warnsBefore = warnLines().length;
      const stats = new GraphCallStats();
      const started = performance.now();
      await expect(f.forConnection(t.conn, { stats }).get(configurations, 'cfg-1')).resolves.toMatchObject({
        id: 'cfg-1',
      });
      const elapsed = performance.now() - started;
      const warn = warnLines()
        .slice(warnsBefore)
        .find((l) => l.includes('429 on GET'));
      const retryAfterSec = Number(/\(Retry-After ([\d.]+)\)/.exec(warn ?? '')?.[1]);
      expect(retryAfterSec).toBeGreaterThan(0.2);
      expect(retryAfterSec).toBeLessThanOrEqual(0.5);
      expect(elapsed).toBeGreaterThanOrEqual(retryAfterSec * 1000);
      expect(stats.waitedMs).toBeGreaterThanOrEqual(retryAfterSec * 1000);
      // Retrying a millisecond early would have met a full window again: exactly one 429.
      expect(sim.stats(t.tenantId)).toMatchObject({ throttled429: 1, byStatus: { '200': 4, '429': 1 } });
      expect(stats).toMatchObject({ throttled429: 1, retries: 1 });
    });

    it("backs off with full jitter when the 429 carries no Retry-After ('omit' mode)", async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 2);
      sim.setThrottle({ windowMs: 300, maxRequests: 2, retryAfterMode: 'omit' });
      await fillWindow(await rawToken(t.tenantId), 2);
      const warnsBefore = warnLines().length;
      const stats = new GraphCallStats();
      const f = factory({ backoffBaseMs: 100, backoffCapMs: 400, maxAttempts: 12 });
      await expect(f.forConnection(t.conn, { stats }).get(configurations, 'cfg-0')).resolves.toMatchObject({
        id: 'cfg-0',
      });
      const throttled = warnLines()
        .slice(warnsBefore)
        .filter((l) => l.includes('429 on GET'));
      expect(throttled.length).toBeGreaterThanOrEqual(1);
      for (const line of throttled) expect(line).toContain('(Retry-After absent)');
      expect(stats.retries).toBe(throttled.length);
      // Full jitter: each delay is below min(cap, base·2^(n−1)).
      const ceilings = Array.from({ length: stats.retries }, (_, n) => Math.min(400, 100 * 2 ** n));
      expect(stats.waitedMs).toBeLessThan(ceilings.reduce((a, b) => a + b, 0));
      expect(sim.stats(t.tenantId).throttled429).toBe(throttled.length);
    });

    it('gives up after maxAttempts with GraphThrottledError carrying Graph’s request ids', async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 1);
      sim.setThrottle({ windowMs: 60_000, maxRequests: 1, retryAfterMode: 'omit' });
      await fillWindow(await rawToken(t.tenantId), 1);
      const error = await factory({ maxAttempts: 3, backoffBaseMs: 10 })
        .forConnection(t.conn)
        .get(configurations, 'cfg-0')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphThrottledError);
      expect(error).toMatchObject({
        status: 429,
        graphCode: 'TooManyRequests',
        requestId: expect.any(String),
        clientRequestId: expect.any(String),
      });
      expect(sim.stats(t.tenantId)).toMatchObject({ throttled429: 3, byStatus: { '200': 1, '429': 3 } });
    });

    it('retries an injected 503 and gives up on a persistent one with GraphUnavailableError', async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 1);
      const client = factory({ maxAttempts: 3 }).forConnection(t.conn);
      sim.setFaults(t.tenantId, { fail503Count: 1, retryAfter503Sec: 0.02 });
      await expect(client.get(configurations, 'cfg-0')).resolves.toMatchObject({ id: 'cfg-0' });
      sim.setFaults(t.tenantId, { fail503Count: 100 });
      await expect(client.get(configurations, 'cfg-0')).rejects.toBeInstanceOf(GraphUnavailableError);
      expect(sim.stats(t.tenantId).byStatus).toEqual({ '200': 1, '503': 4 });
      sim.setFaults(t.tenantId, { fail503Count: 0 });
    });
  });

  describe('log hygiene', () => {
    it('no secret, private key or token appears in any captured log line (Nest Logger, stdout, stderr, console)', () => {
      // Not vacuous: 429 warnings and retries were logged.
      expect(suite.logs.lines.length).toBeGreaterThan(15);
      expect(suite.capturedText()).toMatch(/429 on GET/);
      expect(suite.logLeaks()).toEqual([]);
    });
  });
});
