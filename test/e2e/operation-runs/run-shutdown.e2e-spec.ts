import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import type Redis from 'ioredis';
import { REDIS_CLIENT } from '../../../src/infrastructure/redis/redis.tokens';
import { RunQueue } from '../../../src/modules/operation-runs/application/run-queue';
import { startTestApp, type RunningTestApp } from '../../support/test-app';
import {
  completed,
  FAST_RUN_SETTINGS,
  killHard,
  newTenantId,
  ownPrefix,
  runs,
  spawnWorker,
  waitForRun,
} from './run-test-kit';

// Generous bound (no timing assertion beyond "not the run's length"): the released runs would sleep 60 s.
const EXITS_WITHIN_MS = 20000;

describe('a worker process stopped with SIGTERM after its shutdown grace period', () => {
  const prefix = ownPrefix('shutdown');
  const children: ChildProcess[] = [];
  let api: RunningTestApp;
  let rescuer: RunningTestApp | undefined;
  let redis: Redis;

  beforeAll(async () => {
    api = await startTestApp({ ...FAST_RUN_SETTINGS, APP_ROLE: 'api', REDIS_PREFIX: prefix });
    redis = api.app.get(REDIS_CLIENT);
  });
  afterAll(async () => {
    for (const child of children) await killHard(child);
    await rescuer?.close();
    await api.close();
  });

  // The api role runs no reaper and nothing else works on this prefix: whatever moved a run, the stopped worker did.
  async function worker(extra: Record<string, string | number>): Promise<ChildProcess> {
    const child = await spawnWorker(prefix, extra);
    children.push(child);
    return child;
  }

  async function stop(child: ChildProcess): Promise<{ code: number | null; signal: string | null; ms: number }> {
    const startedAt = Date.now();
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    child.kill('SIGTERM');
    return { ...(await exited), ms: Date.now() - startedAt };
  }

  it('hands a run still active after the grace period back at once: attempt 2 is queued, the lock is freed and another worker completes it', async () => {
    // A long heartbeat limit: a lock still held by the stopped worker would outlive this test's checks.
    const child = await worker({ RUN_SHUTDOWN_GRACE_MS: 1000, RUN_HEARTBEAT_TIMEOUT_MS: 30000 });
    const key = randomUUID();
    const tenantId = newTenantId();
    const { run } = await runs(api.app).start('system.noop.locked', {
      tenantId,
      context: { sleepMs: 60000, sleepUntilAttempt: 1, progressSteps: 600, sideEffectKey: key },
    });
    await waitForRun(
      api.app,
      run.id,
      (r) => r.status === 'running' && r.summaryCounts.processed > 0,
      'the child worker to run it',
    );

    const { code, signal, ms } = await stop(child);
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    expect(ms).toBeLessThan(EXITS_WITHIN_MS);

    const released = await runs(api.app).get(run.id);
    expect(released).toMatchObject({ status: 'queued', attempt: 2, outcome: null });
    expect(await redis.exists(`${prefix}:run-lock:tenant:${tenantId}:type:system.noop.locked`)).toBe(0);
    // Attempt 1's job completed (it is not left active to be redelivered as stalled); attempt 2 has its own job.
    const queue = api.app.get(RunQueue).queue;
    expect(await queue.getJob(run.id)).toBeUndefined();
    expect(await (await queue.getJob(`${run.id}-a2`))?.getState()).toBe('waiting');

    rescuer = await startTestApp({ ...FAST_RUN_SETTINGS, APP_ROLE: 'worker', REDIS_PREFIX: prefix });
    const done = await waitForRun(api.app, run.id, completed, 'another worker to complete it');
    expect(done).toMatchObject({ outcome: 'succeeded', attempt: 2 });
    expect(Number(await redis.get(`${prefix}:noop:${key}:started`))).toBe(2);
    expect(Number(await redis.get(`${prefix}:noop:${key}:committed`))).toBe(1);
    await rescuer.close();
    rescuer = undefined;
  }, 120000);

  it('ends a run released on its last attempt as timed_out with a worker_shutdown failure', async () => {
    const { run } = await runs(api.app).start('system.noop', { context: { sleepMs: 60000, progressSteps: 600 } });
    for (const attempt of [1, 2]) {
      const child = await worker({ RUN_SHUTDOWN_GRACE_MS: 1000 });
      await waitForRun(
        api.app,
        run.id,
        (r) => r.status === 'running' && r.attempt === attempt && r.summaryCounts.processed > 0,
        `attempt ${attempt} to run`,
      );
      const { ms } = await stop(child);
      expect(ms).toBeLessThan(EXITS_WITHIN_MS);
    }
    const done = await runs(api.app).get(run.id);
    expect(done).toMatchObject({ status: 'completed', outcome: 'timed_out', attempt: 2 });
    expect(done!.failures.map((f) => f.code)).toEqual(['worker_shutdown']);
    expect(await api.app.get(RunQueue).queue.getJob(`${run.id}-a2`)).toBeUndefined();
  }, 120000);

  it('lets a run that finishes within the grace period complete normally on its first attempt', async () => {
    const child = await worker({ RUN_SHUTDOWN_GRACE_MS: 30000 });
    const { run } = await runs(api.app).start('system.noop', { context: { sleepMs: 2000, progressSteps: 20 } });
    await waitForRun(
      api.app,
      run.id,
      (r) => r.status === 'running' && r.summaryCounts.processed > 0,
      'the child worker to run it',
    );
    const { code, signal } = await stop(child);
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    const done = await runs(api.app).get(run.id);
    expect(done).toMatchObject({ status: 'completed', outcome: 'succeeded', attempt: 1, failures: [] });
  }, 120000);

  it('exits at once when no run is active, without waiting for the grace period', async () => {
    const child = await worker({ RUN_SHUTDOWN_GRACE_MS: 120000 });
    const { ms } = await stop(child);
    expect(ms).toBeLessThan(EXITS_WITHIN_MS);
  }, 120000);
});
