import type { SourceItem } from '../domain/restore-model';

/** What restore reads from a backup: the backups module's facade (BackupsFacade) satisfies it as it is. */
export interface RestoreBackupSource {
  findBackup(backupId: string): Promise<{ id: string; tenantId: string; status: string } | null>;
  itemsOf(backupId: string, filter?: { itemIds?: string[]; types?: string[] }): AsyncIterable<SourceItem>;
}

export const RESTORE_BACKUP_SOURCE = Symbol('RESTORE_BACKUP_SOURCE');
