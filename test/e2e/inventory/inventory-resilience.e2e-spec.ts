import { Queue, QueueEvents } from 'bullmq';
import { seedSynthetic } from '../../../src/graph-simulator';
import { redisConnectionOptions } from '../../../src/infrastructure/queue/queue.module';
import { startScenario, waitForRun, type Scenario } from '../../support/scenario';

const SYNC = `mutation($t: ID!) { startInventorySync(tenantId: $t) { id status } }`;
const RUN = `query($id: ID!) { operationRun(id: $id) { outcome summaryCounts { succeeded failed metrics } result } }`;

describe('inventory.sync under throttling', () => {
  let scenario: Scenario;

  beforeAll(async () => {
    // The client-side budget believes the real Intune limits; the simulator throttles far harder: a storm.
    scenario = await startScenario({
      env: { INVENTORY_PAGE_SIZE: 5, GRAPH_MAX_ATTEMPTS: 15, GRAPH_BACKOFF_BASE_MS: 20, GRAPH_BACKOFF_CAP_MS: 300 },
    });
  });
  afterAll(() => scenario.close());

  it.each(['header', 'omit'] as const)(
    'completes every type through a 429 storm (Retry-After: %s) and reports 429s and wait time',
    async (retryAfterMode) => {
      const { tenantId, sim } = await scenario.addManagedTenant();
      seedSynthetic(scenario.sim.tenant(sim.tenantId), 6);
      scenario.sim.setThrottle({ enabled: true, windowMs: 300, maxRequests: 4, maxWrites: 2, retryAfterMode });
      try {
        const started = await scenario.call(SYNC, { t: tenantId });
        const run = await waitForRun(scenario, started.data!.startInventorySync.id, 120000);
        expect(run.outcome).toBe('SUCCEEDED');
        const detail = (await scenario.call(RUN, { id: run.id })).data!.operationRun;
        expect(detail.summaryCounts.succeeded).toBe(16);
        expect(detail.summaryCounts.metrics.throttled429).toBeGreaterThan(0);
        expect(detail.summaryCounts.metrics.graphWaitedMs).toBeGreaterThan(0);
        expect(detail.summaryCounts.metrics.objectsSeen).toBe(16 * 6);
        expect(scenario.sim.stats(sim.tenantId).throttled429).toBe(detail.summaryCounts.metrics.throttled429);
      } finally {
        scenario.sim.setThrottle({ enabled: false });
      }
    },
  );
});

describe('inventory schedules', () => {
  let scenario: Scenario;
  let queue: Queue;

  beforeAll(async () => {
    scenario = await startScenario();
    queue = new Queue('inventory-schedules', {
      connection: redisConnectionOptions(process.env.REDIS_URL!),
      prefix: `${process.env.REDIS_PREFIX}:bull`,
    });
  });
  afterAll(async () => {
    await queue.close();
    await scenario.close();
  });

  it('registers a BullMQ job scheduler for the cron, and removes it when cleared', async () => {
    const { tenantId } = await scenario.addManagedTenant();
    const set = await scenario.call(
      `mutation($t: ID!, $c: String) { setInventorySchedule(tenantId: $t, cron: $c) { cron } }`,
      { t: tenantId, c: '0 */6 * * *' },
    );
    expect(set.data!.setInventorySchedule).toEqual({ cron: '0 */6 * * *' });
    expect(
      (await queue.getJobSchedulers()).find(
        (s) => s.key === `inventory-sync:${tenantId}` || s.id === `inventory-sync:${tenantId}`,
      )?.pattern,
    ).toBe('0 */6 * * *');
    await scenario.call(`mutation($t: ID!) { setInventorySchedule(tenantId: $t, cron: null) { cron } }`, {
      t: tenantId,
    });
    expect(
      (await queue.getJobSchedulers()).some(
        (s) => s.key === `inventory-sync:${tenantId}` || s.id === `inventory-sync:${tenantId}`,
      ),
    ).toBe(false);
  });

  it('a tick for a tenant archived since the schedule was set starts nothing and removes the schedule', async () => {
    const { tenantId } = await scenario.addManagedTenant();
    await scenario.call(`mutation($t: ID!) { setInventorySchedule(tenantId: $t, cron: "0 3 * * *") { cron } }`, {
      t: tenantId,
    });
    const archived = await scenario.call(`mutation($t: ID!) { archiveTenant(id: $t) { id } }`, { t: tenantId });
    expect(archived.errors).toBeUndefined();
    const events = new QueueEvents('inventory-schedules', {
      connection: redisConnectionOptions(process.env.REDIS_URL!),
      prefix: `${process.env.REDIS_PREFIX}:bull`,
    });
    await events.waitUntilReady();
    try {
      const tick = await queue.add('scheduled-inventory-sync', { tenantId });
      expect(await tick.waitUntilFinished(events, 30000)).toEqual({ skipped: 'tenant archived or gone' });
    } finally {
      await events.close();
    }
    expect(
      (await queue.getJobSchedulers()).some(
        (s) => s.key === `inventory-sync:${tenantId}` || s.id === `inventory-sync:${tenantId}`,
      ),
    ).toBe(false);
    const runs = await scenario.call(
      `query($t: ID!) { operationRuns(filter: { tenantId: $t, type: "inventory.sync" }, first: 10) { edges { node { id } } } }`,
      { t: tenantId },
    );
    expect(runs.data!.operationRuns.edges).toHaveLength(0);
  });

  it('rejects an invalid cron naming the field', async () => {
    const { tenantId } = await scenario.addManagedTenant();
    const response = await scenario.call(
      `mutation($t: ID!) { setInventorySchedule(tenantId: $t, cron: "* * * * *") { cron } }`,
      { t: tenantId },
    );
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cron' });
  });

  it('a schedule tick and a manual start at the same moment make one run', async () => {
    const { tenantId, sim } = await scenario.addManagedTenant();
    seedSynthetic(scenario.sim.tenant(sim.tenantId), 2);
    scenario.sim.setFaults(sim.tenantId, { latencyMs: 400 }); // keeps the first run active (seconds) while the second start arrives
    const events = new QueueEvents('inventory-schedules', {
      connection: redisConnectionOptions(process.env.REDIS_URL!),
      prefix: `${process.env.REDIS_PREFIX}:bull`,
    });
    await events.waitUntilReady();
    try {
      // A tenant with a schedule (ticks of a schedule that is gone start nothing), and exactly what its BullMQ job
      // scheduler enqueues on a tick.
      const scheduled = await scenario.call(
        `mutation($t: ID!) { setInventorySchedule(tenantId: $t, cron: "0 3 * * *") { cron } }`,
        { t: tenantId },
      );
      expect(scheduled.errors).toBeUndefined();
      const tick = await queue.add('scheduled-inventory-sync', { tenantId });
      const manual = await scenario.call(SYNC, { t: tenantId });
      const fromSchedule = (await tick.waitUntilFinished(events, 30000)) as { runId: string; created: boolean };
      expect(fromSchedule.runId).toBe(manual.data!.startInventorySync.id);
      const runs = await scenario.call(
        `query($t: ID!) { operationRuns(filter: { tenantId: $t, type: "inventory.sync" }, first: 10) { edges { node { id initiatorUserId } } } }`,
        { t: tenantId },
      );
      expect(runs.data!.operationRuns.edges).toHaveLength(1);
      await waitForRun(scenario, fromSchedule.runId);
    } finally {
      scenario.sim.setFaults(sim.tenantId, { latencyMs: 0 });
      await events.close();
    }
  });
});
