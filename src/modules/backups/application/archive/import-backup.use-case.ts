import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Outbox, stage } from '../../../../infrastructure/events';
import { AuditFacade } from '../../../audit';
import { TenantsFacade } from '../../../tenants';
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from '../../domain/archive-rejection';
import type { BackupCompleted } from '../backups.events';
import { BackupsFacade } from '../backups.facade';
import type { RecordedBackup } from '../backup-views';
import type { ArchiveSource } from './archive-files';
import { ArchiveReader, type ArchiveScan } from './archive-reader';

export interface ImportBackupCommand {
  actor: { id: string; upn?: string | null };
  tenantId: string;
  source: ArchiveSource;
  /** The input the archive came in, named in errors (`upload`, `path`). */
  field: string;
  label?: string | null;
  requestId?: string | null;
  limits?: ArchiveLimits;
}

export interface ImportedBackup {
  backup: RecordedBackup;
  report: ArchiveScan;
}

/**
 * Imports an IntuneManagement-layout archive (or our own export) into a new backup of the tenant with
 * `source: import`. The archive is checked whole first (`ArchiveReader.scan`): a refused archive stores nothing,
 * not even a failed backup row. Then the objects stream through the one backup writer, content-addressed and
 * versioned like any backup. DB-only and bounded by the archive limits, so it runs in the request, not as a run:
 * the upload is a file on the api process that a worker elsewhere could not read.
 */
@Injectable()
export class ImportBackupUseCase {
  private readonly logger = new Logger(ImportBackupUseCase.name);

  constructor(
    private readonly tenants: TenantsFacade,
    private readonly backups: BackupsFacade,
    private readonly audit: AuditFacade,
    private readonly outbox: Outbox,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async execute(command: ImportBackupCommand): Promise<ImportedBackup> {
    await this.tenants.requireActive(command.tenantId);
    const reader = new ArchiveReader(command.source, command.field, command.limits ?? DEFAULT_ARCHIVE_LIMITS);
    const report = await reader.scan();
    const backup = await this.backups.recordBackup(
      { tenantId: command.tenantId, source: 'import', label: command.label ?? undefined },
      reader.snapshots(),
    );
    // The audit row and the event (retention reacts to it, as to any completed backup) commit together.
    const completed: BackupCompleted = {
      tenantId: command.tenantId,
      backupId: backup.id,
      runId: null,
      source: 'import',
      itemCount: backup.itemCount,
      countsByType: backup.countsByType,
      newVersions: backup.newVersions,
      newPayloads: backup.newPayloads,
      needsSecretReentry: backup.needsSecretReentryCount,
      at: backup.completedAt ?? new Date(),
    };
    const events = stage([{ name: 'backup.completed', payload: completed, aggregateId: command.tenantId }]);
    await this.db.transaction(async (manager) => {
      await this.audit.record(
        {
          actor: command.actor,
          tenantId: command.tenantId,
          action: 'backup.imported',
          target: { type: 'backup', id: backup.id },
          metadata: {
            objects: backup.itemCount,
            countsByType: backup.countsByType,
            unknownFiles: report.unknownCount,
            skippedFiles: report.skippedCount,
            newVersions: backup.newVersions,
            from: command.source.kind,
          },
          requestId: command.requestId ?? null,
        },
        manager,
      );
      await this.outbox.add(manager, events);
    });
    await this.outbox.publish(events);
    this.logger.log(`Imported ${backup.itemCount} object(s) into backup ${backup.id} of tenant ${command.tenantId}`);
    return { backup, report };
  }
}
