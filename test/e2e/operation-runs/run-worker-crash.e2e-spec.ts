import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import type Redis from 'ioredis';
import { REDIS_CLIENT } from '../../../src/infrastructure/redis/redis.tokens';
import { startTestApp, type RunningTestApp } from '../../support/test-app';
import { completed, FAST_RUN_SETTINGS, killHard, ownPrefix, runs, spawnWorker, waitForRun } from './run-test-kit';

describe('a worker process killed mid-run', () => {
  const prefix = ownPrefix('crash');
  let api: RunningTestApp;
  let child: ChildProcess | undefined;
  let rescuer: RunningTestApp | undefined;

  beforeAll(async () => {
    api = await startTestApp({ ...FAST_RUN_SETTINGS, APP_ROLE: 'api', REDIS_PREFIX: prefix });
  });
  afterAll(async () => {
    if (child) await killHard(child);
    await rescuer?.close();
    await api.close();
  });

  it('leaves no run running: it is retried by another worker and its side effect is committed once', async () => {
    child = await spawnWorker(prefix);
    const key = randomUUID();
    // Only the first attempt is slow, so the retry finishes; the side effect commits only when work completes.
    const { run } = await runs(api.app).start('system.noop', {
      context: { sleepMs: 120000, sleepUntilAttempt: 1, progressSteps: 1200, sideEffectKey: key },
    });
    await waitForRun(
      api.app,
      run.id,
      (r) => r.status === 'running' && r.summaryCounts.processed > 0,
      'the child worker to run it',
    );
    await killHard(child);

    rescuer = await startTestApp({ ...FAST_RUN_SETTINGS, APP_ROLE: 'worker', REDIS_PREFIX: prefix });
    const done = await waitForRun(api.app, run.id, completed, 'the run to end');
    expect(done.outcome).toBe('succeeded');
    expect(done.attempt).toBe(2);
    const redis = api.app.get<Redis>(REDIS_CLIENT);
    expect(Number(await redis.get(`${prefix}:noop:${key}:started`))).toBe(2);
    expect(Number(await redis.get(`${prefix}:noop:${key}:committed`))).toBe(1);
  });
});
