import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { queueErrorListener } from '../../infrastructure/queue/connection-error-log';
import { AuditModule } from '../audit';
import { OperationRunsModule } from '../operation-runs';
import { DirectoryModule } from '../directory';
import { TenantsModule } from '../tenants';
import { BackupCompareLiveHandler } from './application/backup-compare-live.handler';
import { ExportBackupUseCase } from './application/archive/export-backup.use-case';
import { ImportBackupUseCase } from './application/archive/import-backup.use-case';
import { BackupCreateHandler } from './application/backup-create.handler';
import { BackupDiffService } from './application/backup-diff.service';
import { BackupItemReader } from './application/backup-item-reader';
import { BackupQueryService } from './application/backup-query.service';
import { BackupRecorder } from './application/backup-recorder';
import { BACKUP_SCHEDULE_QUEUE, BackupScheduleService } from './application/backup-schedule.service';
import { BackupsFacade } from './application/backups.facade';
import { SettingDefinitionLabels } from './application/setting-definition-labels';
import { BackupPruneHandler } from './application/retention/backup-prune.handler';
import { BackupPruneListener } from './application/retention/backup-prune.listener';
import { BackupRetentionService } from './application/retention/backup-retention.service';
import { BackupRetentionPolicy } from './domain/backup-retention-policy.entity';
import { BackupItem } from './domain/backup-item.entity';
import { BackupItemSet, BackupSetRef } from './domain/backup-item-set.entity';
import { BackupSchedule } from './domain/backup-schedule.entity';
import { Backup } from './domain/backup.entity';
import { PolicyVersion } from './domain/policy-version.entity';
import { SettingDefinitionLabel } from './domain/setting-definition-label.entity';
import { BackupDiffResolver } from './graphql/backup-diff.resolver';
import { BackupArchiveResolver } from './graphql/backup-archive.resolver';
import { BackupRetentionResolver } from './graphql/backup-retention.resolver';
import { BackupsResolver } from './graphql/backups.resolver';

/** Immutable, content-addressed backups of full policies: the `backup.create` run, versions, schedules, reads. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Backup,
      BackupItem,
      BackupItemSet,
      BackupSetRef,
      PolicyVersion,
      BackupSchedule,
      SettingDefinitionLabel,
      BackupRetentionPolicy,
    ]),
    BullModule.registerQueue({ name: BACKUP_SCHEDULE_QUEUE }),
    OperationRunsModule,
    TenantsModule,
    DirectoryModule,
    AuditModule,
  ],
  providers: [
    queueErrorListener(BACKUP_SCHEDULE_QUEUE),
    BackupRecorder,
    BackupItemReader,
    BackupQueryService,
    BackupScheduleService,
    BackupCreateHandler,
    BackupsFacade,
    BackupsResolver,
    SettingDefinitionLabels,
    BackupDiffService,
    BackupCompareLiveHandler,
    BackupDiffResolver,
    // Import, export, retention (spec 006 › Import, export, retention)
    ImportBackupUseCase,
    ExportBackupUseCase,
    BackupRetentionService,
    BackupPruneHandler,
    BackupPruneListener,
    BackupArchiveResolver,
    BackupRetentionResolver,
  ],
  exports: [BackupsFacade, BackupScheduleService, ImportBackupUseCase, ExportBackupUseCase],
})
export class BackupsModule {}
