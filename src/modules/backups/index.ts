import './application/backups.events';
import './application/backups.run-types';
import './application/backup-compare-live.run-types';
import './application/backup-prune.run-types';

export { BackupsModule } from './backups.module';
export { BackupsWorkersModule } from './backups-workers.module';
export { BackupsHttpModule } from './backups-http.module';
export {
  BackupsFacade,
  type BackupItemView,
  type BackupView,
  type RecordBackupInput,
  type RecordedBackup,
  type SnapshotInput,
  type StartBackupOptions,
} from './application/backups.facade';
export type { BackupCompleted } from './application/backups.events';
export type { BackupCreateContext, BackupCreateResult } from './application/backups.run-types';
export type { BackupCompareLiveContext, BackupCompareLiveResult } from './application/backup-compare-live.run-types';
export type { BackupPruneContext, BackupPruneResult } from './application/backup-prune.run-types';
