import { Queue, type Job } from 'bullmq';
import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { seedSynthetic } from '../../../src/graph-simulator';
import { validateEnvironment } from '../../../src/infrastructure/config/environment';
import { redisConnectionOptions } from '../../../src/infrastructure/queue/queue.module';
import { freePort } from '../../support/free-port';
import { startScenario, type Scenario } from '../../support/scenario';
import { spawnApp } from '../../support/spawn-app';
import { waitFor } from '../../support/wait-for';

/**
 * FR-10 / plan: "two worker processes never run the same schedule twice". Real BullMQ job scheduler ticks (a cron with
 * seconds, allowed only because INVENTORY_SCHEDULE_MIN_GAP_SECONDS is lowered here), consumed by two separate worker
 * processes competing for them, each of which also registers the schedulers Redis lacks from PostgreSQL when it starts.
 * Assertions are invariants over what happened (ticks vs runs, no overlap), never counts tied to wall-clock timing.
 */
const MIN_GAP_SECONDS = 2;
const CRON = '*/2 * * * * *'; // every 2 s (seconds field first)
const TICKS_TO_WATCH = 5;
const SET_SCHEDULE = `mutation($t: ID!, $c: String) { setInventorySchedule(tenantId: $t, cron: $c) { cron } }`;

type TickResult = { runId: string; created: boolean } | { skipped: string };
interface ScheduledRun {
  id: string;
  status: string;
  outcome: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

interface WorkerProcess {
  child: ChildProcess;
  exits: string[];
  port: number;
}

/**
 * A worker-role process (src/main.ts through @swc-node/register) on this file's database and Redis prefix; listed in
 * `started` at once, so afterAll stops it even if it never comes up.
 */
async function spawnWorker(port: number, simUrl: string, started: WorkerProcess[]): Promise<void> {
  const child = spawnApp({
    NODE_ENV: 'test',
    APP_ROLE: 'worker',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    DATABASE_URL: process.env.DATABASE_URL,
    DATABASE_AUTO_CREATE: 'false',
    MIGRATIONS_RUN: 'false',
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: process.env.REDIS_PREFIX,
    GRAPH_BASE_URL: simUrl,
    GRAPH_TOKEN_ENDPOINT_BASE_URL: simUrl,
    GRAPH_BACKOFF_BASE_MS: '20',
    GRAPH_BACKOFF_CAP_MS: '500',
    INVENTORY_SCHEDULE_MIN_GAP_SECONDS: String(MIN_GAP_SECONDS),
    RUN_SHUTDOWN_GRACE_MS: '3000',
  });
  const exits: string[] = [];
  started.push({ child, exits, port });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.on('exit', (code, signal) => exits.push(`exit ${code ?? signal}: ${output.slice(-2000)}`));
  const deadline = Date.now() + 60000;
  while (!output.includes('is up')) {
    if (exits.length) throw new Error(`worker on :${port} did not start: ${exits[0]}`);
    if (Date.now() > deadline) throw new Error(`worker on :${port} did not start in time: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
  await exited;
  clearTimeout(timer);
}

describe('inventory schedule with two worker processes', () => {
  let scenario: Scenario;
  let queue: Queue;
  let db: Client;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    // API only: every tick is consumed by one of the two spawned worker processes, never by this process.
    scenario = await startScenario({ env: { APP_ROLE: 'api', INVENTORY_SCHEDULE_MIN_GAP_SECONDS: MIN_GAP_SECONDS } });
    queue = new Queue('inventory-schedules', {
      connection: redisConnectionOptions(process.env.REDIS_URL!),
      prefix: `${process.env.REDIS_PREFIX}:bull`,
    });
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => stopWorker(w.child)));
    await queue?.close();
    await db?.end();
    await scenario?.close();
  });

  it('the shorter test-only gap is refused in production', () => {
    const production = {
      NODE_ENV: 'production',
      ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      AUTH_ALLOWED_TENANTS: 'x',
    };
    expect(() => validateEnvironment({ ...production, INVENTORY_SCHEDULE_MIN_GAP_SECONDS: '2' })).toThrow(
      /INVENTORY_SCHEDULE_MIN_GAP_SECONDS must be at least 300 in production/,
    );
    expect(validateEnvironment(production).INVENTORY_SCHEDULE_MIN_GAP_SECONDS).toBe(300);
  });

  it('every tick starts at most one run, scheduled runs never overlap, and both workers stay up', async () => {
    const { tenantId, sim } = await scenario.addManagedTenant();
    seedSynthetic(scenario.sim.tenant(sim.tenantId), 1);
    // Slow Graph: a run usually outlasts a tick interval, so some ticks land while the previous run is active (dedupe).
    scenario.sim.setFaults(sim.tenantId, { latencyMs: 450 });

    const set = await scenario.call(SET_SCHEDULE, { t: tenantId, c: CRON });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setInventorySchedule).toEqual({ cron: CRON });
    const consumersBefore = await queue.getWorkersCount();

    // Both workers start together: each checks the schedulers against PostgreSQL (registerAll) and then competes for
    // their ticks.
    const ports = [await freePort(), await freePort()];
    await Promise.all(ports.map((port) => spawnWorker(port, scenario.sim.url, workers)));
    // Both processes hold a BullMQ worker connection on the schedule queue: they compete for every tick.
    expect(await queue.getWorkersCount()).toBeGreaterThanOrEqual(consumersBefore + 2);

    const tickPrefix = `repeat:inventory-sync:${tenantId}:`;
    const ticks = async (): Promise<Job[]> =>
      (await queue.getJobs(['completed', 'failed', 'active', 'waiting', 'delayed', 'prioritized'])).filter((job) =>
        job.id?.startsWith(tickPrefix),
      );
    // At least TICKS_TO_WATCH finished ticks, at least two of which created a run (a very slow machine may need more).
    await waitFor(
      async () => {
        const done = (await ticks()).filter((job) => job.finishedOn);
        return (
          done.length >= TICKS_TO_WATCH &&
          done.filter((job) => (job.returnvalue as { created?: boolean } | null)?.created).length >= 2
        );
      },
      `${TICKS_TO_WATCH} ticks, two of them creating a run`,
      120_000,
    );

    // Both worker processes were alive through the ticking window (none exited, both answer their health endpoint).
    for (const worker of workers) {
      expect(worker.exits).toEqual([]);
      expect((await fetch(`http://127.0.0.1:${worker.port}/health/live`)).status).toBe(200);
    }

    // Stop: clearing the schedule removes the job scheduler and its next delayed tick; a tick already taken still runs.
    const cleared = await scenario.call(SET_SCHEDULE, { t: tenantId, c: null });
    expect(cleared.errors).toBeUndefined();
    expect((await queue.getJobSchedulers()).some((s) => s.key === `inventory-sync:${tenantId}`)).toBe(false);
    const scheduledRuns = async () =>
      (
        await db.query<ScheduledRun>(
          `SELECT id, status, outcome, created_at, started_at, finished_at FROM operation_runs
            WHERE tenant_id = $1 AND type = 'inventory.sync' AND initiator_user_id IS NULL ORDER BY created_at`,
          [tenantId],
        )
      ).rows;
    const settled = await waitFor(
      async () => {
        const all = await ticks();
        if (all.some((job) => !job.finishedOn)) return null;
        const runs = await scheduledRuns();
        return runs.every((run) => run.status === 'completed') ? { ticks: all, runs } : null;
      },
      'the last tick and its run to finish',
      60_000,
    );
    for (const worker of workers) expect(worker.exits).toEqual([]);

    // Distinct ticks (one BullMQ job id per scheduled instant), none failed.
    const tickJobs = settled.ticks.sort((a, b) => a.processedOn! - b.processedOn!);
    expect(new Set(tickJobs.map((job) => job.id)).size).toBe(tickJobs.length);
    expect(tickJobs.filter((job) => job.failedReason)).toEqual([]);
    expect(tickJobs.length).toBeGreaterThanOrEqual(TICKS_TO_WATCH);
    const results = tickJobs.map((job) => job.returnvalue as TickResult);
    expect(results.every((r) => 'runId' in r)).toBe(true);
    const fired = results as { runId: string; created: boolean }[];

    // Ticks vs runs: every scheduled run was created by exactly one tick, and the number of scheduled runs equals the
    // number of ticks minus those deduplicated into a run that was still active (which created nothing).
    const runs = settled.runs;
    const createdBy = fired.filter((r) => r.created).map((r) => r.runId);
    expect(new Set(createdBy).size).toBe(createdBy.length);
    expect([...createdBy].sort()).toEqual(runs.map((run) => run.id).sort());
    const deduped = fired.filter((r) => !r.created);
    expect(runs.length).toBe(tickJobs.length - deduped.length);
    // A deduplicated tick returned a run that a tick taken no later than itself had created.
    for (const tick of deduped) {
      const creator = fired.findIndex((r) => r.created && r.runId === tick.runId);
      expect(creator).toBeGreaterThanOrEqual(0);
      expect(tickJobs[creator].processedOn!).toBeLessThanOrEqual(tickJobs[fired.indexOf(tick)].processedOn!);
    }
    expect(runs.length).toBeGreaterThanOrEqual(2); // otherwise "never overlap" would prove nothing

    // No two scheduled runs of the tenant were running at the same time (started_at/finished_at are PostgreSQL now();
    // a run can only be created once the previous one's completion committed, so this holds without clock slack).
    const byStart = runs
      .map((run) => ({ ...run, started: run.started_at!, finished: run.finished_at! }))
      .sort((a, b) => a.started.getTime() - b.started.getTime());
    for (const run of byStart) {
      expect(run.started).toBeInstanceOf(Date);
      expect(run.finished).toBeInstanceOf(Date);
      expect(run.outcome).toBe('succeeded');
    }
    for (let i = 1; i < byStart.length; i++)
      expect(byStart[i].started.getTime()).toBeGreaterThanOrEqual(byStart[i - 1].finished.getTime());

    // The schedule is really gone: no tick after the last one settled.
    await new Promise((resolve) => setTimeout(resolve, MIN_GAP_SECONDS * 1000 + 500));
    expect((await ticks()).length).toBe(tickJobs.length);
  }, 240_000); // two spawned workers and at least five real ticks: minutes on a loaded 2-core machine
});
