/** Announced (outbox, after commit) by every `backup.create` run that completed a backup. */
export interface BackupCompleted {
  tenantId: string;
  backupId: string;
  runId: string | null;
  source: 'graph' | 'import';
  itemCount: number;
  /** Items per contract type key. */
  countsByType: Record<string, number>;
  /** Objects whose payload or assignments differ from their previous version (first backups: every object). */
  newVersions: number;
  newPayloads: number;
  needsSecretReentry: number;
  at: Date;
}

declare module '../../../infrastructure/events/event-map' {
  interface EventMap {
    'backup.completed': BackupCompleted;
  }
}
