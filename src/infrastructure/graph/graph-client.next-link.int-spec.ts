/** GraphClient paging safety: an @odata.nextLink is followed only on the configured Graph host. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { getContract } from '../../../config/graph-contracts';
import type { GraphSimulator } from '../../graph-simulator';
import { GraphError } from './graph-errors';
import { GraphClientSuite } from './testing/graph-client-suite';
import { seedDeviceConfigurations, type SimTestTenant } from './testing/simulator-context';

const configurations = getContract('deviceConfiguration');

/** A node:http server on a loopback address that records every request it receives (method, path, Authorization). */
interface LocalServer {
  url: string;
  requests: Array<{ method: string; path: string; authorization?: string }>;
  close(): Promise<void>;
}

async function startLocalServer(
  host: string,
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<LocalServer> {
  const requests: LocalServer['requests'] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization });
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Replaces the origin of a URL, keeping path and query. */
const withOrigin = (url: string, origin: string): string => {
  const u = new URL(url);
  return `${origin}${u.pathname}${u.search}`;
};

describe('GraphClient against the Graph simulator (real HTTP, real MSAL, real Redis)', () => {
  const suite = new GraphClientSuite();
  const { factory, tenant } = suite;
  let sim: GraphSimulator;

  beforeAll(async () => {
    await suite.start();
    ({ sim } = suite);
  });
  afterAll(() => suite.stop());
  beforeEach(() => suite.reset());

  describe('@odata.nextLink host check (the bearer token never leaves the configured Graph host)', () => {
    /** Poses as Graph (GRAPH_BASE_URL points here): forwards to the simulator and rewrites each nextLink with `rewriteNextLink`. */
    let graphHost: LocalServer;
    /** Stand-ins for a foreign host: answer an empty page, so a client without the check would finish the listing normally. */
    let otherHost: LocalServer;
    let otherPort: LocalServer;
    let rewriteNextLink: (nextLink: string) => string;
    const emptyPage = async (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ value: [] }));
    };

    beforeAll(async () => {
      graphHost = await startLocalServer('127.0.0.1', async (req, res) => {
        const headers: Record<string, string> = {};
        for (const name of ['authorization', 'accept', 'client-request-id', 'consistencylevel']) {
          const value = req.headers[name];
          if (typeof value === 'string') headers[name] = value;
        }
        const upstream = await fetch(`${sim.url}${req.url ?? '/'}`, { method: req.method, headers });
        const text = await upstream.text();
        let body = text;
        if (upstream.ok && text) {
          const page = JSON.parse(text) as Record<string, unknown>;
          if (typeof page['@odata.nextLink'] === 'string')
            page['@odata.nextLink'] = rewriteNextLink(page['@odata.nextLink']);
          body = JSON.stringify(page);
        }
        res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
        res.end(body);
      });
      otherHost = await startLocalServer('127.0.0.2', emptyPage);
      otherPort = await startLocalServer('127.0.0.1', emptyPage);
    });

    afterAll(async () => {
      await Promise.all([graphHost.close(), otherHost.close(), otherPort.close()]);
    });

    beforeEach(() => {
      for (const server of [graphHost, otherHost, otherPort]) server.requests.length = 0;
    });

    const listThroughGraphHost = async (t: SimTestTenant): Promise<{ pages: number[]; error: unknown }> => {
      const pages: number[] = [];
      try {
        for await (const page of factory({ graphBaseUrl: graphHost.url })
          .forConnection(t.conn)
          .list(configurations, { select: ['id'], top: 10 })) {
          pages.push(page.items.length);
        }
        return { pages, error: undefined };
      } catch (error) {
        return { pages, error };
      }
    };

    it('follows a nextLink on the configured Graph host (control: the fake host in front of the simulator pages normally)', async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 23);
      rewriteNextLink = (nextLink) => withOrigin(nextLink, graphHost.url);
      const { pages, error } = await listThroughGraphHost(t);
      expect(error).toBeUndefined();
      expect(pages).toEqual([10, 10, 3]);
      expect(graphHost.requests).toHaveLength(3);
      expect(graphHost.requests.every((r) => r.authorization?.startsWith('Bearer '))).toBe(true);
    });

    it.each([
      ['another host (127.0.0.2)', () => otherHost.url, () => otherHost],
      ['the same host on another port', () => otherPort.url, () => otherPort],
      ['a public host (https://evil.example)', () => 'https://evil.example', () => undefined],
    ])(
      'refuses a nextLink to %s with a GraphError after the first page; nothing is sent there',
      async (_label, origin, server) => {
        const t = tenant();
        seedDeviceConfigurations(sim, t.tenantId, 23);
        rewriteNextLink = (nextLink) => withOrigin(nextLink, origin());
        const { pages, error } = await listThroughGraphHost(t);
        expect(pages).toEqual([10]);
        // The base GraphError, not GraphUnavailableError: refused before any fetch, never retried.
        expect(error).toBeInstanceOf(GraphError);
        expect((error as GraphError).constructor).toBe(GraphError);
        expect(error).toMatchObject({
          status: 0,
          message: `Refusing @odata.nextLink to another host: ${new URL(origin()).origin}`,
        });
        expect(server()?.requests ?? []).toEqual([]);
        expect(graphHost.requests).toHaveLength(1);
        expect(sim.stats(t.tenantId)).toMatchObject({ requests: 1 });
      },
    );
  });

  describe('log hygiene', () => {
    it('no secret, private key or token appears in any captured log line (Nest Logger, stdout, stderr, console)', () => {
      // Not vacuous: the bearer token travelled to the fake Graph host and back.
      expect(suite.logs.lines.length).toBeGreaterThan(5);
      expect(suite.logLeaks()).toEqual([]);
    });
  });
});
