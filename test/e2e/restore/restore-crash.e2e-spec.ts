import type { ChildProcess } from 'node:child_process';
import { FAST_RUN_SETTINGS, killHard, spawnWorker, stopGracefully } from '../operation-runs/run-test-kit';
import { startScenario, waitForRun, type Scenario } from '../../support/scenario';
import { backupOf } from './backup-helpers';
import { CONFIRM, RESULTS, newTenant, previewPlan, seedSource, syncGroups } from './restore-helpers';

/**
 * kill -9 of the worker executing a restore after about 30 % of its writes: the reaper hands the run to the next
 * attempt in another worker process, which resumes from the first item without a result and finds objects the dead
 * attempt created (ledger, else name + type) instead of creating them again.
 */
describe('restore.execute after kill -9', () => {
  let scenario: Scenario;
  const workers: ChildProcess[] = [];
  const worker = async () => {
    const child = await spawnWorker(process.env.REDIS_PREFIX!, {
      GRAPH_BASE_URL: scenario.sim.url,
      GRAPH_TOKEN_ENDPOINT_BASE_URL: scenario.sim.url,
      GRAPH_BACKOFF_BASE_MS: 20,
      GRAPH_BACKOFF_CAP_MS: 500,
    });
    workers.push(child);
    return child;
  };

  beforeAll(async () => {
    // API only in this process: every run goes to a spawned worker.
    scenario = await startScenario({ env: { APP_ROLE: 'api', ...FAST_RUN_SETTINGS } });
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => stopGracefully(w)));
    await scenario?.close();
  });

  it('resumes in another worker and leaves exactly one copy of every object', async () => {
    const first = await worker();
    const a = await newTenant(scenario, 'Crash source');
    const b = await newTenant(scenario, 'Crash target');
    seedSource(a.sim);
    await syncGroups(scenario, a.tenantId);
    await syncGroups(scenario, b.tenantId);
    const backupId = await backupOf(scenario, a.tenantId);
    const { plan } = await previewPlan(scenario, { backupId, targetTenantId: b.tenantId });
    expect(plan.counts.create).toBe(plan.items.length);

    // Slow Graph down so the kill lands in the middle.
    scenario.sim.setFaults(b.sim.tenantId, { latencyMs: 40 });
    const confirmed = await scenario.call(CONFIRM, { p: plan.id, h: plan.planHash, n: b.name });
    expect(confirmed.errors).toBeUndefined();
    const runId = confirmed.data!.confirmRestorePlan.id;
    const threshold = Math.ceil(plan.items.length * 0.3);
    const deadline = Date.now() + 120_000;
    while (scenario.sim.stats(b.sim.tenantId).writes < threshold) {
      if (Date.now() > deadline) throw new Error('the restore never reached 30 % of its writes');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await killHard(first);
    const writesAtKill = scenario.sim.stats(b.sim.tenantId).writes;
    scenario.sim.setFaults(b.sim.tenantId, { latencyMs: 0 });
    await worker();

    const run = await waitForRun(scenario, runId, 180_000);
    expect(run.outcome).toBe('SUCCEEDED');
    const attempt = (await scenario.call(`query($id: ID!) { operationRun(id: $id) { attempt } }`, { id: runId })).data!
      .operationRun.attempt;
    expect(attempt).toBeGreaterThan(1);
    expect(writesAtKill).toBeLessThan(scenario.sim.stats(b.sim.tenantId).writes);

    const results = (await scenario.call(RESULTS, { r: runId })).data!.restoreResults;
    expect(results).toHaveLength(plan.items.length);
    expect(results.filter((r: any) => r.status !== 'SUCCEEDED')).toEqual([]);
    // Exactly one copy of every planned object in B.
    const copies = new Map<string, number>();
    for (const collection of b.sim.collections())
      for (const o of b.sim.list(collection)) {
        const key = `${collection}|${String(o.entity.displayName ?? o.entity.name)}`;
        copies.set(key, (copies.get(key) ?? 0) + 1);
      }
    expect([...copies].filter(([, n]) => n !== 1)).toEqual([]);
    expect(b.sim.count()).toBe(plan.items.length);
  });
});
