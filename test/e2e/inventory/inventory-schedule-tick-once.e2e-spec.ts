import { Queue, type Job } from 'bullmq';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { seedSynthetic } from '../../../src/graph-simulator';
import { redisConnectionOptions } from '../../../src/infrastructure/queue/queue.module';
import { startScenario, type Scenario } from '../../support/scenario';
import { waitFor } from '../../support/wait-for';

/**
 * BullMQ 6.7 hands a finished schedule tick out again when a job-scheduler upsert computed its "now" before that tick
 * and reached Redis after it was processed (a worker starting under load re-registering the schedules did exactly
 * that in CI: one tick fired twice, a run no tick claimed). The stale upsert runs in a child process with its clock
 * set back, as a slow worker's would be; the app's own clock is left alone.
 */
const CRON = '*/2 * * * * *';
const SET_SCHEDULE = `mutation($t: ID!, $c: String) { setInventorySchedule(tenantId: $t, cron: $c) { cron } }`;

const STALE_UPSERT = `
const { Queue } = require('bullmq');
const [url, prefix, schedulerId, tenantId, cron, staleNow] = process.argv.slice(1);
Date.now = () => Number(staleNow);
const queue = new Queue('inventory-schedules', { connection: { url, maxRetriesPerRequest: null }, prefix });
queue
  .upsertJobScheduler(schedulerId, { pattern: cron, tz: 'UTC' }, { name: 'scheduled-inventory-sync', data: { tenantId } })
  .then(() => queue.close())
  .catch((error) => { console.error(error); process.exit(1); });
`;

describe('a schedule tick BullMQ hands out twice', () => {
  let scenario: Scenario;
  let queue: Queue;
  let db: Client;
  const prefix = () => `${process.env.REDIS_PREFIX}:bull`;

  beforeAll(async () => {
    scenario = await startScenario({ env: { INVENTORY_SCHEDULE_MIN_GAP_SECONDS: 2 } });
    queue = new Queue('inventory-schedules', {
      connection: redisConnectionOptions(process.env.REDIS_URL!),
      prefix: prefix(),
    });
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });

  afterAll(async () => {
    await queue?.close();
    await db?.end();
    await scenario?.close();
  });

  it('fires once: the second hand-out keeps the first result and starts no run', async () => {
    const { tenantId, sim } = await scenario.addManagedTenant();
    seedSynthetic(scenario.sim.tenant(sim.tenantId), 1);
    // A run outlasts the moment the tick is handed out again: a second firing would be deduplicated into it.
    scenario.sim.setFaults(sim.tenantId, { latencyMs: 400 });
    expect((await scenario.call(SET_SCHEDULE, { t: tenantId, c: CRON })).errors).toBeUndefined();

    const tickPrefix = `repeat:inventory-sync:${tenantId}:`;
    const first = await waitFor(async () => {
      const done = (await queue.getJobs(['completed'])).filter((job) => job.id?.startsWith(tickPrefix));
      return done.find((job) => (job.returnvalue as { created?: boolean } | null)?.created);
    }, 'a tick that created a run');
    const firstResult = first.returnvalue as { runId: string; created: boolean };
    const tickMillis = Number(first.id!.slice(tickPrefix.length));

    await promisify(execFile)(process.execPath, [
      '-e',
      STALE_UPSERT,
      process.env.REDIS_URL!,
      prefix(),
      `inventory-sync:${tenantId}`,
      tenantId,
      CRON,
      String(tickMillis - 300),
    ]);

    // The same job was taken a second time (BullMQ re-added it), and it finished again.
    const again = await waitFor(async () => {
      const job: Job | undefined = await queue.getJob(first.id!);
      return job && job.processedOn! > first.processedOn! && job.finishedOn! > first.finishedOn! ? job : null;
    }, 'the tick to be handed out again and finish');
    expect(again.returnvalue).toEqual(firstResult);
    expect(again.failedReason).toBeFalsy();

    // Every scheduled run was created by exactly one tick: the second hand-out started nothing.
    expect((await scenario.call(SET_SCHEDULE, { t: tenantId, c: null })).errors).toBeUndefined();
    const settled = await waitFor(async () => {
      const ticks = (await queue.getJobs(['completed', 'failed', 'active', 'waiting', 'delayed'])).filter((job) =>
        job.id?.startsWith(tickPrefix),
      );
      if (ticks.some((job) => !job.finishedOn)) return null;
      const runs = await db.query<{ id: string; status: string }>(
        `SELECT id, status FROM operation_runs WHERE tenant_id = $1 AND type = 'inventory.sync' AND initiator_user_id IS NULL`,
        [tenantId],
      );
      return runs.rows.every((run) => run.status === 'completed') ? { ticks, runs: runs.rows } : null;
    }, 'the last tick and its run to finish');
    expect(settled.ticks.filter((job) => job.failedReason)).toEqual([]);
    const created = settled.ticks
      .map((job) => job.returnvalue as { runId?: string; created?: boolean })
      .filter((result) => result.created)
      .map((result) => result.runId);
    expect(created).toContain(firstResult.runId);
    expect([...created].sort()).toEqual(settled.runs.map((run) => run.id).sort());
  });
});
