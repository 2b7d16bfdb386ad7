import { context, propagation, trace, type Context } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { Environment } from '../config/environment';

/** Every span of the app comes from this tracer: a no-op until startTracing registers a provider. */
export const tracer = trace.getTracer('tenantatlas');

let provider: NodeTracerProvider | null = null;

/**
 * Starts OpenTelemetry tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set (off otherwise: the API stays a no-op, nothing
 * is recorded, nothing goes into job data or logs). Spans are explicit (GraphQL root fields, run attempts, Graph
 * requests) rather than auto-instrumentation. `testExporter` replaces the OTLP exporter in tests; it does not turn
 * tracing on by itself.
 */
export function startTracing(
  env: Pick<Environment, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'APP_ROLE'>,
  testExporter?: SpanExporter,
): boolean {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT || provider) return provider !== null;
  const processor = testExporter
    ? new SimpleSpanProcessor(testExporter)
    : new BatchSpanProcessor(
        new OTLPTraceExporter({ url: `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces` }),
      );
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'tenantatlas', 'tenantatlas.role': env.APP_ROLE }),
    spanProcessors: [processor],
  });
  provider.register(); // global provider, AsyncLocalStorage context, W3C trace context propagator
  return true;
}

/** Flushes what is left and unregisters, so a later start (the next test app) registers afresh. */
export async function stopTracing(): Promise<void> {
  if (!provider) return;
  const stopping = provider;
  provider = null;
  await stopping.shutdown().catch(() => undefined);
  trace.disable();
  context.disable();
  propagation.disable();
}

export function tracingEnabled(): boolean {
  return provider !== null;
}

/** The active trace context as W3C headers (`traceparent`, `tracestate`) for a job; undefined when there is none. */
export function currentTraceCarrier(): Record<string, string> | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length > 0 ? carrier : undefined;
}

/** The trace context a job carried (the root context when it carried none). */
export function contextFromCarrier(carrier: Record<string, string> | undefined): Context {
  return carrier ? propagation.extract(context.active(), carrier) : context.active();
}

/** pino mixin: the active span's ids on every log line while tracing is on. */
export function traceIdsForLog(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}
