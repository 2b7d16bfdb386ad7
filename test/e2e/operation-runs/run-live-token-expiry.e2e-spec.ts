import { randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { EventBus } from '../../../src/infrastructure/events';
import { OperationRunsFacade, type OperationRunSnapshot } from '../../../src/modules/operation-runs';
import { MSP_TID, oidFor, PLATFORM_ADMIN, startAccessHarness, type AccessHarness } from '../tenants/access-fixture';

const RUN_UPDATED = `subscription ($tenantId: ID, $id: ID) { operationRunUpdated(tenantId: $tenantId, id: $id) { id version } }`;
const REVOKE = `mutation($t: ID!, $u: String!) { revokeTenantAccess(tenantId: $t, userUpn: $u) }`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function snapshot(tenantId: string, version: number, id: string = randomUUID()): OperationRunSnapshot {
  const now = new Date();
  return {
    ...{ id, type: 'system.noop', status: 'running', outcome: null, tenantId, initiatorUserId: null },
    ...{ summaryCounts: { total: 0, processed: 0, succeeded: 0, failed: 0, skipped: 0 }, failures: [], result: null },
    ...{ attempt: 1, cancelRequestedAt: null, heartbeatAt: now, createdAt: now, startedAt: now, finishedAt: null },
    version,
  } as OperationRunSnapshot;
}

async function waitUntil(check: () => boolean, what: string, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/**
 * Issue 14 item 7: a live subscription never outlives its token (the socket closes at exp + skew) nor the
 * subscriber's access (it ends with NOT_FOUND instead of going silent).
 */
describe('live subscriptions end with the token and with access', () => {
  let h: AccessHarness;
  let bus: EventBus;
  const cleanups: Array<() => unknown> = [];

  beforeAll(async () => {
    h = await startAccessHarness({ APP_ROLE: 'api', AUTH_CLOCK_SKEW_SEC: 1, SUBSCRIPTION_ACCESS_TTL_MS: 500 });
    bus = h.app.app.get(EventBus);
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(() => h.close());

  function tokenFor(upn: string, expiresIn: string) {
    return h.issuer.userToken({ tid: MSP_TID, oid: oidFor(upn), upn, name: upn }, { expiresIn });
  }

  /** A client that asks `token()` at each connect and records what happens to one subscription. */
  function subscribe(token: () => Promise<string>, variables: Record<string, unknown>, retryAttempts = 0) {
    const closes: Array<{ code: number; reason: string; at: number }> = [];
    const connects: number[] = [];
    const delivered: number[] = [];
    const errors: Array<{ extensions?: { code?: string } }> = [];
    let completed = false;
    let failed: unknown = null;
    const client: Client = createClient({
      url: `${h.app.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: async () => ({ authorization: `Bearer ${await token()}` }),
      retryAttempts,
      retryWait: async () => {
        await sleep(50);
      },
      on: {
        connected: () => connects.push(Date.now()),
        closed: (event) => {
          const { code, reason } = event as { code: number; reason: string };
          closes.push({ code, reason, at: Date.now() });
        },
      },
    });
    client.subscribe<{ operationRunUpdated: { version: number } }>(
      { query: RUN_UPDATED, variables },
      {
        next: ({ errors: e }) => (e ? errors.push(...(e as never[])) : delivered.push(Date.now())),
        error: (e) => (failed = e),
        complete: () => (completed = true),
      },
    );
    cleanups.push(() => client.dispose());
    return {
      closes,
      connects,
      delivered,
      errors,
      completed: () => completed,
      failed: () => failed,
    };
  }

  function tick(tenantId: string, runId?: string) {
    let version = 0;
    const ticker = setInterval(() => bus.emit('operation-run.updated', snapshot(tenantId, ++version, runId)), 50);
    cleanups.push(() => clearInterval(ticker));
    return () => clearInterval(ticker);
  }

  it('closes the socket (4403 "Token expired") once the token expires, and delivers nothing after it', async () => {
    const tenant = await h.registerTenant();
    await h.grant(tenant.id, 'short.token@msp.test', 'VIEWER');
    const token = await tokenFor('short.token@msp.test', '3s');
    const sub = subscribe(async () => token, { tenantId: tenant.id });
    tick(tenant.id);
    await waitUntil(() => sub.delivered.length > 0, 'a first delivery');
    await waitUntil(() => sub.closes.length > 0, 'the socket to close at expiry');
    expect(sub.closes[0]).toMatchObject({ code: 4403, reason: 'Token expired' });
    await sleep(300);
    expect(sub.delivered.every((at) => at <= sub.closes[0].at)).toBe(true);
    expect(sub.failed()).toMatchObject({ code: 4403 }); // no retry configured: the subscription learns why
  });

  it('a client that re-authenticates on reconnect goes on receiving with its fresh token', async () => {
    const tenant = await h.registerTenant();
    await h.grant(tenant.id, 'renewing@msp.test', 'VIEWER');
    let issued = 0;
    const sub = subscribe(
      () => tokenFor('renewing@msp.test', issued++ === 0 ? '3s' : '1h'),
      { tenantId: tenant.id },
      3,
    );
    tick(tenant.id);
    await waitUntil(() => sub.closes.length > 0, 'the first socket to close at expiry');
    expect(sub.closes[0]).toMatchObject({ code: 4403, reason: 'Token expired' });
    const closedAt = sub.closes[0].at;
    await waitUntil(() => sub.delivered.some((at) => at > closedAt), 'deliveries on the new connection');
    expect(sub.connects).toHaveLength(2);
    expect(sub.failed()).toBeNull();
  });

  it.each([
    ['a tenant subscription', false],
    ['a run subscription', true],
  ])('ends %s with NOT_FOUND when access is revoked, even when no event arrives', async (_name, byRun) => {
    const tenant = await h.registerTenant();
    const upn = `revoked-${randomUUID().slice(0, 6)}@msp.test`;
    await h.grant(tenant.id, upn, 'VIEWER');
    // A run row the subscription can find at subscribe time (an api process has no worker: it stays queued).
    const { run } = await h.app.app.get(OperationRunsFacade).start('system.noop', { tenantId: tenant.id });
    const runId = run.id;
    const variables = byRun ? { id: runId } : { tenantId: tenant.id };
    const stopTicking = tick(tenant.id, byRun ? runId : undefined);
    const sub = subscribe(() => h.token(upn), variables);
    await waitUntil(() => sub.delivered.length > 0 || sub.errors.length > 0, 'a first delivery');
    expect(sub.errors).toEqual([]);
    stopTicking(); // silence: the revoke must still be noticed
    const revoked = await h.call(PLATFORM_ADMIN, REVOKE, { t: tenant.id, u: upn });
    expect(revoked.data?.revokeTenantAccess).toBe(true);
    await waitUntil(() => sub.completed(), 'the subscription to end');
    expect(sub.errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    // The server ends the operation, not the socket (the user's other subscriptions go on); the lazy client then
    // closes its idle socket itself (1000).
    expect(sub.closes.map((c) => c.code).filter((code) => code !== 1000)).toEqual([]);
  });
});
