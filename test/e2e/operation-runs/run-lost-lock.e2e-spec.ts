import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { REDIS_CLIENT } from '../../../src/infrastructure/redis/redis.tokens';
import { startTestApp, type RunningTestApp } from '../../support/test-app';
import { completed, FAST_RUN_SETTINGS, newTenantId, ownPrefix, runs, waitFor, waitForRun } from './run-test-kit';

/**
 * A run whose lock vanishes under it (Redis lost its data and restarted empty, or the lock expired while the process
 * stalled) did nothing wrong: it is handed back like a crashed worker's — retried while attempts remain — and a run
 * that cannot be retried ends with a failure entry that says why (issue 14, item 1).
 */
describe('a running run that loses its lock', () => {
  const prefix = ownPrefix('lost-lock');
  let app: RunningTestApp;
  let redis: Redis;

  beforeAll(async () => {
    app = await startTestApp({ ...FAST_RUN_SETTINGS, REDIS_PREFIX: prefix });
    redis = app.app.get(REDIS_CLIENT);
  });
  afterAll(() => app.close());

  const lockKey = (tenantId: string) => `${prefix}:run-lock:tenant:${tenantId}:type:system.noop.locked`;
  const sideEffects = async (key: string) => Number((await redis.get(`${prefix}:noop:${key}:committed`)) ?? 0);

  async function startAndLoseLock(tenantId: string, context: Record<string, unknown>) {
    const { run } = await runs(app.app).start('system.noop.locked', { tenantId, context });
    await waitForRun(app.app, run.id, (r) => r.status === 'running' && r.attempt === 1, 'attempt 1 running');
    await waitFor(async () => (await redis.del(lockKey(tenantId))) === 1, 'the lock to be deleted');
    return run.id;
  }

  it('is retried at the next attempt and completes once', async () => {
    const tenantId = newTenantId();
    const key = randomUUID();
    const id = await startAndLoseLock(tenantId, { sleepMs: 4000, sleepUntilAttempt: 1, sideEffectKey: key });
    const done = await waitForRun(app.app, id, completed);
    expect(done.attempt).toBe(2);
    expect(done.outcome).toBe('succeeded');
    expect(await sideEffects(key)).toBe(1);
  });

  it('ends failed with a lock_lost failure when no attempt is left', async () => {
    const tenantId = newTenantId();
    const id = await startAndLoseLock(tenantId, { sleepMs: 4000 });
    await waitForRun(app.app, id, (r) => r.status === 'running' && r.attempt === 2, 'attempt 2 running');
    await waitFor(async () => (await redis.del(lockKey(tenantId))) === 1, 'the second lock to be deleted');
    const done = await waitForRun(app.app, id, completed);
    expect(done.outcome).toBe('failed');
    expect(done.failures.map((f) => f.code)).toContain('lock_lost');
    expect(done.failures.find((f) => f.code === 'lock_lost')?.message).toMatch(/lost its lock/);
  });
});
