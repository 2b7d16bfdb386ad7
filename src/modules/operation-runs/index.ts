// The public surface of operation-runs: other modules import from here only (the run-handler contract itself,
// @RunHandler and RunTypeMap, is platform code in src/infrastructure/runs).
import './application/operation-runs.run-types';

export { OperationRunsModule } from './operation-runs.module';
export { OperationRunsWorkersModule } from './operation-runs-workers.module';
export {
  OperationRunsFacade,
  type OperationRunView,
  type RunTypeInfo,
  type StartRunInput,
} from './application/operation-runs.facade';
export type {
  OperationRunCompleted,
  OperationRunEventBase,
  OperationRunProgressed,
  OperationRunQueued,
  OperationRunSnapshot,
  OperationRunStarted,
} from './application/operation-run.events';
export type { NoopRunContext, NoopRunResult } from './application/operation-runs.run-types';
export { OperationRunType, OperationRunOutcomeValue, OperationRunStatusValue } from './graphql/operation-run.type';
