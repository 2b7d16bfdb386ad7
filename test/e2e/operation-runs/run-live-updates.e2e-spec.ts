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
    const events: RunUpdate['operationRunUpdated'][] = [];
    const finished = new Promise<void>((resolve, reject) => {
      client.subscribe<RunUpdate>(
        { query: RUN_UPDATED, variables: { tenantId } },
        {
          next: ({ data, errors }) => {
            if (errors) return reject(new Error(errors[0].message));
            events.push(data!.operationRunUpdated);
            if (data!.operationRunUpdated.status === 'COMPLETED') resolve();
          },
          error: reject,
          complete: () => resolve(),
        },
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the subscription register before the run exists
    const { run } = await runs(api.app).start('system.noop', {
      tenantId,
      context: { sleepMs: 500, progressSteps: steps },
    });
    await finished;
    await client.dispose();

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
