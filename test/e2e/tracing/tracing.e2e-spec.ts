import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startScenario, waitForRun, type Scenario } from '../../support/scenario';

const SYNC = `mutation($t: ID!) { startInventorySync(tenantId: $t) { id } }`;
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

/** Issue 14 item 18 (tracing): one trace from the mutation that starts a run, through its job, to each Graph call. */
describe('tracing', () => {
  describe('with OTEL_EXPORTER_OTLP_ENDPOINT set', () => {
    const exporter = new InMemorySpanExporter();
    let scenario: Scenario;
    beforeAll(async () => {
      // The endpoint turns tracing on; the test hook sends the spans to memory instead of it.
      scenario = await startScenario({
        env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:1' },
        traceExporter: exporter,
      });
    });
    afterAll(() => scenario.close());

    it('records the mutation, the run attempt and every Graph request of an inventory sync as one trace', async () => {
      const { tenantId } = await scenario.addManagedTenant();
      exporter.reset();
      const started = await scenario.call(SYNC, { t: tenantId });
      expect(started.errors).toBeUndefined();
      const run = await waitForRun(scenario, started.data!.startInventorySync.id);
      expect(run.outcome).toBe('SUCCEEDED');

      const spans = exporter.getFinishedSpans();
      const mutation = spans.find((s) => s.name === 'graphql.mutation startInventorySync');
      expect(mutation).toBeDefined();
      const traceId = mutation!.spanContext().traceId;
      expect(parentOf(mutation!)).toBeUndefined();

      const attempt = spans.find((s) => s.name === 'run.attempt inventory.sync');
      expect(attempt).toBeDefined();
      expect(attempt!.spanContext().traceId).toBe(traceId);
      expect(parentOf(attempt!)).toBe(mutation!.spanContext().spanId);
      expect(attempt!.attributes['tenantatlas.run.id']).toBe(run.id);

      const graphCalls = spans.filter((s) => s.kind === SpanKind.CLIENT && s.spanContext().traceId === traceId);
      expect(graphCalls.length).toBeGreaterThan(0);
      for (const call of graphCalls) {
        expect(parentOf(call)).toBe(attempt!.spanContext().spanId);
        expect(call.attributes['http.request.method']).toMatch(/^(GET|POST)$/);
        expect(call.attributes['http.response.status_code']).toBe(200);
        expect(String(call.attributes['url.template'])).toMatch(/^\/(v1\.0|beta)\//);
        // Nothing tenant-specific or secret: no ids, no query, no headers.
        expect(JSON.stringify([call.name, call.attributes])).not.toMatch(GUID);
        expect(JSON.stringify(call.attributes)).not.toMatch(/authorization|bearer|secret|\?/i);
      }
      // No Graph span outside a trace (each one has a run attempt or a resolver above it).
      expect(spans.filter((s) => s.kind === SpanKind.CLIENT && parentOf(s) === undefined)).toEqual([]);
    });
  });

  describe('without OTEL_EXPORTER_OTLP_ENDPOINT', () => {
    const exporter = new InMemorySpanExporter();
    let scenario: Scenario;
    beforeAll(async () => {
      scenario = await startScenario({ traceExporter: exporter });
    });
    afterAll(() => scenario.close());

    it('records nothing', async () => {
      const { tenantId } = await scenario.addManagedTenant();
      const started = await scenario.call(SYNC, { t: tenantId });
      expect(started.errors).toBeUndefined();
      const run = await waitForRun(scenario, started.data!.startInventorySync.id);
      expect(run.outcome).toBe('SUCCEEDED');
      expect(exporter.getFinishedSpans()).toEqual([]);
    });
  });
});
