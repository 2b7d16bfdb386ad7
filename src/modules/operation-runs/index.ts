// The public surface of operation-runs: other modules import from here only.
export { OperationRunsModule } from './operation-runs.module';
export { OperationRunService, type InitiatedRun, type StartRunInput } from './application/operation-run.service';
export type { OperationRunFilter, RunVisibility } from './application/operation-run.queries';
export type { OperationRun } from './domain/operation-run.entity';
export {
  OperationRunOutcome,
  OperationRunStatus,
  type RunFailure,
  type SummaryCounts,
} from './domain/operation-run-state';
export { RunCancelledError } from './domain/operation-runs.errors';
export {
  RunHandler,
  RUN_HANDLER_METADATA,
  type OperationRunHandler,
  type RunExecutionContext,
  type RunHandlerResult,
  type RunTypeOptions,
} from './application/run-handler';
export type {
  OperationRunCompleted,
  OperationRunEventBase,
  OperationRunProgressed,
  OperationRunQueued,
  OperationRunSnapshot,
  OperationRunStarted,
} from './application/operation-run.events';
export { OperationRunType, OperationRunOutcomeValue, OperationRunStatusValue } from './graphql/operation-run.type';
export type { NoopRunContext } from './application/handlers/noop.handler';
