import { DataSource } from 'typeorm';
import { completed, FAST_RUN_SETTINGS, runs, waitFor } from '../e2e/operation-runs/run-test-kit';
import { startOwnStack, type OwnStack } from '../support/own-services';

const RUNS = 6;
const OUTAGE_MS = 10_000;
/**
 * The stated bound, from PostgreSQL's return: an outage longer than the heartbeat timeout is the reaper's, so every run
 * is retried or ended within heartbeat timeout + reaper interval (a retry is quick here). The deadline below is that
 * bound plus reconnect slack, a guard only.
 */
const BOUND_MS = FAST_RUN_SETTINGS.RUN_HEARTBEAT_TIMEOUT_MS + FAST_RUN_SETTINGS.REAPER_INTERVAL_MS;

/**
 * Issue 14 items 2 and 6 with separate processes: PostgreSQL (the test's own cluster) stopped for 10 s mid-run under a
 * spawned api and two spawned workers. Every run ends once it is back, a failed one says why, no duplicate rows, and
 * the audit trail neither loses nor doubles a row (a mutation refused during the outage writes none).
 */
describe('PostgreSQL stopped 10 s under spawned api and workers', () => {
  let stack: OwnStack;

  beforeAll(async () => {
    stack = await startOwnStack('postgres-stopped', { workers: 2, workerConcurrency: RUNS / 2 });
  }, 180_000);
  afterAll(() => stack?.close());

  it('ends every run within the bound after its return, without duplicate or lost rows', async () => {
    const { control, pg } = stack;
    await Promise.all([stack.registerTenant(), stack.registerTenant()]);
    const auditBefore = await stack.auditRows();
    // The handlers end during the outage: their final writes meet a stopped database.
    const context = { sleepMs: 6000, progressSteps: 6, sleepUntilAttempt: 1 };
    const started = await Promise.all(
      Array.from({ length: RUNS }, () => runs(control.app).start('system.noop', { context })),
    );
    const ids = started.map(({ run }) => run.id);
    await waitFor(
      async () => (await Promise.all(ids.map((id) => runs(control.app).get(id)))).every((r) => r?.status === 'running'),
      'every run to be running',
    );
    pg.stop();
    try {
      await expect(stack.registerTenant()).rejects.toThrow(/registerTenant failed/); // refused, nothing written
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    } finally {
      pg.start();
    }
    const backAt = Date.now();

    const ended = await waitFor(
      async () => {
        const all = await Promise.all(
          ids.map((id) =>
            runs(control.app)
              .get(id)
              .catch(() => null),
          ),
        );
        return all.every((r) => r && completed(r)) ? all.map((r) => r!) : null;
      },
      'every run to end',
      BOUND_MS + 15_000,
    );
    const seconds = ((Date.now() - backAt) / 1000).toFixed(1);
    const how = ended.map((r) => `${r.outcome} (attempt ${r.attempt}${r.failures.map((f) => `, ${f.code}`).join('')})`);
    process.stdout.write(
      `all ${RUNS} runs ended ${seconds} s after PostgreSQL came back (bound ${BOUND_MS / 1000} s): ${how}\n`,
    );

    for (const run of ended) {
      expect(['succeeded', 'failed']).toContain(run.outcome);
      // A handler cut off by the outage is handed back (a retry records nothing); a run that fails says why.
      if (run.outcome === 'failed') expect(run.failures.length).toBeGreaterThan(0);
    }
    const [{ n }] = await control.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM operation_runs WHERE id = ANY($1)`, [ids]);
    expect(n).toBe(RUNS); // no duplicate rows
    expect(await stack.auditRows()).toEqual(auditBefore); // the refused mutation wrote nothing, nothing was lost
    await stack.registerTenant(); // and the api writes again: exactly one row more
    const auditAfter = await stack.auditRows();
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
    expect(auditAfter).toHaveLength(auditBefore.length + 1);
  });
});
