import { randomUUID } from 'node:crypto';
import { EventBus } from '../../../src/infrastructure/events';
import type { OperationRunSnapshot } from '../../../src/modules/operation-runs';
import { wsClient } from '../../support/graphql-client';
import { queriesOn } from '../rbac/count-queries';
import { PLATFORM_ADMIN, startAccessHarness, type AccessHarness } from '../tenants/access-fixture';

const TTL_MS = 1000; // SUBSCRIPTION_ACCESS_TTL_MS for this file (default 5000), so revocation shows within a test
const RUN_UPDATED = `subscription ($tenantId: ID) { operationRunUpdated(tenantId: $tenantId) { id version } }`;
const REVOKE = `mutation($t: ID!, $u: String!) { revokeTenantAccess(tenantId: $t, userUpn: $u) }`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a worker would broadcast after each transition; emitted here on the api process's bus, as the relay does. */
function snapshot(tenantId: string, version: number): OperationRunSnapshot {
  const now = new Date();
  return {
    id: randomUUID(),
    type: 'system.noop',
    status: 'running',
    outcome: null,
    tenantId,
    initiatorUserId: null,
    summaryCounts: { total: 0, processed: 0, succeeded: 0, failed: 0, skipped: 0 },
    failures: [],
    result: null,
    attempt: 1,
    cancelRequestedAt: null,
    heartbeatAt: now,
    createdAt: now,
    startedAt: now,
    finishedAt: null,
    version,
  } as OperationRunSnapshot;
}

async function waitUntil(check: () => boolean, what: string, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe('live run updates: access re-checked per event without a query per event', () => {
  let h: AccessHarness;
  let bus: EventBus;
  const cleanups: Array<() => Promise<void> | void> = [];

  beforeAll(async () => {
    h = await startAccessHarness({ APP_ROLE: 'api', SUBSCRIPTION_ACCESS_TTL_MS: TTL_MS });
    bus = h.app.app.get(EventBus);
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
  afterAll(() => h.close());

  /** A tenant subscription of `upn`, returned once it delivers (warm-up events carry version 0). */
  async function subscribe(upn: string, tenantId: string) {
    const client = wsClient(h.app.url, await h.token(upn));
    const versions: number[] = [];
    const errors: unknown[] = [];
    client.subscribe<{ operationRunUpdated: { version: number } }>(
      { query: RUN_UPDATED, variables: { tenantId } },
      {
        next: ({ data, errors: e }) => (e ? errors.push(e) : versions.push(data!.operationRunUpdated.version)),
        error: (e) => errors.push(e),
        complete: () => {},
      },
    );
    cleanups.push(() => client.dispose());
    const warmUp = setInterval(() => bus.emit('operation-run.updated', snapshot(tenantId, 0)), 50);
    try {
      await waitUntil(() => versions.length > 0 || errors.length > 0, 'the subscription to deliver');
    } finally {
      clearInterval(warmUp);
    }
    expect(errors).toEqual([]);
    return { updates: () => versions.filter((v) => v > 0), errors };
  }

  it('costs at most one membership query per TTL window, however many run events the subscriber receives', async () => {
    const tenant = await h.registerTenant();
    await h.grant(tenant.id, 'busy.viewer@msp.test', 'VIEWER');
    const sub = await subscribe('busy.viewer@msp.test', tenant.id);

    const { count, result: elapsedMs } = await queriesOn('tenant_memberships', async () => {
      const started = Date.now();
      for (let burst = 0; burst < 20; burst++) {
        for (let i = 1; i <= 25; i++) bus.emit('operation-run.updated', snapshot(tenant.id, burst * 25 + i));
        await sleep(100);
      }
      await waitUntil(() => sub.updates().length === 500, '500 updates');
      return Date.now() - started;
    });

    expect(sub.updates()).toHaveLength(500);
    expect(count).toBeLessThanOrEqual(Math.ceil(elapsedMs / TTL_MS) + 1); // one per window started, not 500
  });

  it('stops delivering a tenant’s runs within the TTL once the subscriber’s membership is revoked, ending with NOT_FOUND', async () => {
    const tenant = await h.registerTenant();
    await h.grant(tenant.id, 'leaving.viewer@msp.test', 'VIEWER');
    const sub = await subscribe('leaving.viewer@msp.test', tenant.id);
    const emittedAt: number[] = [0];
    const ticker = setInterval(() => {
      emittedAt.push(Date.now());
      bus.emit('operation-run.updated', snapshot(tenant.id, emittedAt.length - 1));
    }, 25);
    cleanups.push(() => clearInterval(ticker));

    await sleep(300);
    expect(sub.updates().length).toBeGreaterThan(0);
    const revoked = await h.call(PLATFORM_ADMIN, REVOKE, { t: tenant.id, u: 'leaving.viewer@msp.test' });
    expect(revoked.data?.revokeTenantAccess).toBe(true);
    const revokedAt = Date.now();
    await sleep(TTL_MS + 700);
    clearInterval(ticker);
    await sleep(300); // let the last emitted events reach (or not) the client

    const lastDelivered = Math.max(...sub.updates());
    expect(emittedAt.at(-1)!).toBeGreaterThan(revokedAt + TTL_MS + 500); // events kept coming after the window
    expect(emittedAt[lastDelivered]).toBeLessThanOrEqual(revokedAt + TTL_MS); // none of them was delivered
    // Ended rather than silent (issue 14 item 7): NOT_FOUND, as for a tenant that does not exist, so nothing leaks.
    expect(sub.errors).toEqual([
      [expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })],
    ]);
  });
});
