import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A tenant's retention setting; no row means keep every backup. */
@Entity({ name: 'backup_retention_policies' })
export class BackupRetentionPolicy {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'keep_last', type: 'integer', nullable: true }) keepLast: number | null;
  @Column({ name: 'keep_days', type: 'integer', nullable: true }) keepDays: number | null;
  @Column({ name: 'updated_by', type: 'text', nullable: true }) updatedBy: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
