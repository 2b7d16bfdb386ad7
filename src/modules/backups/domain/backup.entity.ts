import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type BackupSource = 'graph' | 'import';
export type BackupStatus = 'running' | 'completed' | 'failed';

/** One point-in-time snapshot of a tenant; frozen by the database once it is no longer running. */
@Entity({ name: 'backups' })
export class Backup {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ type: 'text' }) source: BackupSource;
  @Column({ type: 'text' }) status: BackupStatus;
  @Column({ name: 'run_id', type: 'uuid', nullable: true }) runId: string | null;
  @Column({ type: 'text', nullable: true }) label: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ name: 'item_count', type: 'integer' }) itemCount: number;
  /** Items per contract type key. */
  @Column({ name: 'counts_by_type', type: 'jsonb' }) countsByType: Record<string, number>;
  @Column({ name: 'needs_secret_reentry_count', type: 'integer' }) needsSecretReentryCount: number;
  /** Payload and assignment-set rows this backup stored for the first time (0 for an unchanged tenant). */
  @Column({ name: 'new_payload_count', type: 'integer' }) newPayloadCount: number;
  @Column({ name: 'new_version_count', type: 'integer' }) newVersionCount: number;
}
