import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RunHandler, type OperationRunHandler, type RunAttemptContext } from '../../../../infrastructure/runs';
import { type RunHandlerResult } from '../../../../infrastructure/runs';
import { AuditFacade } from '../../../audit';
import { backupsToPrune } from '../../domain/retention';
import {
  allowBackupDeletion,
  deleteSetReferences,
  deleteUnreferencedPayloads,
  deleteUnreferencedVersions,
} from '../backup-deletion';
import type { BackupPruneResult } from '../backup-prune.run-types';
import { BackupRetentionService } from './backup-retention.service';

/**
 * `backup.prune`: applies the tenant's retention setting. One transaction opens the deletion door of the
 * immutability triggers (`allowBackupDeletion`, which also holds the tenant's content lock so no concurrent backup
 * can reuse a payload being deleted), decides what to delete from the completed backups it then sees, and deletes
 * their set references, the item sets (with their items) no remaining backup references (a set shared with a kept
 * backup stays), the backups, versions left without items, and the payload rows no remaining item references (a
 * payload shared with a kept backup stays), writing one `backup.pruned` audit row per backup. Commit or nothing.
 * Locked per tenant like `backup.create`, so a prune never runs beside a backup of the same tenant.
 */
@RunHandler({
  type: 'backup.prune',
  title: 'Backup retention',
  requiresTenant: true,
  dedupe: 'tenant',
  lock: 'tenant',
  timeoutMs: 10 * 60_000,
  maxAttempts: 2,
})
export class BackupPruneHandler implements OperationRunHandler<'backup.prune'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly retention: BackupRetentionService,
    private readonly audit: AuditFacade,
  ) {}

  async execute(run: RunAttemptContext<'backup.prune'>): Promise<RunHandlerResult<BackupPruneResult>> {
    const tenantId = run.tenantId!;
    const policy = await this.retention.get(tenantId);
    const result: BackupPruneResult = {
      ...policy,
      prunedBackupIds: [],
      keptBackups: 0,
      deletedItems: 0,
      deletedItemSets: 0,
      deletedVersions: 0,
      deletedPayloads: 0,
    };
    await this.db.transaction(async (manager) => {
      await allowBackupDeletion(manager, tenantId);
      const completed: Array<{ id: string; createdAt: Date; itemCount: number; source: string }> = await manager.query(
        `SELECT id, created_at AS "createdAt", item_count AS "itemCount", source
           FROM backups WHERE tenant_id = $1 AND status = 'completed'`,
        [tenantId],
      );
      const doomed = new Set(backupsToPrune(completed, policy, new Date()));
      result.keptBackups = completed.length - doomed.size;
      if (doomed.size === 0) return;
      const ids = [...doomed];
      const sets = await deleteSetReferences(manager, ids);
      await manager.query(`DELETE FROM backups WHERE id = ANY($1::uuid[])`, [ids]);
      result.deletedItems = sets.deletedItems;
      result.deletedItemSets = sets.deletedSets;
      result.deletedVersions = await deleteUnreferencedVersions(manager, tenantId);
      result.deletedPayloads = await deleteUnreferencedPayloads(manager, tenantId, sets.payloadHashes);
      for (const backup of completed.filter((b) => doomed.has(b.id))) {
        await this.audit.record(
          {
            actor: { id: run.initiatorUserId ?? 'system' },
            tenantId,
            action: 'backup.pruned',
            target: { type: 'backup', id: backup.id },
            metadata: {
              runId: run.runId,
              createdAt: backup.createdAt,
              itemCount: backup.itemCount,
              source: backup.source,
              keepLast: policy.keepLast,
              keepDays: policy.keepDays,
            },
          },
          manager,
        );
      }
      result.prunedBackupIds = ids;
    });
    return {
      summary: {
        total: result.prunedBackupIds.length + result.keptBackups,
        processed: result.prunedBackupIds.length + result.keptBackups,
        succeeded: result.prunedBackupIds.length,
        skipped: result.keptBackups,
        deletedPayloads: result.deletedPayloads,
      },
      result,
    };
  }
}
