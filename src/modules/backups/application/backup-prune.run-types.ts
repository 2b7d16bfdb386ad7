/** `backup.prune` takes no parameters: the tenant's retention setting at run time decides. */
export type BackupPruneContext = Record<string, never>;

/** What a `backup.prune` run stores as its result. */
export interface BackupPruneResult {
  keepLast: number | null;
  keepDays: number | null;
  /** Ids of the backups deleted. */
  prunedBackupIds: string[];
  keptBackups: number;
  /** Item rows deleted: those of the item sets no kept backup references (a shared set and its items stay). */
  deletedItems: number;
  /** Item sets no kept backup references any more. */
  deletedItemSets: number;
  deletedVersions: number;
  /** Payload and assignment-set rows no remaining item referenced; shared ones stay. */
  deletedPayloads: number;
}

declare module '../../../infrastructure/runs' {
  interface RunTypeMap {
    'backup.prune': { context: BackupPruneContext; result: BackupPruneResult };
  }
}
