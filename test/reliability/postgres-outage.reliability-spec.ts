import { OperationRunsFacade } from '../../src/modules/operation-runs';
import { startOwnPostgres, startOwnRedis, type OwnPostgres, type OwnRedis } from '../support/own-services';
import { startTestApp, type RunningTestApp } from '../support/test-app';
import { TestIssuer } from '../support/test-issuer';

const ADMIN = 'reliability.admin@msp.test';
const TID = '0c0ffee0-0000-4000-8000-0000000000aa';
const TENANTS = `{ tenants { id } }`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 14 item 2, on a PostgreSQL cluster of this test's own (initdb/pg_ctl on a free port; the shared one is never
 * touched): an outage is a retryable 503, not a 200 INTERNAL, and a run that ends during a short outage completes
 * as soon as the database is back instead of sitting `running` until the reaper notices.
 */
describe('PostgreSQL stopped', () => {
  let pg: OwnPostgres;
  let redis: OwnRedis;
  let issuer: TestIssuer;
  let app: RunningTestApp;
  let token: string;

  beforeAll(async () => {
    [pg, redis, issuer] = await Promise.all([startOwnPostgres(), startOwnRedis(), TestIssuer.start()]);
    app = await startTestApp({
      DATABASE_URL: pg.url,
      DATABASE_AUTO_CREATE: true,
      MIGRATIONS_RUN: true,
      REDIS_URL: redis.url,
      REDIS_PREFIX: 'reliability',
      AUTH_JWKS_URL: issuer.jwksUrl,
      ADMIN_UPNS: ADMIN,
      // Far above the outages below: a run that completes soon after PostgreSQL returns was not rescued by the reaper.
      RUN_HEARTBEAT_TIMEOUT_MS: 60_000,
    });
    token = await issuer.userToken({ tid: TID, upn: ADMIN });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await issuer?.close();
    await redis?.close();
    pg?.close();
  });

  async function post(query: string) {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as Record<string, any>;
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
  }

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After while it is down, and 200 again once it is back', async () => {
    expect((await post(TENANTS)).status).toBe(200);
    pg.stop();
    try {
      const down = await post(TENANTS);
      expect(down.status).toBe(503);
      expect(Number(down.retryAfter)).toBeGreaterThan(0);
      expect(down.body.errors[0]).toMatchObject({
        message: expect.stringMatching(/^Temporarily unavailable: retry after \d+ s$/),
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: Number(down.retryAfter) },
      });
      expect(JSON.stringify(down.body)).not.toMatch(/ECONNREFUSED|5432|stack/i);
      // Health says not ready (a load balancer stops sending traffic); liveness stays up (no restart loop).
      expect((await fetch(`${app.url}/health/ready`)).status).toBe(503);
      expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
    } finally {
      pg.start();
    }
    const back = await waitFor(async () => {
      const answer = await post(TENANTS);
      return answer.status === 200 ? answer : null;
    }, 30_000);
    expect(back.body.errors).toBeUndefined();
  });

  it('completes a run that ended during a short outage within seconds of its return, not after the reaper', async () => {
    const runs = app.app.get(OperationRunsFacade);
    const { run } = await runs.start('system.noop', { context: { sleepMs: 3000, progressSteps: 3 } });
    await waitFor(async () => ((await runs.get(run.id))?.status === 'running' ? true : null), 20_000);
    pg.stop(); // the handler ends (and its progress writes fail) while the database is away
    await sleep(5000);
    pg.start();
    const backAt = Date.now();
    const done = await waitFor(async () => {
      const current = await runs.get(run.id).catch(() => null);
      return current?.status === 'completed' ? current : null;
    }, 30_000);
    const seconds = (Date.now() - backAt) / 1000;
    process.stdout.write(`run completed ${seconds.toFixed(1)} s after PostgreSQL came back\n`);
    expect(done.outcome).toBe('succeeded');
    expect(done.attempt).toBe(1); // finished by its own worker, not retried by the reaper
  });
});

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await sleep(200);
  }
}
