import { MetricsServer } from '../../../src/infrastructure/metrics';
import { startScenario, waitForRun, type Scenario } from '../../support/scenario';

const TOKEN = 'metrics-scrape-token-0123456789';

/** Issue 14 item 18: /metrics (prom-client) on its own port, behind a bearer token, never on the public port. */
describe('/metrics', () => {
  let scenario: Scenario;
  let metricsUrl: string;

  beforeAll(async () => {
    scenario = await startScenario({ env: { METRICS_PORT: 0, METRICS_TOKEN: TOKEN } });
    metricsUrl = `http://127.0.0.1:${scenario.app.app.get(MetricsServer).port}/metrics`;
  });
  afterAll(() => scenario.close());

  const scrape = async (authorization?: string) => {
    const response = await fetch(metricsUrl, { headers: authorization ? { authorization } : {} });
    return { status: response.status, text: await response.text() };
  };
  /** The value of one sample line, e.g. `name{a="b"}`; undefined when absent. */
  const sample = (text: string, series: string) =>
    text
      .split('\n')
      .map((line) => line.split(' '))
      .find(([name]) => name === series)
      ?.map(Number)[1];

  it('is not served on the public HTTP port', async () => {
    const response = await fetch(`${scenario.url}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(/tenantatlas_/);
  });

  it('refuses a scrape without the bearer token, or with a wrong one', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer not-the-token')).status).toBe(401);
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(200);
  });

  it('exposes runs by type and outcome, durations, queue wait and depth, Graph traffic and HTTP requests', async () => {
    const { tenantId } = await scenario.addManagedTenant();
    const started = await scenario.call(`mutation($t: ID!) { startInventorySync(tenantId: $t) { id } }`, {
      t: tenantId,
    });
    const run = await waitForRun(scenario, started.data!.startInventorySync.id);
    expect(run.outcome).toBe('SUCCEEDED');

    const { text } = await scrape(`Bearer ${TOKEN}`);
    expect(sample(text, 'tenantatlas_runs_completed_total{type="inventory.sync",outcome="succeeded"}')).toBeGreaterThan(
      0,
    );
    expect(
      sample(text, 'tenantatlas_run_duration_seconds_count{type="inventory.sync",outcome="succeeded"}'),
    ).toBeGreaterThan(0);
    expect(sample(text, 'tenantatlas_run_queue_wait_seconds_count{type="inventory.sync"}')).toBeGreaterThan(0);
    expect(sample(text, 'tenantatlas_graph_requests_total{status="200"}')).toBeGreaterThan(0);
    for (const name of [
      'tenantatlas_graph_throttled_total',
      'tenantatlas_graph_retries_total',
      'tenantatlas_graph_refused_total',
      'tenantatlas_graph_budget_wait_seconds_total',
    ])
      expect(sample(text, name)).toBeGreaterThanOrEqual(0);
    expect(text).toMatch(/^# TYPE tenantatlas_runs_active gauge$/m);
    expect(text).toMatch(/^tenantatlas_run_queue_jobs\{state="waiting"\} \d+$/m);
    expect(sample(text, 'tenantatlas_http_requests_total{method="POST",path="graphql",status="200"}')).toBeGreaterThan(
      0,
    );
    expect(sample(text, 'tenantatlas_graphql_request_duration_seconds_count{status="200"}')).toBeGreaterThan(0);
    expect(text).toMatch(/^tenantatlas_process_resident_memory_bytes \d+/m);
    expect(sample(text, 'tenantatlas_outbox_unpublished_events')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'tenantatlas_outbox_relay_lag_seconds')).toBeGreaterThanOrEqual(0);
    // Bounded labels: no tenant, user or run ids anywhere.
    expect(text).not.toContain(tenantId);
    expect(text).not.toContain(run.id);
  });
});
