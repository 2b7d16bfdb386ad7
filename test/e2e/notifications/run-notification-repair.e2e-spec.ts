import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventBus } from '../../../src/infrastructure/events';
import { OperationRunOutcome } from '../../../src/infrastructure/runs';
import type { OperationRunView as OperationRun } from '../../../src/modules/operation-runs';
import { RunNotificationRepair } from '../../../src/modules/notifications/application/run-notification-repair';
import { wsClient } from '../../support/graphql-client';
import { startTestApp, type RunningTestApp } from '../../support/test-app';
import { TestIssuer } from '../../support/test-issuer';
import { completed, FAST_RUN_SETTINGS, ownPrefix, runs, waitFor, waitForRun } from '../operation-runs/run-test-kit';

/** A process that died between the run's commit and its in-process event: the run exists, its notifications do not. */
describe('run notification repair', () => {
  let issuer: TestIssuer;
  let app: RunningTestApp;
  let db: DataSource;
  const alice = { tid: randomUUID(), oid: randomUUID() };
  const initiatorUserId = `${alice.tid}:${alice.oid}`;

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    // The scheduled sweep stays out of the way: these tests trigger it themselves and count what it does.
    app = await startTestApp({
      ...FAST_RUN_SETTINGS,
      REDIS_PREFIX: ownPrefix('repair'),
      AUTH_JWKS_URL: issuer.jwksUrl,
      NOTIFICATION_REPAIR_INTERVAL_MS: 3_600_000,
    });
    db = app.app.get(DataSource);
  });
  afterAll(async () => {
    await app.close();
    await issuer.close();
  });

  const repair = () => app.app.get(RunNotificationRepair).repair();
  const kindsOf = async (runId: string): Promise<string[]> =>
    (
      (await db.query(`SELECT kind FROM notifications WHERE run_id = $1 ORDER BY kind`, [runId])) as Array<{
        kind: string;
      }>
    ).map((row) => row.kind);
  const loseNotifications = (runId: string) => db.query(`DELETE FROM notifications WHERE run_id = $1`, [runId]);

  /** A finished run whose notifications the listener wrote and a crash then "lost". */
  const finishedRunWithoutNotifications = async (): Promise<OperationRun> => {
    const { run } = await runs(app.app).start('system.noop', { initiatorUserId });
    const done = await waitForRun(app.app, run.id, completed);
    await waitFor(async () => (await kindsOf(run.id)).length === 2, 'the listener’s notifications');
    await loseNotifications(run.id);
    return done;
  };

  const replayEvents = (run: OperationRun) => {
    const event = {
      runId: run.id,
      tenantId: null,
      type: run.type,
      title: 'No-op',
      initiatorUserId: run.initiatorUserId,
      attempt: run.attempt,
      version: run.version,
    };
    app.app.get(EventBus).emit('operation-run.queued', event);
    app.app.get(EventBus).emit('operation-run.completed', {
      ...event,
      outcome: OperationRunOutcome.Succeeded,
      summaryCounts: run.summaryCounts,
    });
  };

  it('creates the lost queued and terminal notifications of a finished run once, pushes them live, and a second sweep or a late event adds none', async () => {
    const run = await finishedRunWithoutNotifications();
    const client = wsClient(app.url, await issuer.userToken(alice));
    const pushed: Array<{ kind: string; runId: string }> = [];
    client.subscribe<{ notificationAdded: { kind: string; runId: string } }>(
      { query: `subscription { notificationAdded { kind runId } }` },
      {
        next: ({ data }) => void pushed.push(data!.notificationAdded),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the subscription register

    expect(await repair()).toBe(2);
    const rows = await db.query(
      `SELECT kind, user_id, title, outcome, link FROM notifications WHERE run_id = $1 ORDER BY kind`,
      [run.id],
    );
    expect(rows).toEqual([
      {
        kind: 'run_completed',
        user_id: initiatorUserId,
        title: 'No-op succeeded',
        outcome: 'succeeded',
        link: `/operations/${run.id}`,
      },
      {
        kind: 'run_queued',
        user_id: initiatorUserId,
        title: 'No-op queued',
        outcome: null,
        link: `/operations/${run.id}`,
      },
    ]);
    await waitFor(async () => pushed.filter((n) => n.runId === run.id).length >= 2, 'the repaired notifications, live');

    expect(await repair()).toBe(0);
    replayEvents(run);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the listener is async; give it the chance to (wrongly) insert
    expect(await kindsOf(run.id)).toEqual(['run_completed', 'run_queued']);
    expect(pushed.filter((n) => n.runId === run.id)).toHaveLength(2);
    await client.dispose();
  });

  it('never duplicates a notification when sweeps and the listener race', async () => {
    const run = await finishedRunWithoutNotifications();
    replayEvents(run);
    const created = await Promise.all([repair(), repair(), repair()]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await kindsOf(run.id)).toEqual(['run_completed', 'run_queued']);
    expect(created.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(2);
  });

  it('gives a run still in flight only its queued notification; the terminal one follows when it ends', async () => {
    const { run } = await runs(app.app).start('system.noop', { initiatorUserId, context: { sleepMs: 2000 } });
    await waitFor(async () => (await kindsOf(run.id)).length === 1, 'the queued notification');
    await loseNotifications(run.id);

    expect(await repair()).toBe(1);
    expect(await kindsOf(run.id)).toEqual(['run_queued']);
    await waitForRun(app.app, run.id, completed);
    await waitFor(async () => (await kindsOf(run.id)).length === 2, 'the terminal notification');
    expect(await repair()).toBe(0);
    expect(await kindsOf(run.id)).toEqual(['run_completed', 'run_queued']);
  });

  it('leaves scheduled runs and runs created more than 24 hours ago alone', async () => {
    const { run: scheduled } = await runs(app.app).start('system.noop', { initiatorUserId: null });
    await waitForRun(app.app, scheduled.id, completed);
    const old = await finishedRunWithoutNotifications();
    await db.query(`UPDATE operation_runs SET created_at = now() - interval '25 hours' WHERE id = $1`, [old.id]);

    expect(await repair()).toBe(0);
    expect(await kindsOf(scheduled.id)).toEqual([]);
    expect(await kindsOf(old.id)).toEqual([]);
  });
});

describe('run notification repair schedule', () => {
  let app: RunningTestApp;
  beforeAll(async () => {
    app = await startTestApp({
      ...FAST_RUN_SETTINGS,
      REDIS_PREFIX: ownPrefix('repair-schedule'),
      NOTIFICATION_REPAIR_INTERVAL_MS: 1000,
    });
  });
  afterAll(() => app.close());

  it('repairs lost notifications on its own every NOTIFICATION_REPAIR_INTERVAL_MS in the all role', async () => {
    const db = app.app.get(DataSource);
    const { run } = await runs(app.app).start('system.noop', { initiatorUserId: `${randomUUID()}:${randomUUID()}` });
    await waitForRun(app.app, run.id, completed);
    const count = async () =>
      (
        (await db.query(`SELECT count(*)::int AS n FROM notifications WHERE run_id = $1`, [run.id])) as Array<{
          n: number;
        }>
      )[0].n;
    await waitFor(async () => (await count()) === 2, 'the listener’s notifications');
    await db.query(`DELETE FROM notifications WHERE run_id = $1`, [run.id]);
    await waitFor(async () => (await count()) === 2, 'the scheduled repair');
  });
});
