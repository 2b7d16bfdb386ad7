import { startGraphSimulator, type GraphSimulator } from './index';
import { appToken, graph } from './test-helpers';

describe('JSON $batch', () => {
  let sim: GraphSimulator;
  let token: string;
  const get = (id: string, url = '/deviceManagement/deviceConfigurations?$top=1'): Record<string, unknown> => ({
    id,
    method: 'GET',
    url,
  });
  const batch = (requests: unknown[], version = 'beta') =>
    graph(sim, token, `/${version}/$batch`, { method: 'POST', body: { requests } });

  beforeAll(async () => {
    sim = await startGraphSimulator({ syntheticPerType: 3, throttle: { windowMs: 300, maxRequests: 1000 } });
    token = await appToken(sim);
  });
  afterAll(() => sim.close());
  beforeEach(() => sim.setThrottle({ maxRequests: 1000, maxWrites: 100 }));

  it('runs 20 requests and answers each by id with status, headers and body (outer 200)', async () => {
    const res = await batch(Array.from({ length: 20 }, (_, i) => get(String(i + 1))));
    expect(res.status).toBe(200);
    expect(res.body.responses).toHaveLength(20);
    expect(res.body.responses.map((r: { id: string }) => r.id).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => String(i + 1)).sort(),
    );
    for (const r of res.body.responses) {
      expect(r.status).toBe(200);
      expect(r.body.value).toHaveLength(1);
    }
  });

  it('rejects 21 requests, duplicate ids and a body without Content-Type with an outer 400', async () => {
    expect((await batch(Array.from({ length: 21 }, (_, i) => get(String(i))))).status).toBe(400);
    const dup = await batch([get('1'), get('1')]);
    expect(dup.status).toBe(400);
    expect(dup.body.error.code).toBe('BadRequest');
    expect(
      (await batch([{ id: '1', method: 'POST', url: '/deviceManagement/roleScopeTags', body: { displayName: 'x' } }]))
        .status,
    ).toBe(400);
  });

  it('throttles inner requests one by one: the throttled one gets 429 with its own Retry-After, the others 200', async () => {
    // A fresh window of 4 admissions for 5 inner requests: exactly one is rejected.
    sim.setThrottle({ windowMs: 300, maxRequests: 4 });
    await new Promise((r) => setTimeout(r, 320));
    const res = await batch(Array.from({ length: 5 }, (_, i) => get(`r${i}`)));
    expect(res.status).toBe(200);
    const throttled = res.body.responses.filter((r: { status: number }) => r.status === 429);
    expect(throttled).toHaveLength(1);
    expect(Number(throttled[0].headers['Retry-After'])).toBeGreaterThan(0);
    expect(Number(throttled[0].headers['Retry-After'])).toBeLessThanOrEqual(0.3);
    expect(throttled[0].body.error.code).toBe('TooManyRequests');
    expect(res.body.responses.filter((r: { status: number }) => r.status === 200)).toHaveLength(4);
  });

  it('answers 424 for a request whose dependency failed and runs dependent requests in order', async () => {
    const res = await batch([
      { id: '1', method: 'GET', url: '/deviceManagement/deviceConfigurations/does-not-exist' },
      { id: '2', method: 'GET', url: '/deviceManagement/deviceConfigurations', dependsOn: ['1'] },
      {
        id: '3',
        method: 'POST',
        url: '/deviceManagement/roleScopeTags',
        headers: { 'Content-Type': 'application/json' },
        body: { displayName: 'batch tag' },
      },
      {
        id: '4',
        method: 'GET',
        url: "/deviceManagement/roleScopeTags?$filter=displayName eq 'batch tag'",
        dependsOn: ['3'],
      },
    ]);
    const byId = Object.fromEntries(res.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(byId['1'].status).toBe(404);
    expect(byId['2'].status).toBe(424);
    expect(byId['3'].status).toBe(201);
    expect(byId['4'].status).toBe(200);
    expect(byId['4'].body.value).toHaveLength(1);
  });

  it('works under /v1.0 and for groups too', async () => {
    const res = await batch([get('g', '/groups?$top=1'), get('o', '/organization')], 'v1.0');
    expect(res.body.responses.every((r: { status: number }) => r.status === 200)).toBe(true);
  });

  it('needs a token for the batch itself', async () => {
    const res = await graph(sim, null, '/beta/$batch', { method: 'POST', body: { requests: [get('1')] } });
    expect(res.status).toBe(401);
  });
});
