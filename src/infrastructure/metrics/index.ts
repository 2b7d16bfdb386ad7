export {
  metricsRegistry,
  graphRequests,
  graphThrottled,
  graphRetries,
  graphUnreachable,
  graphRefused,
  graphBudgetWaitSeconds,
} from './metrics';
export { MetricsModule } from './metrics.module';
export { MetricsServer } from './metrics.server';
export { httpMetrics } from './http-metrics.middleware';
