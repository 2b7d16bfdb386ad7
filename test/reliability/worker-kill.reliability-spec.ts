import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS_CLIENT } from '../../src/infrastructure/redis/redis.tokens';
import { completed, FAST_RUN_SETTINGS, killHard, runs, waitFor } from '../e2e/operation-runs/run-test-kit';
import { startOwnStack, type OwnStack } from '../support/own-services';

const RUNS = 6;
const WORK_MS = 6000;
/**
 * The stated bound: a dead worker's runs are noticed within heartbeat timeout + reaper interval, then retried (fast);
 * the survivor's runs finish their own work. The deadline below is that bound plus start-up slack, a guard only.
 */
const BOUND_MS = WORK_MS + FAST_RUN_SETTINGS.RUN_HEARTBEAT_TIMEOUT_MS + FAST_RUN_SETTINGS.REAPER_INTERVAL_MS;

/**
 * Issue 14 item 6: kill -9 of one of two spawned workers mid-run, on a PostgreSQL and a redis-server of the test's own
 * with a spawned api process. Each worker holds half the runs (concurrency RUNS / 2); the killed one's are retried by
 * the other, every run ends, each side effect commits once, no duplicate rows, the audit trail is untouched.
 */
describe('a worker killed (-9) mid-run', () => {
  let stack: OwnStack;

  beforeAll(async () => {
    stack = await startOwnStack('worker-kill', { workers: 2, workerConcurrency: RUNS / 2 });
  }, 180_000);
  afterAll(() => stack?.close());

  it('retries its runs on the other worker; every run ends within the bound, once, with the audit rows intact', async () => {
    const { control } = stack;
    await Promise.all([stack.registerTenant(), stack.registerTenant()]);
    const auditBefore = await stack.auditRows();
    const keys = Array.from({ length: RUNS }, () => randomUUID());
    const context = { sleepMs: WORK_MS, progressSteps: 6, sleepUntilAttempt: 1 };
    const started = await Promise.all(
      keys.map((sideEffectKey) => runs(control.app).start('system.noop', { context: { ...context, sideEffectKey } })),
    );
    const ids = started.map(({ run }) => run.id);
    await waitFor(
      async () => (await Promise.all(ids.map((id) => runs(control.app).get(id)))).every((r) => r?.status === 'running'),
      'every run to be running',
    );
    await killHard(stack.workers[0]);
    const killedAt = Date.now();

    const ended = await waitFor(
      async () => {
        const all = await Promise.all(ids.map((id) => runs(control.app).get(id)));
        return all.every((r) => r && completed(r)) ? all.map((r) => r!) : null;
      },
      'every run to end',
      BOUND_MS + 10_000,
    );
    const seconds = ((Date.now() - killedAt) / 1000).toFixed(1);
    const how = ended.map((r) => `${r.outcome} (attempt ${r.attempt}${r.failures.map((f) => `, ${f.code}`).join('')})`);
    process.stdout.write(`all ${RUNS} runs ended ${seconds} s after the kill (bound ${BOUND_MS / 1000} s): ${how}\n`);

    // The killed worker's half was handed to the other one (attempt 2, quick); the survivor's half finished its own.
    expect(ended.filter((r) => r.attempt === 2)).toHaveLength(RUNS / 2);
    for (const run of ended) expect(run.outcome).toBe('succeeded');

    const redis = control.app.get<Redis>(REDIS_CLIENT);
    for (const key of keys) expect(Number(await redis.get(`${stack.prefix}:noop:${key}:committed`))).toBe(1);
    const [{ n }] = await control.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM operation_runs WHERE id = ANY($1)`, [ids]);
    expect(n).toBe(RUNS); // no duplicate rows
    expect(await stack.auditRows()).toEqual(auditBefore); // nothing lost, nothing doubled
    expect(auditBefore).toHaveLength(2);
  });

  it('ends a run whose last attempt is killed as timed_out, saying why (worker_lost), within the bound', async () => {
    const { control } = stack;
    // Slow on every attempt: the retry is killed as well, so the run has no attempt left.
    const { run } = await runs(control.app).start('system.noop', { context: { sleepMs: 60_000, progressSteps: 60 } });
    const onAttempt = (attempt: number) =>
      waitFor(async () => {
        const current = await runs(control.app).get(run.id);
        return current?.status === 'running' && current.attempt === attempt && current.summaryCounts.processed > 0;
      }, `attempt ${attempt} to be running`);
    await onAttempt(1);
    await killHard(stack.workers[1]);
    await stack.addWorker(); // picks the run up again
    await onAttempt(2);
    await killHard(stack.workers[2]);
    const killedAt = Date.now();
    await stack.addWorker(); // its reaper (or its redelivered job) ends the run

    const ended = await waitFor(
      async () => {
        const current = await runs(control.app).get(run.id);
        return current && completed(current) ? current : null;
      },
      'the run to end',
      BOUND_MS + 60_000, // plus the worker's start-up
    );
    process.stdout.write(
      `last attempt killed: ended ${((Date.now() - killedAt) / 1000).toFixed(1)} s later (incl. a worker start-up)\n`,
    );
    expect(ended.outcome).toBe('timed_out');
    expect(ended.attempt).toBe(2);
    expect(ended.failures.map((f) => f.code)).toEqual(['worker_lost']);
  });
});
