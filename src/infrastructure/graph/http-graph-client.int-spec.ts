import Redis from 'ioredis';
import { getContract } from '../../../config/graph-contracts';
import { GraphCallStats } from './graph-call-stats';
import { GraphPermissionError, GraphThrottledError, GraphUnavailableError } from './graph-errors';
import { GraphSettings } from './graph-settings';
import { TenantGraphConnection } from './tenant-graph-connection';
import { FakeGraph, startFakeGraph } from './testing/fake-graph.server';
import { CapturingLogger, captureLogs, testFactory, testGraphSettings, testRedis } from './testing/graph-test-context';

const TENANT = '11111111-1111-4111-8111-111111111111';
const CLIENT = '22222222-2222-4222-8222-222222222222';
const SECRET = 'client-secret-for-graph-tests-5d2e';
const conn: TenantGraphConnection = { connectionKey: 't1:v1', entraTenantId: TENANT, clientId: CLIENT, credential: { kind: 'secret', secret: SECRET } };
const configurations = getContract('deviceConfiguration');

describe('HttpGraphClient over real HTTP', () => {
  let fake: FakeGraph;
  let redis: Redis;
  let logs: CapturingLogger;

  const client = (overrides: Partial<GraphSettings> = {}, stats = new GraphCallStats()) =>
    testFactory(testGraphSettings(fake.url, { budget: { ...testGraphSettings('').budget, enabled: false }, ...overrides }), redis).forConnection(conn, { stats });

  beforeAll(async () => {
    logs = captureLogs();
    redis = testRedis();
    fake = await startFakeGraph({ tenantId: TENANT, apps: [{ clientId: CLIENT, secret: SECRET, roles: [] }] });
    fake.collections.set(
      configurations.collectionPath,
      Array.from({ length: 53 }, (_, i) => ({ id: `cfg-${i}`, displayName: `Config ${i}`, description: 'd', omasSettings: [{ secretish: 'payload' }] })),
    );
  });

  afterAll(async () => {
    await fake.close();
    redis.disconnect();
  });

  beforeEach(() => {
    fake.log.length = 0;
    fake.failures.length = 0;
  });

  it('follows @odata.nextLink across 6 pages and honours $select', async () => {
    const pages: number[] = [];
    const items: Record<string, unknown>[] = [];
    for await (const page of client().list(configurations, { select: ['id', 'displayName'], top: 10 })) {
      pages.push(page.items.length);
      items.push(...page.items);
    }
    expect(pages).toEqual([10, 10, 10, 10, 10, 3]);
    expect(items[52]).toEqual({ id: 'cfg-52', displayName: 'Config 52' });
  });

  it('sends a fresh client-request-id on every call', async () => {
    for await (const page of client().list(configurations, { top: 20 })) void page;
    const ids = fake.log.map((entry) => entry.clientRequestId);
    expect(ids.every((id) => /^[0-9a-f-]{36}$/.test(id ?? ''))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('retries only the throttled inner request of a $batch', async () => {
    fake.failures.push({ method: 'GET', pathIncludes: '/cfg-3', status: 429, retryAfter: '0.2', remaining: 1 });
    const stats = new GraphCallStats();
    const requests = Array.from({ length: 5 }, (_, i) => ({ id: String(i), method: 'GET' as const, url: `${configurations.collectionPath}/cfg-${i}` }));
    const responses = await client({}, stats).batch(requests);
    expect(responses.map((r) => [r.id, r.status])).toEqual(requests.map((r) => [r.id, 200]));
    const calls = (n: number) => fake.log.filter((e) => e.batchInner && e.path.endsWith(`/cfg-${n}`)).length;
    expect([0, 1, 2, 3, 4].map(calls)).toEqual([1, 1, 1, 2, 1]);
    expect(stats.waitedMs).toBeGreaterThanOrEqual(200);
  });

  it('splits more than 20 batch requests into several $batch calls', async () => {
    const requests = Array.from({ length: 45 }, (_, i) => ({ id: `r${i}`, method: 'GET' as const, url: `${configurations.collectionPath}/cfg-${i}` }));
    const responses = await client().batch(requests);
    expect(responses.map((r) => r.id)).toEqual(requests.map((r) => r.id));
    expect(new Set(fake.log.map((e) => e.clientRequestId)).size).toBe(3);
  });

  it('waits at least the Retry-After Graph asked for, fractional seconds included', async () => {
    fake.failures.push({ pathIncludes: '/cfg-1', status: 429, retryAfter: '0.35', remaining: 1 });
    const stats = new GraphCallStats();
    const started = performance.now();
    await client({}, stats).get(configurations, 'cfg-1');
    const attempts = fake.log.filter((e) => e.path.endsWith('/cfg-1'));
    expect(attempts.map((a) => a.status)).toEqual([429, 200]);
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(350);
    expect(performance.now() - started).toBeGreaterThanOrEqual(350);
    expect(stats.toJSON()).toMatchObject({ throttled429: 1, retries: 1 });
    expect(stats.waitedMs).toBeGreaterThanOrEqual(350);
  });

  it('backs off with jitter when a 429 carries no Retry-After', async () => {
    fake.failures.push({ pathIncludes: '/cfg-2', status: 429, remaining: 2 });
    const stats = new GraphCallStats();
    await expect(client({ backoffBaseMs: 40, backoffCapMs: 200 }, stats).get(configurations, 'cfg-2')).resolves.toMatchObject({ id: 'cfg-2' });
    expect(stats.retries).toBe(2);
    expect(stats.waitedMs).toBeLessThan(40 + 80);
  });

  it('gives up after maxAttempts with GraphThrottledError carrying the request ids', async () => {
    fake.failures.push({ pathIncludes: '/cfg-4', status: 429, retryAfter: '0.01', remaining: 100 });
    const error = await client({ maxAttempts: 3 }).get(configurations, 'cfg-4').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphThrottledError);
    expect(error).toMatchObject({ status: 429, graphCode: 'TooManyRequests', requestId: expect.any(String), clientRequestId: expect.any(String) });
    expect(fake.log.filter((e) => e.path.endsWith('/cfg-4'))).toHaveLength(3);
  });

  it('gives up on a persistent 503 with GraphUnavailableError', async () => {
    fake.failures.push({ pathIncludes: '/cfg-5', status: 503, remaining: 100 });
    await expect(client({ maxAttempts: 2, backoffBaseMs: 5 }).get(configurations, 'cfg-5')).rejects.toBeInstanceOf(GraphUnavailableError);
  });

  it('does not retry a 403 and reports it as GraphPermissionError', async () => {
    fake.failures.push({ pathIncludes: '/cfg-6', status: 403, remaining: 1 });
    await expect(client().get(configurations, 'cfg-6')).rejects.toBeInstanceOf(GraphPermissionError);
    expect(fake.log.filter((e) => e.path.endsWith('/cfg-6'))).toHaveLength(1);
  });

  it('strips read-only fields before a create', async () => {
    const created = await client().create(configurations, { '@odata.type': '#microsoft.graph.windows10CustomConfiguration', id: 'old', version: 4, displayName: 'New' });
    expect(created).toMatchObject({ displayName: 'New' });
    expect(created).not.toHaveProperty('version');
  });

  it('writes request ids to debug logs but never a secret or token', () => {
    const all = logs.lines.join('\n');
    expect(all).toMatch(/request-id=\S+ client-request-id=[0-9a-f-]{36}/);
    expect(all).not.toContain(SECRET);
    expect(all).not.toMatch(/eyJ|Bearer [^[]/);
  });
});
