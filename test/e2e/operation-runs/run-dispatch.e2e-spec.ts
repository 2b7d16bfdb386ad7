import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RunQueue } from '../../../src/modules/operation-runs/application/run-queue';
import { startTestApp } from '../../support/test-app';
import { completed, FAST_RUN_SETTINGS, ownPrefix, runs, waitForRun } from './run-test-kit';

describe('dispatch safety', () => {
  it('completes the run as failed before start returns when the job cannot be enqueued (no queued orphan)', async () => {
    const app = await startTestApp({ ...FAST_RUN_SETTINGS, APP_ROLE: 'api', REDIS_PREFIX: ownPrefix('dispatch-fail') });
    try {
      await app.app.get(RunQueue).queue.close(); // the queue's Redis connection is gone, as after a Redis outage
      const dedupeKey = randomUUID();
      const { run, created } = await runs(app.app).start('system.noop', { context: { dedupeKey } });
      expect(created).toBe(true);
      expect(run).toMatchObject({ status: 'completed', outcome: 'failed' });
      expect(run.failures[0]).toMatchObject({ code: 'enqueue_failed' });
      const rows = await app.app
        .get(DataSource)
        .query(`SELECT status FROM operation_runs WHERE dedupe_key = $1`, [`system.noop:${dedupeKey}`]);
      expect(rows).toEqual([{ status: 'completed' }]);
    } finally {
      await app.close();
    }
  });

  it('re-drives a queued run whose job was deleted (the reconciler), and it completes', async () => {
    const prefix = ownPrefix('reconcile');
    const api = await startTestApp({ ...FAST_RUN_SETTINGS, APP_ROLE: 'api', REDIS_PREFIX: prefix });
    let worker: Awaited<ReturnType<typeof startTestApp>> | undefined;
    try {
      const { run } = await runs(api.app).start('system.noop', { context: { dedupeKey: randomUUID() } });
      const queue = api.app.get(RunQueue).queue;
      await queue.remove(run.id); // Redis lost the job; only the row says there is work
      expect(await queue.getJob(run.id)).toBeUndefined();
      worker = await startTestApp({ ...FAST_RUN_SETTINGS, APP_ROLE: 'worker', REDIS_PREFIX: prefix });
      const done = await waitForRun(api.app, run.id, completed);
      expect(done.outcome).toBe('succeeded');
    } finally {
      await worker?.close();
      await api.close();
    }
  });
});
