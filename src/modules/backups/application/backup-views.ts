import type { Backup, BackupSource, BackupStatus } from '../domain/backup.entity';

/** A backup as other modules see it. */
export interface BackupView {
  id: string;
  tenantId: string;
  source: BackupSource;
  status: BackupStatus;
  createdAt: Date;
  completedAt: Date | null;
  itemCount: number;
}

/** One backed-up object with its raw content, as other modules (restore, export, diff) see it. */
export interface BackupItemView {
  id: string;
  backupId: string;
  tenantId: string;
  typeKey: string;
  sourceId: string;
  displayName: string;
  odataType: string | null;
  /**
   * The raw JSON exactly as Graph returned it (key order kept), sub-resources inline as `$expand` returns them: the
   * IntuneManagement export layout without `assignments`.
   */
  payload: Record<string, unknown>;
  /** The raw Graph assignment objects. */
  assignments: Record<string, unknown>[];
  payloadHash: string;
  assignmentsHash: string;
  needsSecretReentry: boolean;
  secretPaths: string[];
  versionId: string;
}

/** One object to record, from Graph (`backup.create`) or from a file (import). */
export interface SnapshotInput {
  typeKey: string;
  sourceId: string;
  displayName: string;
  odataType: string | null;
  payload: Record<string, unknown>;
  assignments: Record<string, unknown>[];
}

export interface RecordBackupInput {
  tenantId: string;
  source: BackupSource;
  runId?: string | null;
  label?: string;
}

/** What `recordBackup` returns: the completed backup and what it added. */
export interface RecordedBackup extends BackupView {
  countsByType: Record<string, number>;
  needsSecretReentryCount: number;
  newPayloads: number;
  newVersions: number;
  /** Item sets this backup wrote (one per type whose items differ from every set the tenant already stores). */
  newItemSets: number;
}

export function toBackupView(row: Backup): BackupView {
  return {
    id: row.id,
    tenantId: row.tenantId,
    source: row.source,
    status: row.status,
    createdAt: row.createdAt,
    completedAt: row.completedAt,
    itemCount: row.itemCount,
  };
}
