import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestApp, type RunningTestApp } from '../../support/test-app';
import { completed, FAST_RUN_SETTINGS, ownPrefix, runs, waitForRun } from './run-test-kit';

describe('starting operation runs', () => {
  let app: RunningTestApp;

  beforeAll(async () => {
    app = await startTestApp({ ...FAST_RUN_SETTINGS, REDIS_PREFIX: ownPrefix('start') });
  });
  afterAll(() => app.close());

  it('200 concurrent starts of the same work create exactly one run and every caller gets its id', async () => {
    const dedupeKey = `dedupe-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 200 }, () => runs(app.app).start('system.noop', { context: { dedupeKey, sleepMs: 300 } })),
    );
    const ids = new Set(results.map((r) => r.run.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const [{ count }] = await app.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS count FROM operation_runs WHERE dedupe_key = $1`, [`system.noop:${dedupeKey}`]);
    expect(count).toBe(1);
    await waitForRun(app.app, [...ids][0], completed);
  });

  it('a start after the previous run of the same work completed creates a new run', async () => {
    const dedupeKey = `dedupe-${randomUUID()}`;
    const first = await runs(app.app).start('system.noop', { context: { dedupeKey } });
    await waitForRun(app.app, first.run.id, completed);
    const second = await runs(app.app).start('system.noop', { context: { dedupeKey } });
    expect(second.created).toBe(true);
    expect(second.run.id).not.toBe(first.run.id);
  });

  it('the partial unique index rejects a second active run for one dedupe key even when code is bypassed', async () => {
    const key = `raw-${randomUUID()}`;
    const db = app.app.get(DataSource);
    // Running (not queued) rows: no worker of this app will ever see a job for them.
    await db.query(
      `INSERT INTO operation_runs (type, status, dedupe_key, started_at, heartbeat_at) VALUES ('raw.test', 'running', $1, now(), now())`,
      [key],
    );
    await expect(
      db.query(
        `INSERT INTO operation_runs (type, status, dedupe_key, started_at, heartbeat_at) VALUES ('raw.test', 'running', $1, now(), now())`,
        [key],
      ),
    ).rejects.toThrow(/operation_runs_open_dedupe_uq/);
    await db.query(
      `UPDATE operation_runs SET status = 'completed', outcome = 'succeeded', finished_at = now() WHERE dedupe_key = $1`,
      [key],
    );
  });

  it('a run goes queued → running → completed and ends succeeded with its progress', async () => {
    const { run } = await runs(app.app).start('system.noop', { context: { progressSteps: 3 } });
    expect(run.status).toBe('queued');
    const done = await waitForRun(app.app, run.id, completed);
    expect(done.outcome).toBe('succeeded');
    expect(done.summaryCounts).toMatchObject({ total: 3, processed: 3, succeeded: 3 });
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();
    expect(done.version).toBeGreaterThan(run.version);
  });
});
