import { DEMO_TENANT, startGraphSimulator, type GraphSimulator } from './index';
import { appToken, graph } from './test-helpers';

describe('Intune throttling and injected faults over HTTP', () => {
  let sim: GraphSimulator;
  let token: string;
  const list = '/beta/deviceManagement/deviceConfigurations?$top=1';

  beforeAll(async () => {
    sim = await startGraphSimulator({ syntheticPerType: 2 });
    token = await appToken(sim);
  });
  afterAll(() => sim.close());
  beforeEach(async () => {
    sim.setThrottle({ enabled: true, windowMs: 2000, maxRequests: 10, maxWrites: 100, retryAfterMode: 'header' });
    sim.setFaults('*', { fail503Count: 0, fail503Rate: 0, latencyMs: 0 });
    // Let the previous test's window drain so every test starts with the full budget. The window is wide enough
    // that 15 concurrent requests land in one window even on a loaded machine.
    await new Promise((r) => setTimeout(r, 2050));
    sim.resetStats();
  });

  it('with windowMs 2000 and maxRequests 10, 15 rapid requests give exactly 5 × 429 with Retry-After ≤ 2 s', async () => {
    const results = await Promise.all(Array.from({ length: 15 }, () => graph(sim, token, list)));
    const throttled = results.filter((r) => r.status === 429);
    expect(results.filter((r) => r.status === 200)).toHaveLength(10);
    expect(throttled).toHaveLength(5);
    for (const r of throttled) {
      const retryAfter = Number(r.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(2);
      expect(r.body.error).toMatchObject({ code: 'TooManyRequests', innerError: { 'request-id': expect.any(String) } });
    }
    expect(sim.stats(DEMO_TENANT.tenantId)).toMatchObject({
      requests: 15,
      throttled429: 5,
      byStatus: { '200': 10, '429': 5 },
    });
  });

  it('admits again once the Retry-After has elapsed', async () => {
    const results = await Promise.all(Array.from({ length: 11 }, () => graph(sim, token, list)));
    const rejected = results.find((r) => r.status === 429)!;
    const wait = Number(rejected.headers.get('retry-after')) * 1000;
    await new Promise((r) => setTimeout(r, wait + 5));
    expect((await graph(sim, token, list)).status).toBe(200);
  });

  it("sends no Retry-After header in 'omit' mode", async () => {
    sim.setThrottle({ retryAfterMode: 'omit' });
    const results = await Promise.all(Array.from({ length: 12 }, () => graph(sim, token, list)));
    const throttled = results.filter((r) => r.status === 429);
    expect(throttled).toHaveLength(2);
    for (const r of throttled) expect(r.headers.get('retry-after')).toBeNull();
  });

  it('limits writes separately: past maxWrites writes get 429 while reads still pass', async () => {
    sim.setThrottle({ maxRequests: 100, maxWrites: 3 });
    const body = { '@odata.type': '#microsoft.graph.roleScopeTag', displayName: 'tag' };
    const writes = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        graph(sim, token, '/beta/deviceManagement/roleScopeTags', {
          method: 'POST',
          body: { ...body, displayName: `tag ${i}` },
        }),
      ),
    );
    expect(writes.map((w) => w.status).sort()).toEqual([201, 201, 201, 429, 429]);
    expect((await graph(sim, token, list)).status).toBe(200);
    expect(sim.stats(DEMO_TENANT.tenantId).writes).toBe(5);
  });

  it('throttles each app of a tenant on its own', async () => {
    const t = sim.addTenant({ apps: [{}, {}] });
    const [a, b] = [await appToken(sim, t.tenantId, 0), await appToken(sim, t.tenantId, 1)];
    const first = await Promise.all(Array.from({ length: 10 }, () => graph(sim, a, '/v1.0/organization')));
    expect(first.every((r) => r.status === 200)).toBe(true);
    expect((await graph(sim, a, '/v1.0/organization')).status).toBe(429);
    expect((await graph(sim, b, '/v1.0/organization')).status).toBe(200);
  });

  it('fails the next N requests with 503 ServiceUnavailable and a small Retry-After (fail503Count)', async () => {
    sim.setFaults(DEMO_TENANT.tenantId, { fail503Count: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const r = await graph(sim, token, list);
      statuses.push(r.status);
      if (r.status === 503) {
        expect(r.body.error.code).toBe('ServiceUnavailable');
        expect(Number(r.headers.get('retry-after'))).toBeLessThan(1);
      }
    }
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('fails every request when fail503Rate is 1', async () => {
    sim.setFaults('*', { fail503Rate: 1 });
    expect((await graph(sim, token, list)).status).toBe(503);
    sim.setFaults('*', { fail503Rate: 0 });
    expect((await graph(sim, token, list)).status).toBe(200);
  });

  it('adds latencyMs before answering', async () => {
    sim.setFaults(DEMO_TENANT.tenantId, { latencyMs: 120 });
    const started = performance.now();
    await graph(sim, token, list);
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    sim.setFaults(DEMO_TENANT.tenantId, { latencyMs: 0 });
  });
});
