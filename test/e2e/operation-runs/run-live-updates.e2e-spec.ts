import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { gql, wsClient } from '../../support/graphql-client';
import { startTestApp, type RunningTestApp } from '../../support/test-app';
import { TestIssuer } from '../../support/test-issuer';
import {
  completed,
  createTenantRow,
  FAST_RUN_SETTINGS,
  killHard,
  ownPrefix,
  runs,
  spawnWorker,
  stopGracefully,
  waitFor,
  waitForRun,
} from './run-test-kit';

const RUN_UPDATED = `subscription ($tenantId: ID, $id: ID) { operationRunUpdated(tenantId: $tenantId, id: $id) { id status outcome version summaryCounts { processed total } } }`;

interface RunUpdate {
  operationRunUpdated: {
    id: string;
    status: string;
    outcome: string | null;
    version: number;
    summaryCounts: { processed: number; total: number };
  };
}

describe('live run updates across processes (api here, worker in a child process)', () => {
  const prefix = ownPrefix('live');
  const admin = 'runs-admin@contoso.test';
  let issuer: TestIssuer;
  let api: RunningTestApp;
  let worker: ChildProcess;
  let token: string;

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    [api, worker] = await Promise.all([
      startTestApp({
        ...FAST_RUN_SETTINGS,
        APP_ROLE: 'api',
        REDIS_PREFIX: prefix,
        AUTH_JWKS_URL: issuer.jwksUrl,
        ADMIN_UPNS: admin,
      }),
      spawnWorker(prefix),
    ]);
    token = await issuer.userToken({ tid: randomUUID(), upn: admin });
  });
  afterAll(async () => {
    await stopGracefully(worker).catch(() => killHard(worker));
    await api.close();
    await issuer.close();
  });

  it('delivers progress reported in the worker process to a graphql-ws client on the api process, in version order', async () => {
    const tenantId = await createTenantRow(api.app);
    const steps = 5;
    const client = wsClient(api.url, token);
    const received: RunUpdate['operationRunUpdated'][] = [];
    const failures: unknown[] = [];
    client.subscribe<RunUpdate>(
      { query: RUN_UPDATED, variables: { tenantId } },
      {
        next: ({ data, errors }) => (errors ? failures.push(errors) : received.push(data!.operationRunUpdated)),
        error: (error) => failures.push(error),
        complete: () => undefined,
      },
    );
    const completedRun = (id: string) => async () =>
      failures.length > 0 || received.some((e) => e.id === id && e.status === 'COMPLETED');
    // The subscription is live once an event of a warm-up run arrives through it: a fixed wait is not enough on a
    // loaded machine (CI once lost the first four progress events to a subscription registered late).
    const warmUps = new Set<string>();
    await waitFor(async () => {
      warmUps.add((await runs(api.app).start('system.noop', { tenantId, context: {} })).run.id);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return failures.length > 0 || received.some((e) => warmUps.has(e.id));
    }, 'a warm-up run to arrive through the subscription');
    const { run } = await runs(api.app).start('system.noop', {
      tenantId,
      context: { sleepMs: 500, progressSteps: steps },
    });
    await waitFor(completedRun(run.id), 'the run to complete through the subscription');
    await client.dispose();
    expect(failures).toEqual([]);
    const events = received.filter((e) => !warmUps.has(e.id));

    expect(events.every((e) => e.id === run.id)).toBe(true);
    const versions = events.map((e) => e.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(events.map((e) => e.summaryCounts.processed).filter((n) => n > 0)).toEqual([1, 2, 3, 4, 5, 5]);
    expect(events.at(-1)).toMatchObject({ status: 'COMPLETED', outcome: 'SUCCEEDED' });
  });

  it('cancels a run running in the worker process from a cancelOperationRun on the api process', async () => {
    const { run } = await runs(api.app).start('system.noop', {
      tenantId: await createTenantRow(api.app),
      context: { sleepMs: 120000, progressSteps: 1200 },
    });
    await waitForRun(api.app, run.id, (r) => r.status === 'running');
    const response = await gql(
      api.url,
      `mutation ($id: ID!) { cancelOperationRun(id: $id) { id status cancelRequestedAt } }`,
      { id: run.id },
      token,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.cancelOperationRun.cancelRequestedAt).not.toBeNull();
    const done = await waitForRun(api.app, run.id, completed);
    expect(done.outcome).toBe('cancelled');
  });
});
