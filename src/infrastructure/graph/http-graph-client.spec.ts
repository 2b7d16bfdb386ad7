import { GraphCallStats } from './graph-call-stats';
import { DEFAULT_GRAPH_SETTINGS } from './graph-settings';
import { HttpGraphClient } from './http-graph-client';

/** What the simulator never does but Graph may: $batch responses in any order. The client maps them back by id. */
describe('HttpGraphClient $batch response order', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  it('returns responses in request order when Graph answers out of order', async () => {
    global.fetch = jest.fn(async (_url: unknown, init?: RequestInit) => {
      const { requests } = JSON.parse(String(init?.body)) as { requests: Array<{ id: string }> };
      const responses = requests.map((r) => ({ id: r.id, status: 200, headers: {}, body: { echo: r.id } })).reverse();
      return new Response(JSON.stringify({ responses }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
    const client = new HttpGraphClient({
      settings: { ...DEFAULT_GRAPH_SETTINGS, graphBaseUrl: 'http://graph.test' },
      identity: { entraTenantId: 't', clientId: 'c' },
      getAccessToken: async () => 'token',
      budget: null,
      stats: new GraphCallStats(),
    });
    const requests = Array.from({ length: 25 }, (_, i) => ({
      id: `r${i}`,
      method: 'GET' as const,
      url: `/deviceManagement/deviceConfigurations/${i}`,
    }));
    const responses = await client.batch(requests);
    expect(responses.map((r) => [r.id, (r.body as { echo: string }).echo])).toEqual(requests.map((r) => [r.id, r.id]));
    expect(global.fetch).toHaveBeenCalledTimes(2);
  });
});

/**
 * Inner 429/503/504 of a $batch are resent through the same cockatiel policy as any call: GRAPH_MAX_ATTEMPTS,
 * Retry-After or full-jitter backoff, and the stats. A stub stands in for Graph so every POST can be inspected.
 */
describe('HttpGraphClient $batch retries through the Graph retry policy', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  type Inner = { id: string; method: string };
  type Answer = (requests: Inner[]) => Response | Promise<Response>;
  /** Graph's answer to each successive POST; `sent` holds the inner ids of each POST and when it arrived. */
  const stubGraph = (...answers: Answer[]) => {
    const sent: Array<{ ids: string[]; at: number }> = [];
    global.fetch = jest.fn(async (_url: unknown, init?: RequestInit) => {
      const { requests } = JSON.parse(String(init?.body)) as { requests: Inner[] };
      sent.push({ ids: requests.map((r) => r.id), at: performance.now() });
      const answer = answers[Math.min(sent.length, answers.length) - 1];
      return answer(requests);
    }) as typeof fetch;
    return sent;
  };
  const batchReply = (requests: Inner[], statusOf: (id: string) => number, retryAfterOf?: (id: string) => string) =>
    new Response(
      JSON.stringify({
        responses: requests.map((r) => {
          const status = statusOf(r.id);
          const headers = status !== 200 && retryAfterOf ? { 'Retry-After': retryAfterOf(r.id) } : {};
          return { id: r.id, status, headers, body: { id: r.id } };
        }),
      }),
      { status: 200, headers: { 'content-type': 'application/json' } },
    );
  const client = (settings: Partial<typeof DEFAULT_GRAPH_SETTINGS>, stats = new GraphCallStats()) =>
    new HttpGraphClient({
      settings: { ...DEFAULT_GRAPH_SETTINGS, graphBaseUrl: 'http://graph.test', ...settings },
      identity: { entraTenantId: 't', clientId: 'c' },
      getAccessToken: async () => 'token',
      budget: null,
      stats,
    });
  const gets = (...ids: string[]) =>
    ids.map((id) => ({ id, method: 'GET' as const, url: `/deviceManagement/x/${id}` }));

  it('gives up on a permanently throttled inner request after GRAPH_MAX_ATTEMPTS batches, resending only it', async () => {
    const sent = stubGraph((requests) => batchReply(requests, (id) => (id === 'b' ? 429 : 200)));
    const stats = new GraphCallStats();
    const responses = await client({ maxAttempts: 4, backoffBaseMs: 1, backoffCapMs: 1 }, stats).batch(
      gets('a', 'b', 'c'),
    );
    expect(responses.map((r) => [r.id, r.status])).toEqual([
      ['a', 200],
      ['b', 429],
      ['c', 200],
    ]);
    expect(sent.map((s) => s.ids)).toEqual([['a', 'b', 'c'], ['b'], ['b'], ['b']]);
    expect(stats).toMatchObject({ requests: 6, throttled429: 4, retries: 3, byStatus: { '200': 2, '429': 4 } });
  });

  it('waits at least the largest inner Retry-After (fractional seconds), above the backoff cap', async () => {
    const retryAfter: Record<string, string> = { a: '0.05', b: '0.25' };
    const sent = stubGraph(
      (requests) =>
        batchReply(
          requests,
          () => 429,
          (id) => retryAfter[id],
        ),
      (requests) => batchReply(requests, () => 200),
    );
    const stats = new GraphCallStats();
    const responses = await client({ maxAttempts: 2, backoffBaseMs: 1, backoffCapMs: 1 }, stats).batch(gets('a', 'b'));
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    expect(sent.map((s) => s.ids)).toEqual([
      ['a', 'b'],
      ['a', 'b'],
    ]);
    expect(sent[1].at - sent[0].at).toBeGreaterThanOrEqual(250);
    expect(stats.waitedMs).toBeGreaterThanOrEqual(250);
    expect(stats).toMatchObject({ retries: 1, throttled429: 2 });
  });

  it('backs off with full jitter below min(cap, base·2^n) when an inner 503 carries no Retry-After', async () => {
    stubGraph(
      (requests) => batchReply(requests, () => 503),
      (requests) => batchReply(requests, () => 503),
      (requests) => batchReply(requests, () => 200),
    );
    const stats = new GraphCallStats();
    await client({ maxAttempts: 3, backoffBaseMs: 40, backoffCapMs: 60 }, stats).batch(gets('a'));
    expect(stats).toMatchObject({ retries: 2, unavailable: 2 });
    expect(stats.waitedMs).toBeLessThan(40 + 60);
  });

  it('counts a failed outer POST and throttled inner requests against one attempts limit', async () => {
    const sent = stubGraph(
      () => new Response('', { status: 503 }),
      (requests) => batchReply(requests, () => 429),
    );
    const stats = new GraphCallStats();
    const responses = await client({ maxAttempts: 3, backoffBaseMs: 1, backoffCapMs: 1 }, stats).batch(gets('a'));
    expect(responses.map((r) => r.status)).toEqual([429]);
    expect(sent).toHaveLength(3);
    expect(stats).toMatchObject({ retries: 2, byStatus: { '503': 1, '429': 2 } });
  });

  it('resends a batch of reads after a network failure, never one holding a write', async () => {
    const down = () => Promise.reject(new TypeError('fetch failed'));
    stubGraph(down, (requests) => batchReply(requests, () => 200));
    await expect(client({ maxAttempts: 2, backoffBaseMs: 1 }).batch(gets('a'))).resolves.toMatchObject([
      { status: 200 },
    ]);
    const sent = stubGraph(down, (requests) => batchReply(requests, () => 200));
    const write = { id: 'w', method: 'POST' as const, url: '/deviceManagement/x', body: {} };
    await expect(client({ maxAttempts: 2, backoffBaseMs: 1 }).batch([...gets('a'), write])).rejects.toMatchObject({
      name: 'GraphUnavailableError',
      status: 0,
    });
    expect(sent).toHaveLength(1);
  });
});
