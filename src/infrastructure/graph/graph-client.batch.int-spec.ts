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
  const { factory, tenant } = suite;
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
  });

  describe('log hygiene', () => {
    it('no secret, private key or token appears in any captured log line (Nest Logger, stdout, stderr, console)', () => {
      // Not vacuous: inner 429 warnings and batch retries were logged.
      expect(suite.logs.lines.length).toBeGreaterThan(5);
      expect(suite.logLeaks()).toEqual([]);
    });
  });
});
