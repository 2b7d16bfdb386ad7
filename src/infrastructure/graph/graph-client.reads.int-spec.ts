/** GraphClient reads: paging with $top/$select/$count, group $search, request ids, 403 without retry. */
import { getContract } from '../../../config/graph-contracts';
import type { GraphSimulator } from '../../graph-simulator';
import { GraphNotFoundError, GraphPermissionError, GraphValidationError } from './graph-errors';
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

  describe('reads', () => {
    it('follows @odata.nextLink across 6 pages with $top and honours $select', async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 53);
      const pages: number[] = [];
      const items: Record<string, unknown>[] = [];
      for await (const page of factory()
        .forConnection(t.conn)
        .list(configurations, { select: ['id', 'displayName'], top: 10 })) {
        pages.push(page.items.length);
        items.push(...page.items);
      }
      expect(pages).toEqual([10, 10, 10, 10, 10, 3]);
      expect(items.map((i) => i.id)).toEqual(Array.from({ length: 53 }, (_, i) => `cfg-${i}`));
      // Graph keeps @odata.type on polymorphic entities whatever $select says.
      for (const item of items) expect(Object.keys(item).sort()).toEqual(['@odata.type', 'displayName', 'id']);
      expect(sim.stats(t.tenantId)).toMatchObject({ requests: 6, throttled429: 0 });
    });

    it('pages with the simulator default page size when no $top is given, and $count comes on the first page', async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 60);
      const pages: Array<{ n: number; count?: number }> = [];
      for await (const page of factory()
        .forConnection(t.conn)
        .list(configurations, { select: configurations.listSelect, count: true })) {
        pages.push({ n: page.items.length, count: page.count });
      }
      expect(pages).toEqual([
        { n: 25, count: 60 },
        { n: 25, count: undefined },
        { n: 10, count: undefined },
      ]);
    });

    it('sends a fresh client-request-id per call and reports Graph’s request-id in errors and logs', async () => {
      const t = tenant();
      const client = factory().forConnection(t.conn);
      const errors = await Promise.all(
        ['nope-1', 'nope-2'].map((id) => client.get(configurations, id).catch((e: unknown) => e)),
      );
      for (const error of errors) {
        expect(error).toBeInstanceOf(GraphNotFoundError);
        expect(error).toMatchObject({
          status: 404,
          requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          clientRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        });
      }
      const [a, b] = errors as GraphNotFoundError[];
      expect(a.clientRequestId).not.toBe(b.clientRequestId);
      expect(
        logs.lines.some((l) => l.includes(`request-id=${a.requestId} client-request-id=${a.clientRequestId}`)),
      ).toBe(true);
    });

    it('searches groups with ConsistencyLevel: eventual (and gets Graph’s 400 without it)', async () => {
      const t = tenant({
        groups: [{ displayName: 'Finance Laptops' }, { displayName: 'Finance Desktops' }, { displayName: 'HR Kiosks' }],
      });
      const client = factory().forConnection(t.conn);
      const names: string[] = [];
      const query = {
        search: '"displayName:finance"',
        select: ['id', 'displayName'],
        headers: { ConsistencyLevel: 'eventual' },
      };
      for await (const page of client.list({ path: '/groups' }, query))
        names.push(...page.items.map((g) => String(g.displayName)));
      expect(names.sort()).toEqual(['Finance Desktops', 'Finance Laptops']);
      await expect(
        client.list({ path: '/groups' }, { search: '"displayName:finance"' })[Symbol.asyncIterator]().next(),
      ).rejects.toBeInstanceOf(GraphValidationError);
    });

    it('reports a missing permission as GraphPermissionError (403) without retrying it', async () => {
      const t = tenant({ roles: ['Group.Read.All'] });
      await expect(factory().forConnection(t.conn).get(configurations, 'cfg-0')).rejects.toBeInstanceOf(
        GraphPermissionError,
      );
      expect(sim.stats(t.tenantId)).toMatchObject({ requests: 1, byStatus: { '403': 1 } });
    });
  });

  describe('log hygiene', () => {
    it('no secret, private key or token appears in any captured log line (Nest Logger, stdout, stderr, console)', () => {
      // Not vacuous: this file's Graph traffic (debug line per request, with request ids) was captured.
      expect(suite.logs.lines.length).toBeGreaterThan(10);
      expect(suite.logLeaks()).toEqual([]);
    });
  });
});
