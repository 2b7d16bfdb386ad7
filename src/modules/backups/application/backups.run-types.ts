import type { GraphCallStats } from '../../../infrastructure/graph';

export interface BackupCreateContext {
  /** Limit the backup to these type keys (default: every contract type). */
  types?: string[];
  /** Limit the backup to these Graph object ids. */
  itemIds?: string[];
}

export type BackupTypeStatus = 'backedUp' | 'skipped' | 'failed';

/** What a `backup.create` run stores as its result. */
export interface BackupCreateResult {
  backupId: string | null;
  types: Record<string, { status: BackupTypeStatus; objects: number; failedObjects: number; reason: string | null }>;
  newPayloads: number;
  newVersions: number;
  needsSecretReentry: number;
  graph: ReturnType<GraphCallStats['toJSON']>;
}

declare module '../../../infrastructure/runs' {
  interface RunTypeMap {
    'backup.create': { context: BackupCreateContext; result: BackupCreateResult };
  }
}
