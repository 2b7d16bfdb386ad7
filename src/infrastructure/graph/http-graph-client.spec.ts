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
