import { startScenario, waitForRun, type Scenario } from '../../support/scenario';
import { backupOf } from './backup-helpers';
import { CONFIRM, newTenant, previewPlan, seedSource, syncGroups } from './restore-helpers';

const RUN = `query($id: ID!) { operationRun(id: $id) { outcome summaryCounts { succeeded failed metrics } } }`;

/**
 * Intune's write limit, scaled down (100 writes / 20 s → 10 / 2 s), with every other 429 missing its Retry-After:
 * the client's own budget believes the real limits, so the simulator throttles and the run must ride it out.
 */
describe('restore.execute under write throttling', () => {
  let scenario: Scenario;

  beforeAll(async () => {
    scenario = await startScenario({
      env: { GRAPH_MAX_ATTEMPTS: 20, GRAPH_BACKOFF_BASE_MS: 50, GRAPH_BACKOFF_CAP_MS: 1000 },
    });
  });
  afterAll(() => scenario.close());

  it('completes every item and counts the 429s in the run metrics', async () => {
    const a = await newTenant(scenario, 'Throttle source');
    const b = await newTenant(scenario, 'Throttle target');
    seedSource(a.sim);
    await syncGroups(scenario, a.tenantId);
    await syncGroups(scenario, b.tenantId);
    const backupId = await backupOf(scenario, a.tenantId);
    const { plan } = await previewPlan(scenario, { backupId, targetTenantId: b.tenantId });

    scenario.sim.resetStats();
    scenario.sim.setThrottle({
      enabled: true,
      windowMs: 2000,
      maxRequests: 100,
      maxWrites: 10,
      retryAfterMode: 'alternate',
    });
    try {
      const confirmed = await scenario.call(CONFIRM, { p: plan.id, h: plan.planHash, n: b.name });
      const run = await waitForRun(scenario, confirmed.data!.confirmRestorePlan.id, 300_000);
      expect(run.outcome).toBe('SUCCEEDED');
      const detail = (await scenario.call(RUN, { id: run.id })).data!.operationRun;
      expect(detail.summaryCounts.succeeded).toBe(plan.items.length);
      const sim = scenario.sim.stats(b.sim.tenantId);
      expect(sim.throttled429).toBeGreaterThan(0);
      expect(detail.summaryCounts.metrics.throttled429).toBe(sim.throttled429);
      expect(b.sim.count()).toBe(plan.items.length);
    } finally {
      scenario.sim.setThrottle({ enabled: false });
    }
  });
});
