/**
 * The client-side throttle budget (Redis sliding window, shared across processes) against the Graph simulator
 * enforcing Intune's per-app-per-tenant limits, scaled down: 1,000 requests / 20 s becomes 20 / 1 s.
 */
import Redis from 'ioredis';
import { getContract } from '../../../config/graph-contracts';
import { startGraphSimulator, type GraphSimulator, type ThrottleOptions } from '../../graph-simulator';
import { appToken, graph } from '../../graph-simulator/test-helpers';
import { GraphCallStats } from './graph-call-stats';
import { GraphClient } from './graph-client';
import { GraphSettings } from './graph-settings';
import { CapturingLogger, captureLogs, testFactory, testGraphSettings, testRedis } from './testing/graph-test-context';
import { addSimTenant, seedDeviceConfigurations, type SimTestTenant } from './testing/simulator-context';

const contract = getContract('deviceConfiguration');
// Scaled Intune limits (1,000 requests / 20 s → 20 / 1 s); the simulator and the client budget use the same numbers
// (the client keeps its 2 % margin). A 500 ms window gave ratios up to 1.25 on this 2-core box under parallel jobs
// (scheduling lateness per window is absolute, not relative), so the window is 1 s rather than the assertion looser.
const WINDOW_MS = 1000;
const MAX_REQUESTS = 20;
const MAX_WRITES = 5;
const THROTTLE: ThrottleOptions = {
  enabled: true,
  windowMs: WINDOW_MS,
  maxRequests: MAX_REQUESTS,
  maxWrites: MAX_WRITES,
  retryAfterMode: 'header',
};
const OBJECTS = 3000;
const TOP = 20; // 3,000 / 20 = 150 requests

async function listAll(client: GraphClient, top: number): Promise<number> {
  let count = 0;
  for await (const page of client.list(contract, { select: ['id', 'displayName'], top })) count += page.items.length;
  return count;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Graph throttle budget against the simulator (scaled Intune limits, Redis shared across processes)', () => {
  let sim: GraphSimulator;
  let redis: Redis;
  let logs: CapturingLogger;
  const secrets: string[] = [];

  const settings = (budget: Partial<GraphSettings['budget']> = {}): GraphSettings =>
    testGraphSettings(sim.url, {
      budget: {
        enabled: true,
        windowMs: WINDOW_MS,
        maxRequests: MAX_REQUESTS,
        maxWrites: MAX_WRITES,
        safetyMargin: 0.02,
        ...budget,
      },
    });
  const tenant = (objects = OBJECTS): SimTestTenant => {
    const t = addSimTenant(sim);
    secrets.push(t.secret);
    seedDeviceConfigurations(sim, t.tenantId, objects);
    return t;
  };

  beforeAll(async () => {
    logs = captureLogs();
    redis = testRedis();
    sim = await startGraphSimulator({ tenants: [{ displayName: 'unused default tenant' }], throttle: THROTTLE });
  });

  afterAll(async () => {
    await sim.close();
    redis.disconnect();
  });

  beforeEach(() => sim.setThrottle(THROTTLE));

  it(`lists ${OBJECTS} objects in ≥ 150 requests near the throttle-bound minimum with (near) zero 429s`, async () => {
    const t = tenant();
    const stats = new GraphCallStats();
    const factory = testFactory(settings(), redis);
    await factory.acquireAppToken(t.conn); // MSAL's token request is not part of the throttle-bound time
    const client = factory.forConnection(t.conn, { stats });
    const started = performance.now();
    expect(await listAll(client, TOP)).toBe(OBJECTS);
    const elapsed = performance.now() - started;
    const { requests, throttled429 } = sim.stats(t.tenantId);
    const minimum = (Math.ceil(requests / MAX_REQUESTS) - 1) * WINDOW_MS;
    const ratio = elapsed / minimum;
    console.log(
      `graph budget vs simulator (${WINDOW_MS} ms window, ${MAX_REQUESTS} requests): ${OBJECTS} objects, $top=${TOP}, requests=${requests} ` +
        `429s=${throttled429} elapsedMs=${Math.round(elapsed)} minimumMs=${minimum} ratio=${ratio.toFixed(3)} budgetWaitedMs=${Math.round(stats.budgetWaitedMs)}`,
    );
    expect(requests).toBeGreaterThanOrEqual(150);
    expect(throttled429).toBeLessThanOrEqual(2);
    // Pacing, not speed: never faster than the window allows (the simulator would 429), and not stuck. How close to the
    // minimum it gets is a benchmark figure (npm run bench:inventory), not a pass/fail line on a shared 2-core box.
    expect(ratio).toBeGreaterThanOrEqual(0.95);
    expect(ratio).toBeLessThanOrEqual(2);
  });

  it('shares one budget between two processes (two factories, one Redis) with near-zero 429s', async () => {
    const t = tenant();
    const s = settings();
    const a = testFactory(s, redis).forConnection(t.conn);
    const b = testFactory({ ...s }, redis).forConnection(t.conn);
    const [countA, countB] = await Promise.all([listAll(a, 100), listAll(b, 100)]);
    expect(countA + countB).toBe(2 * OBJECTS);
    // Two clients racing can land one request a few ms later than its reservation: near-zero, not zero.
    expect(sim.stats(t.tenantId).throttled429).toBeLessThanOrEqual(2);
  });

  it('reports requests in the window and requests left', async () => {
    const t = tenant(3);
    const factory = testFactory(settings({ windowMs: 5000 }), redis);
    const client = factory.forConnection(t.conn);
    await client.get(contract, 'cfg-1');
    await client.get(contract, 'cfg-2');
    const state = await factory.getBudgetState(t.tenantId, t.clientId);
    expect(state).toEqual({
      requestsInWindow: 2,
      writesInWindow: 0,
      requestsLeft: 17,
      writesLeft: 4,
      throttledUntil: null,
    });
  });

  it('pauses every process until throttledUntil after a 429 the budget did not foresee', async () => {
    const t = tenant(20);
    sim.setThrottle({ windowMs: 400, maxRequests: 2 });
    // Someone outside our budget (another tool with the same app) fills the simulator's window.
    const token = await appToken(sim, t.tenantId);
    secrets.push(token);
    for (let i = 0; i < 2; i++)
      expect((await graph(sim, token, '/beta/deviceManagement/deviceConfigurations?$top=1')).status).toBe(200);
    const s = settings();
    const factory = testFactory(s, redis);
    const first = factory.forConnection(t.conn).get(contract, 'cfg-9');
    let state = await factory.getBudgetState(t.tenantId, t.clientId);
    for (let i = 0; i < 50 && !state?.throttledUntil; i++) {
      await pause(10);
      state = await factory.getBudgetState(t.tenantId, t.clientId);
    }
    expect(state?.throttledUntil?.getTime()).toBeGreaterThan(Date.now());
    const waitFor = state!.throttledUntil!.getTime() - Date.now();
    const started = performance.now();
    await testFactory({ ...s }, redis)
      .forConnection(t.conn)
      .get(contract, 'cfg-10');
    expect(performance.now() - started).toBeGreaterThanOrEqual(waitFor - 20);
    await expect(first).resolves.toMatchObject({ id: 'cfg-9' });
    expect(sim.stats(t.tenantId).throttled429).toBe(1);
  });

  it('logs no secret or token', () => {
    const all = logs.lines.join('\n');
    expect(all).toMatch(/429 on GET/);
    for (const secret of secrets) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  });
});
