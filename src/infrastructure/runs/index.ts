// The run-handler contract: what a bounded context needs to own a run type. The operation-runs module runs them.
export {
  RunHandler,
  RUN_HANDLER_METADATA,
  type OperationRunHandler,
  type RunAttemptContext,
  type RunHandlerResult,
  type RunTypeOptions,
} from './run-handler';
export type { RunContextInput, RunContextOf, RunResultOf, RunTypeKey, RunTypeMap } from './run-type-map';
export { OperationRunOutcome, OperationRunStatus, type RunFailure, type SummaryCounts } from './run-state';
export { RUN_FAILURE_CODES, isRunFailureCode, type RunFailureCode } from './run-failure-codes';
export { runFailureOf, runFailureCodeForStatus, consentMissingFailure, type DescribedFailure } from './run-failure-of';
export { TenantRunSchedules, type ScheduleTick, type TenantScheduleRow } from './tenant-run-schedules';
