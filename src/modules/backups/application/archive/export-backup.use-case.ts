import { Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { AuditFacade } from '../../../audit';
import { TenantsFacade } from '../../../tenants';
import type { BackupView } from '../backup-views';
import { BackupsFacade } from '../backups.facade';
import { writeBackupArchive, type ExportSummary } from './archive-writer';

/**
 * Streams a completed backup as a `.zip` (IntuneManagement layout + manifest). The caller has checked access; the
 * export is audited (a whole tenant's configuration leaving the system is security-relevant) before the first byte.
 */
@Injectable()
export class ExportBackupUseCase {
  constructor(
    private readonly backups: BackupsFacade,
    private readonly tenants: TenantsFacade,
    private readonly audit: AuditFacade,
  ) {}

  fileName(backup: BackupView): string {
    return `backup-${backup.createdAt.toISOString().replace(/[:.]/g, '-')}-${backup.id.slice(0, 8)}.zip`;
  }

  async execute(
    backup: BackupView,
    actor: { id: string; upn?: string | null },
    out: Writable,
    requestId?: string | null,
  ): Promise<ExportSummary> {
    const tenant = await this.tenants.findActive(backup.tenantId);
    await this.audit.record({
      actor,
      tenantId: backup.tenantId,
      action: 'backup.exported',
      target: { type: 'backup', id: backup.id },
      metadata: { objects: backup.itemCount },
      requestId: requestId ?? null,
    });
    return writeBackupArchive(
      {
        tenantId: backup.tenantId,
        tenantName: tenant?.displayName ?? null,
        backupId: backup.id,
        backupCreatedAt: backup.createdAt.toISOString(),
        source: backup.source,
      },
      this.backups.itemsOf(backup.id),
      out,
    );
  }
}
