import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS_CLIENT } from '../../../src/infrastructure/redis/redis.tokens';
import { RunQueue } from '../../../src/modules/operation-runs/application/run-queue';
import { RunReaper } from '../../../src/modules/operation-runs/application/run-reaper';
import { startTestApp, type RunningTestApp } from '../../support/test-app';
import { completed, FAST_RUN_SETTINGS, newTenantId, ownPrefix, runs, waitFor, waitForRun } from './run-test-kit';

describe('the run processor wrapper', () => {
  const prefix = ownPrefix('safety');
  let app: RunningTestApp;
  let redis: Redis;

  beforeAll(async () => {
    app = await startTestApp({ ...FAST_RUN_SETTINGS, REDIS_PREFIX: prefix, WORKER_CONCURRENCY: 4 });
    redis = app.app.get(REDIS_CLIENT);
  });
  afterAll(() => app.close());

  const sideEffects = async (key: string) => ({
    started: Number((await redis.get(`${prefix}:noop:${key}:started`)) ?? 0),
    committed: Number((await redis.get(`${prefix}:noop:${key}:committed`)) ?? 0),
  });

  it('runs the handler once when the same run is delivered twice, concurrently and after completion', async () => {
    const key = randomUUID();
    const { run } = await runs(app.app).start('system.noop', { context: { sleepMs: 400, sideEffectKey: key } });
    const queue = app.app.get(RunQueue).queue;
    const data = { runId: run.id, attempt: run.attempt, type: run.type, tenantId: run.tenantId };
    await queue.add('run', data, { jobId: `${run.id}-dup1`, removeOnComplete: true });
    await waitForRun(app.app, run.id, completed);
    await queue.add('run', data, { jobId: `${run.id}-dup2`, removeOnComplete: true });
    await waitFor(
      async () => !(await queue.getJob(`${run.id}-dup1`)) && !(await queue.getJob(`${run.id}-dup2`)),
      'the duplicate jobs to be acknowledged',
    );
    expect(await sideEffects(key)).toEqual({ started: 1, committed: 1 });
    expect((await runs(app.app).get(run.id))?.outcome).toBe('succeeded');
  });

  it('never overlaps two runs of a locked type for the same tenant', async () => {
    const tenantId = newTenantId();
    const started = await Promise.all(
      [1, 2, 3].map(() => runs(app.app).start('system.noop.locked', { tenantId, context: { sleepMs: 300 } })),
    );
    const done = await Promise.all(started.map(({ run }) => waitForRun(app.app, run.id, completed)));
    const intervals = done.map((r) => [r.startedAt!.getTime(), r.finishedAt!.getTime()]).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < intervals.length; i++) expect(intervals[i][0]).toBeGreaterThanOrEqual(intervals[i - 1][1]);
    expect(done.every((r) => r.outcome === 'succeeded')).toBe(true);
  });

  it('cancels a queued run at once, and a running run cooperatively (the handler stops, nothing is committed)', async () => {
    const tenantId = newTenantId();
    const key = randomUUID();
    const first = await runs(app.app).start('system.noop.locked', {
      tenantId,
      context: { sleepMs: 60000, progressSteps: 600, sideEffectKey: key },
    });
    await waitForRun(app.app, first.run.id, (r) => r.status === 'running');
    const second = await runs(app.app).start('system.noop.locked', { tenantId, context: { sleepMs: 10 } }); // waits for the lock
    const cancelledQueued = await runs(app.app).requestCancel(second.run.id, 'tester');
    expect(cancelledQueued).toMatchObject({ status: 'completed', outcome: 'cancelled' });

    const flagged = await runs(app.app).requestCancel(first.run.id, 'tester');
    expect(flagged.cancelRequestedAt).not.toBeNull();
    const done = await waitForRun(app.app, first.run.id, completed);
    expect(done.outcome).toBe('cancelled');
    expect(await sideEffects(key)).toEqual({ started: 1, committed: 0 });
  });

  it('stores failures without tokens or secrets', async () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJlLXNlY3JldA';
    const message = `Graph call failed: Authorization: Bearer ${jwt} client_secret=SuperSecret123 refresh_token=rt-456`;
    const { run } = await runs(app.app).start('system.noop', {
      context: { progressSteps: 2, itemFailure: `item failed with bearer ${jwt}`, failWith: message },
    });
    const done = await waitForRun(app.app, run.id, completed);
    expect(done.outcome).toBe('failed');
    const [{ failures }] = await app.app
      .get(DataSource)
      .query(`SELECT failures::text AS failures FROM operation_runs WHERE id = $1`, [run.id]);
    expect(failures).toContain('[REDACTED');
    for (const secret of [jwt, 'SuperSecret123', 'rt-456']) expect(failures).not.toContain(secret);
  });

  it('keeps at most 50 failures of at most 1 KB each', async () => {
    const { run } = await runs(app.app).start('system.noop', {
      context: { progressSteps: 60, itemFailure: 'x'.repeat(3000) },
    });
    const done = await waitForRun(app.app, run.id, completed);
    expect(done.outcome).toBe('partially_succeeded');
    expect(done.failures).toHaveLength(50);
    expect(done.failures.every((f) => f.message.length <= 1000)).toBe(true);
  });

  it('times out a running run whose worker stopped heartbeating once its attempts are used up', async () => {
    const db = app.app.get(DataSource);
    const [row] = await db.query(
      `INSERT INTO operation_runs (type, status, attempt, max_attempts, started_at, heartbeat_at) VALUES ('system.noop', 'running', 2, 2, now() - interval '1 minute', now() - interval '1 minute') RETURNING id`,
    );
    await app.app.get(RunReaper).reap();
    const run = await runs(app.app).get(row.id);
    expect(run).toMatchObject({ status: 'completed', outcome: 'timed_out' });
    expect(run?.failures[0]).toMatchObject({ code: 'worker_lost' });
  });
});
