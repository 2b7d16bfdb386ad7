import { GraphCallStats } from './graph-call-stats';
import { GraphCircuitBreakers } from './graph-circuit-breakers';
import { GraphUnavailableError } from './graph-errors';
import { DEFAULT_GRAPH_SETTINGS, type GraphSettings } from './graph-settings';
import { HttpGraphClient } from './http-graph-client';

/** A stub Graph (global fetch) answering each call with `status`; counts the calls that went out. */
function stubGraph(status: () => number) {
  const calls: string[] = [];
  global.fetch = jest.fn(async (url: unknown) => {
    calls.push(String(url));
    return new Response(JSON.stringify({ error: { code: 'X', message: 'x' } }), {
      status: status(),
      headers: { 'content-type': 'application/json', 'retry-after': '0' },
    });
  }) as typeof fetch;
  return calls;
}

describe('a dead Graph fails fast', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });
  const settings: GraphSettings = {
    ...DEFAULT_GRAPH_SETTINGS,
    graphBaseUrl: 'http://graph.test',
    maxAttempts: 6,
    backoffBaseMs: 1,
    circuitFailures: 3,
    circuitHalfOpenMs: 60_000,
  };
  const client = (
    breakers: GraphCircuitBreakers,
    opts: { outageLimitMs?: number; tenant?: string; stats?: GraphCallStats } = {},
  ) =>
    new HttpGraphClient({
      settings,
      identity: { entraTenantId: opts.tenant ?? 'tenant-a', clientId: 'c' },
      getAccessToken: async () => 'token',
      budget: null,
      stats: opts.stats ?? new GraphCallStats(),
      breakers,
      outageLimitMs: opts.outageLimitMs,
    });

  it("opens a tenant's circuit after GRAPH_CIRCUIT_FAILURES unavailable answers: later calls are refused without going out, never retried", async () => {
    const calls = stubGraph(() => 503);
    const breakers = new GraphCircuitBreakers(settings);
    const stats = new GraphCallStats();
    const error = await client(breakers, { stats })
      .request('GET', '/organization')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphUnavailableError);
    expect((error as GraphUnavailableError).givenUp).toBe(true);
    expect(calls).toHaveLength(3); // not 6: the failure that opened the circuit is not retried
    expect(stats.unreachable + stats.unavailable).toBe(3);
    const later = new GraphCallStats();
    await expect(client(breakers, { stats: later }).request('GET', '/organization')).rejects.toMatchObject({
      givenUp: true,
    });
    expect(calls).toHaveLength(3);
    expect(later.refused).toBe(1);
    // Another tenant's Graph is another circuit.
    await expect(client(breakers, { tenant: 'tenant-b' }).request('GET', '/organization')).rejects.toMatchObject({
      givenUp: true,
    });
    expect(calls).toHaveLength(6);
  });

  it('never counts 429 or 4xx answers: Graph is there', async () => {
    let status = 429;
    const calls = stubGraph(() => status);
    const breakers = new GraphCircuitBreakers(settings);
    await expect(client(breakers).request('GET', '/organization')).rejects.toMatchObject({ status: 429 });
    status = 404;
    for (let i = 0; i < 5; i++)
      await expect(client(breakers).request('GET', '/x')).rejects.toMatchObject({ status: 404 });
    expect(calls).toHaveLength(6 + 5);
  });

  it("refuses every call once Graph has been unavailable for the client's outage limit", async () => {
    const calls = stubGraph(() => 503);
    const breakers = new GraphCircuitBreakers({ ...settings, circuitFailures: 1000 });
    const graph = client(breakers, { outageLimitMs: 0 });
    await expect(graph.request('GET', '/organization')).rejects.toMatchObject({ givenUp: true });
    expect(calls).toHaveLength(1); // the first failure started the outage; the limit (0) refused the retry
    await expect(graph.request('GET', '/organization')).rejects.toMatchObject({
      message: expect.stringMatching(/outage limit 0 s/),
    });
    expect(calls).toHaveLength(1);
  });
});
