import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus registry (prom-client) and the platform's own metrics. Labels are bounded on purpose:
 * status codes, a few path classes, run types and outcomes; never tenant ids, user ids or URLs.
 * Served by MetricsServer on METRICS_PORT, never on the public HTTP port.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'tenantatlas_' });

const registers = [metricsRegistry];

export const graphRequests = new Counter({
  name: 'tenantatlas_graph_requests_total',
  help: 'Microsoft Graph HTTP responses by status (a $batch counts its inner responses).',
  labelNames: ['status'] as const,
  registers,
});
export const graphThrottled = new Counter({
  name: 'tenantatlas_graph_throttled_total',
  help: 'Microsoft Graph 429 answers.',
  registers,
});
export const graphRetries = new Counter({
  name: 'tenantatlas_graph_retries_total',
  help: 'Microsoft Graph calls retried (after 429, 503/504 or a network failure).',
  registers,
});
export const graphUnreachable = new Counter({
  name: 'tenantatlas_graph_unreachable_total',
  help: 'Microsoft Graph calls that got no answer (timeout, network error).',
  registers,
});
export const graphRefused = new Counter({
  name: 'tenantatlas_graph_refused_total',
  help: "Microsoft Graph calls refused without going out (a tenant's open circuit, a run's outage limit).",
  registers,
});
export const graphBudgetWaitSeconds = new Counter({
  name: 'tenantatlas_graph_budget_wait_seconds_total',
  help: 'Time spent waiting for the client-side Graph throttle budget.',
  registers,
});
export const httpRequests = new Counter({
  name: 'tenantatlas_http_requests_total',
  help: 'HTTP requests answered, by method, path class (graphql, health, other) and status.',
  labelNames: ['method', 'path', 'status'] as const,
  registers,
});
export const graphqlDuration = new Histogram({
  name: 'tenantatlas_graphql_request_duration_seconds',
  help: 'Time to answer a /graphql HTTP request, by status.',
  labelNames: ['status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers,
});
