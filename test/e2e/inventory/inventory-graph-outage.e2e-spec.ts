import { GRAPH_TYPE_KEYS } from '../../../src/infrastructure/graph';
import { startScenario, waitForRun, type Scenario } from '../../support/scenario';

const SYNC = `mutation($t: ID!) { startInventorySync(tenantId: $t) { id } }`;
const CIRCUIT_FAILURES = 3;

/**
 * Issue 14 item 4: a Graph that never answers (every request outlives GRAPH_REQUEST_TIMEOUT_MS) ends a sync `failed`
 * with `graph_unavailable` after a handful of timeouts: the tenant's circuit opens and the other calls are refused
 * without going out, instead of every type spending GRAPH_MAX_ATTEMPTS timeouts per request.
 */
describe('inventory.sync against a dead Graph', () => {
  let scenario: Scenario;

  beforeAll(async () => {
    scenario = await startScenario({
      env: {
        GRAPH_REQUEST_TIMEOUT_MS: 300,
        GRAPH_MAX_ATTEMPTS: 6,
        GRAPH_BACKOFF_BASE_MS: 10,
        GRAPH_CIRCUIT_FAILURES: CIRCUIT_FAILURES,
        GRAPH_CIRCUIT_HALF_OPEN_MS: 60_000,
      },
    });
  });
  afterAll(() => scenario.close());

  it('fails with graph_unavailable on every type after a few timeouts, the rest refused by the open circuit', async () => {
    const { tenantId, sim } = await scenario.addManagedTenant();
    scenario.sim.setFaults(sim.tenantId, { latencyMs: 3000 }); // far beyond the 300 ms request timeout
    try {
      const started = await scenario.call(SYNC, { t: tenantId });
      expect(started.errors).toBeUndefined();
      const run = await waitForRun(scenario, started.data!.startInventorySync.id, 120_000);
      expect(run.outcome).toBe('FAILED');
      expect(run.failures).toHaveLength(GRAPH_TYPE_KEYS.length);
      for (const failure of run.failures) expect(failure.code).toBe('graph_unavailable');

      const detail = await scenario.call(`query($id: ID!) { operationRun(id: $id) { result } }`, { id: run.id });
      const graph = detail.data!.operationRun.result.graph as { unreachable: number; refused: number };
      // Without the breaker: 16 types × 6 attempts = 96 timeouts. With it: the failures that open the circuit, plus
      // the calls already in flight then (three types at a time).
      expect(graph.unreachable).toBeGreaterThanOrEqual(CIRCUIT_FAILURES);
      expect(graph.unreachable).toBeLessThanOrEqual(CIRCUIT_FAILURES + 3);
      expect(graph.refused).toBeGreaterThan(0);
      expect(run.failures.some((f: { message: string }) => /not calling it for up to 60 s/.test(f.message))).toBe(true);
    } finally {
      scenario.sim.setFaults(sim.tenantId, { latencyMs: 0 });
    }
  });
});
