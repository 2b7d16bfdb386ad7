import type { DiffRow, PolicyDiffSide } from '../../backups';
import type { SourceItem } from '../domain/restore-model';

/** What restore reads from a backup: the backups module's facade (BackupsFacade) satisfies it as it is. */
export interface RestoreBackupSource {
  findBackup(backupId: string): Promise<{ id: string; tenantId: string; status: string } | null>;
  itemsOf(backupId: string, filter?: { itemIds?: string[]; types?: string[] }): AsyncIterable<SourceItem>;
  /** The backups module's semantic diff (labels, natural keys, group names, secrets masked): one meaning of "changed". */
  diffPolicies(typeKey: string, left: PolicyDiffSide, right: PolicyDiffSide): Promise<DiffRow[]>;
  /** The hashes a backup would record: equal hashes are "identical after normalisation". */
  contentHashes(
    typeKey: string,
    payload: Record<string, unknown>,
    assignments: Record<string, unknown>[],
  ): { payloadHash: string; assignmentsHash: string };
}

export const RESTORE_BACKUP_SOURCE = Symbol('RESTORE_BACKUP_SOURCE');
