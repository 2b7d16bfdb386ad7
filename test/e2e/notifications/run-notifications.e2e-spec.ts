import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventBus } from '../../../src/infrastructure/events';
import { OperationRunOutcome } from '../../../src/infrastructure/runs';
import { gql, wsClient } from '../../support/graphql-client';
import { startTestApp, type RunningTestApp } from '../../support/test-app';
import { TestIssuer } from '../../support/test-issuer';
import { completed, FAST_RUN_SETTINGS, ownPrefix, runs, waitFor, waitForRun } from '../operation-runs/run-test-kit';

const MINE = `query ($unreadOnly: Boolean, $first: Int) { myNotifications(first: $first, unreadOnly: $unreadOnly) { edges { node { id kind title outcome link runId readAt } } pageInfo { hasNextPage } } }`;

interface Note {
  id: string;
  kind: string;
  title: string;
  outcome: string | null;
  link: string;
  runId: string;
  readAt: string | null;
}

describe('run notifications', () => {
  let issuer: TestIssuer;
  let app: RunningTestApp;
  const alice = { tid: randomUUID(), oid: randomUUID() };
  const bob = { tid: randomUUID(), oid: randomUUID() };
  let aliceToken: string;
  let bobToken: string;

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    app = await startTestApp({
      ...FAST_RUN_SETTINGS,
      REDIS_PREFIX: ownPrefix('notify'),
      AUTH_JWKS_URL: issuer.jwksUrl,
    });
    aliceToken = await issuer.userToken(alice);
    bobToken = await issuer.userToken(bob);
  });
  afterAll(async () => {
    await app.close();
    await issuer.close();
  });

  const notesOf = async (token: string, runId: string, unreadOnly = false): Promise<Note[]> => {
    const response = await gql(app.url, MINE, { unreadOnly, first: 100 }, token);
    expect(response.errors).toBeUndefined();
    return response
      .data!.myNotifications.edges.map((e: { node: Note }) => e.node)
      .filter((n: Note) => n.runId === runId);
  };

  it('gives the initiator exactly one queued and one terminal notification, pushed live, and nobody else any', async () => {
    const client = wsClient(app.url, aliceToken);
    const pushed: Note[] = [];
    client.subscribe<{ notificationAdded: Note }>(
      { query: `subscription { notificationAdded { id kind runId title } }` },
      {
        next: ({ data }) => void pushed.push(data!.notificationAdded),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    // The subscription is live once a warm-up run's notification arrives through it (a fixed wait is not enough on
    // a loaded machine).
    const warmUps = new Set<string>();
    await waitFor(async () => {
      warmUps.add((await runs(app.app).start('system.noop', { initiatorUserId: `${alice.tid}:${alice.oid}` })).run.id);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return pushed.some((n) => warmUps.has(n.runId));
    }, 'a warm-up notification');
    const { run } = await runs(app.app).start('system.noop', {
      initiatorUserId: `${alice.tid}:${alice.oid}`,
      context: { progressSteps: 2 },
    });
    await waitForRun(app.app, run.id, completed);
    const notes = await waitFor(async () => {
      const found = await notesOf(aliceToken, run.id);
      return found.length >= 2 ? found : null;
    }, 'both notifications');

    expect(notes.map((n) => [n.kind, n.title, n.outcome, n.link]).sort()).toEqual([
      ['RUN_COMPLETED', 'No-op succeeded', 'SUCCEEDED', `/operations/${run.id}`],
      ['RUN_QUEUED', 'No-op queued', null, `/operations/${run.id}`],
    ]);
    expect(await notesOf(bobToken, run.id)).toEqual([]);
    await waitFor(async () => pushed.filter((n) => n.runId === run.id).length >= 2, 'the live notifications');
    expect(
      pushed
        .filter((n) => n.runId === run.id)
        .map((n) => n.kind)
        .sort(),
    ).toEqual(['RUN_COMPLETED', 'RUN_QUEUED']);
    await client.dispose();
  });

  it('does not duplicate a notification when the run event is delivered again', async () => {
    const { run } = await runs(app.app).start('system.noop', { initiatorUserId: `${alice.tid}:${alice.oid}` });
    const done = await waitForRun(app.app, run.id, completed);
    await waitFor(async () => (await notesOf(aliceToken, run.id)).length >= 2, 'both notifications');
    const bus = app.app.get(EventBus);
    const event = {
      runId: run.id,
      tenantId: null,
      type: run.type,
      title: 'No-op',
      initiatorUserId: done.initiatorUserId,
      attempt: 1,
      version: done.version,
    };
    bus.emit('operation-run.queued', event);
    bus.emit('operation-run.completed', {
      ...event,
      outcome: OperationRunOutcome.Succeeded,
      summaryCounts: done.summaryCounts,
    });
    await new Promise((resolve) => setTimeout(resolve, 300)); // the listener is async; give it the chance to (wrongly) insert
    expect(await notesOf(aliceToken, run.id)).toHaveLength(2);
  });

  it('sends no notification for scheduled work (no initiator)', async () => {
    const { run } = await runs(app.app).start('system.noop', { initiatorUserId: null });
    await waitForRun(app.app, run.id, completed);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const rows = await app.app.get(DataSource).query(`SELECT 1 FROM notifications WHERE run_id = $1`, [run.id]);
    expect(rows).toEqual([]);
  });

  it('rejects a forged cursor as BAD_USER_INPUT on after, before it reaches PostgreSQL', async () => {
    const forged = [
      Buffer.from(JSON.stringify([new Date().toISOString(), 'not-a-uuid'])).toString('base64url'), // the current format, id not a UUID
      Buffer.from(`${new Date().toISOString()}|not-a-uuid`).toString('base64url'), // the retired `<iso>|<id>` format
      Buffer.from(JSON.stringify(['yesterday', randomUUID()])).toString('base64url'),
      'garbage',
    ];
    for (const after of forged) {
      const response = await gql(
        app.url,
        `query ($after: String) { myNotifications(first: 5, after: $after) { edges { cursor } } }`,
        { after },
        aliceToken,
      );
      expect(response.errors?.map((e) => e.extensions)).toEqual([
        expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
      ]);
    }
  });

  it('pages with its own cursors, no gaps, no repeats', async () => {
    for (let i = 0; i < 2; i++)
      await waitForRun(
        app.app,
        (await runs(app.app).start('system.noop', { initiatorUserId: `${alice.tid}:${alice.oid}` })).run.id,
        completed,
      );
    await new Promise((resolve) => setTimeout(resolve, 300)); // the listener is async
    const all = (await gql(app.url, MINE, { first: 100 }, aliceToken)).data!.myNotifications.edges.map(
      (e: { node: Note }) => e.node.id,
    );
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const response: any = await gql(
        app.url,
        `query ($after: String) { myNotifications(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
        aliceToken,
      );
      expect(response.errors).toBeUndefined();
      seen.push(...response.data.myNotifications.edges.map((e: { node: { id: string } }) => e.node.id));
      after = response.data.myNotifications.pageInfo.hasNextPage
        ? response.data.myNotifications.pageInfo.endCursor
        : null;
    } while (after);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThanOrEqual(4);
  });

  it('marks only the caller’s own notifications read', async () => {
    const { run } = await runs(app.app).start('system.noop', { initiatorUserId: `${alice.tid}:${alice.oid}` });
    await waitForRun(app.app, run.id, completed);
    const notes = await waitFor(async () => {
      const found = await notesOf(aliceToken, run.id, true);
      return found.length >= 2 ? found : null;
    }, 'both notifications');
    const ids = notes.map((n) => n.id);
    const byBob = await gql(app.url, `mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`, { ids }, bobToken);
    expect(byBob.data!.markNotificationsRead).toBe(0);
    const byAlice = await gql(
      app.url,
      `mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`,
      { ids },
      aliceToken,
    );
    expect(byAlice.data!.markNotificationsRead).toBe(2);
    expect(await notesOf(aliceToken, run.id, true)).toEqual([]);
    expect((await notesOf(aliceToken, run.id)).every((n) => n.readAt !== null)).toBe(true);
  });
});
