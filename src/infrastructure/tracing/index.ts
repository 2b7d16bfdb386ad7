export {
  tracer,
  startTracing,
  stopTracing,
  tracingEnabled,
  currentTraceCarrier,
  contextFromCarrier,
  traceIdsForLog,
} from './tracing';
export { TracingModule } from './tracing.module';
