import type { GraphCallStats } from '../../../infrastructure/graph';
import type { DiffRow } from '../domain/policy-diff';

export interface BackupCompareLiveContext {
  backupItemId: string;
}

/** What a `backup.compare-live` run stores as its result: the backup item against the object in Graph now. */
export interface BackupCompareLiveResult {
  backupItemId: string;
  typeKey: string;
  sourceId: string;
  displayName: string;
  /** False when the object no longer exists in the tenant. */
  found: boolean;
  payloadChanged: boolean;
  assignmentsChanged: boolean;
  /** Backup on the left, live on the right; at most 500 rows. */
  rows: DiffRow[];
  truncated: boolean;
  graph: ReturnType<GraphCallStats['toJSON']>;
}

declare module '../../../infrastructure/runs' {
  interface RunTypeMap {
    'backup.compare-live': { context: BackupCompareLiveContext; result: BackupCompareLiveResult };
  }
}
