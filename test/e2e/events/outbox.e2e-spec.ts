import type { ChildProcess } from 'node:child_process';
import { DataSource } from 'typeorm';
import { EventBus, Outbox } from '../../../src/infrastructure/events';
import { startTestApp, type RunningTestApp } from '../../support/test-app';
import {
  completed,
  FAST_RUN_SETTINGS,
  killHard,
  ownPrefix,
  runs,
  spawnWorker,
  waitFor,
  waitForRun,
} from '../operation-runs/run-test-kit';

/**
 * Durable domain events (issue 14, item 5): a run's queued and completed events are written to the outbox in the same
 * statement as the transition, published after the commit, and relayed by the sweep when their process died in
 * between — delivered once to each listener, and idempotently if ever twice.
 */
describe('the transactional outbox', () => {
  const prefix = ownPrefix('outbox');
  const initiator = 'tid-outbox:oid-outbox';
  let app: RunningTestApp;
  let db: DataSource;
  let worker: ChildProcess | null = null;
  const delivered: string[] = [];

  beforeAll(async () => {
    // The api role runs no worker and no sweep: the spawned workers run the runs, and the test relays by hand.
    app = await startTestApp({ ...FAST_RUN_SETTINGS, APP_ROLE: 'api', REDIS_PREFIX: prefix, OUTBOX_GRACE_MS: 200 });
    db = app.app.get(DataSource);
    app.app.get(EventBus).on('operation-run.completed', (event) => void delivered.push(event.runId));
  });
  afterAll(async () => {
    if (worker) await killHard(worker);
    await app.close();
  });

  const outboxRows = (runId: string) =>
    db.query(`SELECT name, published_at, payload FROM outbox_events WHERE aggregate_id = $1 ORDER BY seq`, [
      runId,
    ]) as Promise<Array<{ name: string; published_at: Date | null; payload: { version: number } }>>;
  const notifications = (runId: string) =>
    db.query(`SELECT kind FROM notifications WHERE run_id = $1 ORDER BY kind`, [runId]) as Promise<
      Array<{ kind: string }>
    >;

  it('writes the queued and completed events with the run, and marks them published once delivered', async () => {
    worker = await spawnWorker(prefix);
    const { run } = await runs(app.app).start('system.noop', { initiatorUserId: initiator, context: {} });
    const done = await waitForRun(app.app, run.id, completed);
    // The completion was delivered in the worker process; the queued event here, at the start.
    const rows = await waitFor(async () => {
      const found = await outboxRows(run.id);
      return found.length === 2 && found.every((r) => r.published_at) ? found : null;
    }, 'both events to be published');
    expect(rows.map((r) => r.name)).toEqual(['operation-run.queued', 'operation-run.completed']);
    expect(rows[1].payload.version).toBe(done.version);
    await waitFor(async () => (await notifications(run.id)).length === 2, 'both notifications');
    expect(await app.app.get(Outbox).relayPending()).toBe(0);
    await killHard(worker);
    worker = null;
  });

  it('delivers a completion whose worker was killed between commit and publish, once to each listener', async () => {
    worker = await spawnWorker(prefix, { OUTBOX_TEST_KILL_BEFORE_PUBLISH: 'operation-run.completed' });
    const exited = new Promise<void>((resolve) => worker!.once('exit', () => resolve()));
    const { run } = await runs(app.app).start('system.noop', { initiatorUserId: initiator, context: {} });
    await exited;
    worker = null;
    // Committed as completed, never published: no listener anywhere has seen it yet.
    const done = await waitForRun(app.app, run.id, completed);
    expect(done.outcome).toBe('succeeded');
    expect((await outboxRows(run.id)).find((r) => r.name === 'operation-run.completed')?.published_at).toBeNull();
    expect(delivered).not.toContain(run.id);
    expect(await notifications(run.id)).toEqual([{ kind: 'run_queued' }]);

    await waitFor(async () => (await app.app.get(Outbox).relayPending()) > 0, 'the sweep to relay the lost event');
    expect(delivered.filter((id) => id === run.id)).toHaveLength(1);
    await waitFor(async () => (await notifications(run.id)).length === 2, 'the terminal notification');
    expect((await notifications(run.id)).map((n) => n.kind)).toEqual(['run_completed', 'run_queued']);

    // Published now: a later sweep delivers nothing again.
    expect(await app.app.get(Outbox).relayPending()).toBe(0);
    expect(delivered.filter((id) => id === run.id)).toHaveLength(1);
    expect((await outboxRows(run.id)).every((r) => r.published_at)).toBe(true);
  });

  it('keeps an event whose listener failed unpublished, and relays it again', async () => {
    const bus = app.app.get(EventBus);
    let failNext = true;
    const stop = bus.on('directory.groups-synced', () => {
      if (failNext) {
        failNext = false;
        throw new Error('listener down');
      }
    });
    const outbox = app.app.get(Outbox);
    const events = [
      {
        id: crypto.randomUUID(),
        name: 'directory.groups-synced' as const,
        aggregateId: 'tenant-x',
        payload: { tenantId: 'tenant-x', runId: 'run-x', seen: 1, deleted: 0, at: new Date() },
      },
    ];
    await db.transaction((manager) => outbox.add(manager, events));
    await outbox.publish(events);
    const published = async () =>
      (
        (await db.query(`SELECT published_at FROM outbox_events WHERE id = $1`, [events[0].id])) as Array<{
          published_at: Date | null;
        }>
      )[0].published_at;
    expect(await published()).toBeNull();
    await waitFor(async () => {
      await outbox.relayPending();
      return published();
    }, 'the relay to deliver it again');
    stop();
  });
});
