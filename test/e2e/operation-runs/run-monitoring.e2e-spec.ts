import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { collect, errorCodes, gql, type GraphqlResponse, wsClient } from '../../support/graphql-client';
import { startTestApp, type RunningTestApp } from '../../support/test-app';
import { TestIssuer } from '../../support/test-issuer';
import { createTenantRow, FAST_RUN_SETTINGS, ownPrefix, runs, waitFor } from './run-test-kit';

const LIST = `query ($filter: OperationRunFilterInput, $first: Int, $after: String) {
  operationRuns(filter: $filter, first: $first, after: $after) { edges { cursor node { id type status outcome tenantId createdAt version } } pageInfo { hasNextPage endCursor } }
}`;

describe('run monitoring over GraphQL (database only)', () => {
  const admin = 'monitor-admin@contoso.test';
  let issuer: TestIssuer;
  let api: RunningTestApp;
  let graph: Server;
  let graphRequests = 0;
  let adminToken: string;
  let outsiderToken: string;
  let tenantId: string;
  const fixtureType = `fixture.${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    // Anything that tried to reach Microsoft Graph (or its token endpoint) would land here and be counted.
    graph = createServer((_req, res) => {
      graphRequests++;
      res.statusCode = 503;
      res.end();
    });
    await new Promise<void>((resolve) => graph.listen(0, '127.0.0.1', resolve));
    const graphUrl = `http://127.0.0.1:${(graph.address() as AddressInfo).port}`;
    api = await startTestApp({
      ...FAST_RUN_SETTINGS,
      APP_ROLE: 'api',
      REDIS_PREFIX: ownPrefix('monitor'),
      AUTH_JWKS_URL: issuer.jwksUrl,
      ADMIN_UPNS: admin,
      GRAPH_BASE_URL: graphUrl,
      GRAPH_TOKEN_ENDPOINT_BASE_URL: graphUrl,
    });
    adminToken = await issuer.userToken({ tid: randomUUID(), upn: admin });
    outsiderToken = await issuer.userToken({ tid: randomUUID(), upn: 'outsider@contoso.test' });
    tenantId = await createTenantRow(api.app);
    // 25 finished runs (five share one created_at, so the id breaks ties) and 3 still "running" under a live worker.
    await api.app.get(DataSource).query(
      `INSERT INTO operation_runs (tenant_id, type, status, outcome, created_at, started_at, finished_at)
       SELECT $1, $2, 'completed', CASE WHEN i % 5 = 0 THEN 'failed' ELSE 'succeeded' END,
              now() - make_interval(secs => GREATEST(i, 5)), now(), now()
       FROM generate_series(1, 25) AS i`,
      [tenantId, fixtureType],
    );
    await api.app.get(DataSource).query(
      `INSERT INTO operation_runs (tenant_id, type, status, created_at, started_at, heartbeat_at)
       SELECT $1, $2, 'running', now() - interval '1 hour', now(), now() + interval '1 day' FROM generate_series(1, 3)`,
      [tenantId, fixtureType],
    );
  });
  afterAll(async () => {
    await api.app
      .get(DataSource)
      .query(
        `UPDATE operation_runs SET status = 'completed', outcome = 'cancelled', finished_at = now() WHERE type = $1 AND status = 'running'`,
        [fixtureType],
      );
    await api.close();
    await issuer.close();
    await new Promise((resolve) => graph.close(resolve));
  });

  it('pages through runs newest first with opaque keyset cursors, without gaps or repeats', async () => {
    const seen: Array<{ id: string; createdAt: string }> = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const response: GraphqlResponse = await gql(
        api.url,
        LIST,
        { filter: { tenantId, type: fixtureType }, first: 10, after },
        adminToken,
      );
      expect(response.errors).toBeUndefined();
      const { edges, pageInfo } = response.data!.operationRuns as {
        edges: Array<{ node: { id: string; createdAt: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
      seen.push(...edges.map((e: { node: { id: string; createdAt: string } }) => e.node));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
      expect(after).not.toContain(':'); // opaque, not a readable timestamp
    }
    expect(seen).toHaveLength(28);
    expect(new Set(seen.map((r) => r.id)).size).toBe(28);
    const keys = seen.map((r) => [Date.parse(r.createdAt), r.id] as const);
    for (let i = 1; i < keys.length; i++)
      expect(keys[i - 1][0] > keys[i][0] || (keys[i - 1][0] === keys[i][0] && keys[i - 1][1] > keys[i][1])).toBe(true);
  });

  it('filters by status, outcome and creation time, with UPPER_CASE enum values', async () => {
    const running = await gql(
      api.url,
      LIST,
      { filter: { tenantId, type: fixtureType, status: 'RUNNING' }, first: 50 },
      adminToken,
    );
    expect(running.data!.operationRuns.edges).toHaveLength(3);
    expect(running.data!.operationRuns.edges[0].node.status).toBe('RUNNING');
    const failed = await gql(
      api.url,
      LIST,
      { filter: { tenantId, type: fixtureType, outcome: 'FAILED' }, first: 50 },
      adminToken,
    );
    expect(failed.data!.operationRuns.edges).toHaveLength(5);
    const recent = await gql(
      api.url,
      LIST,
      {
        filter: {
          tenantId,
          type: fixtureType,
          createdAfter: new Date(Date.now() - 60_000).toISOString(),
          status: 'COMPLETED',
        },
        first: 50,
      },
      adminToken,
    );
    expect(recent.data!.operationRuns.edges).toHaveLength(25);
    const old = await gql(
      api.url,
      LIST,
      {
        filter: { tenantId, type: fixtureType, createdBefore: new Date(Date.now() - 60_000).toISOString() },
        first: 50,
      },
      adminToken,
    );
    expect(old.data!.operationRuns.edges).toHaveLength(3);
  });

  it('hides runs of tenants the caller may not see: NOT_FOUND for detail, cancel and subscription, absent from lists', async () => {
    const { run } = await runs(api.app).start('system.noop', { tenantId, context: {} });
    const detail = await gql(
      api.url,
      `query ($id: ID!) { operationRun(id: $id) { id } }`,
      { id: run.id },
      outsiderToken,
    );
    expect(errorCodes(detail)).toEqual(['NOT_FOUND']);
    const cancel = await gql(
      api.url,
      `mutation ($id: ID!) { cancelOperationRun(id: $id) { id } }`,
      { id: run.id },
      outsiderToken,
    );
    expect(errorCodes(cancel)).toEqual(['NOT_FOUND']);
    const list = await gql(api.url, LIST, { filter: { tenantId }, first: 50 }, outsiderToken);
    expect(list.data!.operationRuns.edges).toEqual([]);
    const client = wsClient(api.url, outsiderToken);
    const denied = collect(
      client,
      `subscription ($id: ID) { operationRunUpdated(id: $id) { id } }`,
      { id: run.id },
      1,
      5000,
    ).done;
    await expect(denied).rejects.toThrow(`OperationRun ${run.id} not found`);
    await expect(denied).rejects.toMatchObject({
      errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })],
    });
    await client.dispose();
    const mine = await gql(
      api.url,
      `query ($id: ID!) { operationRun(id: $id) { id status } }`,
      { id: run.id },
      adminToken,
    );
    expect(mine.data!.operationRun).toEqual({ id: run.id, status: 'QUEUED' });
    await runs(api.app).requestCancel(run.id, null); // no worker in this file: do not leave it for another file's reconciler
  });

  it('answers NOT_FOUND for an unknown run and BAD_USER_INPUT for a forged cursor', async () => {
    expect(errorCodes(await gql(api.url, `{ operationRun(id: "${randomUUID()}") { id } }`, {}, adminToken))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await gql(api.url, `{ operationRun(id: "not-a-uuid") { id } }`, {}, adminToken))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await gql(api.url, LIST, { first: 5, after: 'Zm9yZ2Vk' }, adminToken))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('makes no Graph request for start, list, detail, cancel or a subscription', async () => {
    const before = graphRequests;
    const { run } = await runs(api.app).start('system.noop', { tenantId, context: {} });
    await gql(api.url, LIST, { filter: { tenantId }, first: 20 }, adminToken);
    await gql(api.url, `query ($id: ID!) { operationRun(id: $id) { id } }`, { id: run.id }, adminToken);
    const client = wsClient(api.url, adminToken);
    const updates = collect<{ operationRunUpdated: { id: string; status: string } }>(
      client,
      `subscription ($tenantId: ID) { operationRunUpdated(tenantId: $tenantId) { id status } }`,
      { tenantId },
      Number.MAX_SAFE_INTEGER,
    );
    updates.done.catch(() => undefined); // read through `events`; its count is never reached
    // The subscription is live once a warm-up run's event arrives through it (a fixed wait is not enough on a loaded
    // machine; no worker runs here, so every run stays queued until cancelled).
    const warmUps: string[] = [];
    await waitFor(async () => {
      warmUps.push((await runs(api.app).start('system.noop', { tenantId, context: {} })).run.id);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return updates.events.some((e) => warmUps.includes(e.operationRunUpdated.id));
    }, 'a warm-up run to arrive through the subscription');
    const cancelled = await gql(
      api.url,
      `mutation ($id: ID!) { cancelOperationRun(id: $id) { status outcome } }`,
      { id: run.id },
      adminToken,
    );
    expect(cancelled.data!.cancelOperationRun).toEqual({ status: 'COMPLETED', outcome: 'CANCELLED' });
    await waitFor(
      async () =>
        updates.events.some((e) => e.operationRunUpdated.id === run.id && e.operationRunUpdated.status === 'COMPLETED'),
      'the cancelled run through the subscription',
    );
    updates.stop();
    for (const id of warmUps) await runs(api.app).requestCancel(id, null);
    await client.dispose();
    expect(graphRequests).toBe(before);
    expect(graphRequests).toBe(0);
  });
});
