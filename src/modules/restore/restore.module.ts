import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { BackupsFacade, BackupsModule } from '../backups';
import { DirectoryModule } from '../directory';
import { InventoryModule } from '../inventory';
import { OperationRunsModule } from '../operation-runs';
import { TenantsModule } from '../tenants';
import { RESTORE_BACKUP_SOURCE } from './application/backup-source';
import { ConfirmRestorePlanUseCase } from './application/confirm-restore-plan.use-case';
import { RestoreExecuteHandler } from './application/restore-execute.handler';
import { RestorePlanQueries } from './application/restore-plan.queries';
import { RestorePreviewHandler } from './application/restore-preview.handler';
import { RestoreFacade } from './application/restore.facade';
import { SetRestoreMappingUseCase } from './application/set-restore-mapping.use-case';
import { RestoreLedgerEntry } from './domain/restore-ledger-entry.entity';
import { RestoreMapping } from './domain/restore-mapping.entity';
import { RestorePlanItem } from './domain/restore-plan-item.entity';
import { RestorePlan } from './domain/restore-plan.entity';
import { RestoreResult } from './domain/restore-result.entity';
import { RestoreResolver } from './graphql/restore.resolver';

/**
 * Restore: plans (`restore.preview`), typed confirmation, execution (`restore.execute`) with mapping, conflict
 * detection and the ID ledger. Reads backups through the backups facade, the target through the GraphClient, groups
 * through the directory cache.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([RestorePlan, RestorePlanItem, RestoreMapping, RestoreResult, RestoreLedgerEntry]),
    OperationRunsModule,
    TenantsModule,
    DirectoryModule,
    InventoryModule,
    AuditModule,
    BackupsModule,
  ],
  providers: [
    // The backups facade is the restore's backup source as it is (the port keeps restore's needs in one place).
    { provide: RESTORE_BACKUP_SOURCE, useExisting: BackupsFacade },
    RestorePlanQueries,
    RestorePreviewHandler,
    RestoreExecuteHandler,
    ConfirmRestorePlanUseCase,
    SetRestoreMappingUseCase,
    RestoreFacade,
    RestoreResolver,
  ],
  exports: [RestoreFacade],
})
export class RestoreModule {}
