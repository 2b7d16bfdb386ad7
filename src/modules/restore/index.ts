import './application/restore.events';
import './application/restore.run-types';

export { RestoreModule } from './restore.module';
export { RestoreFacade, type RestorePlanView } from './application/restore.facade';
export type { RestoreCompleted } from './application/restore.events';
export type {
  RestoreExecuteContext,
  RestoreExecuteResult,
  RestorePreviewContext,
  RestorePreviewResult,
} from './application/restore.run-types';
export { RestorePlanType } from './graphql/restore-plan.type';
