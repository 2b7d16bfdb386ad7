import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A tenant's backup schedule; the BullMQ job scheduler is derived from it (and rebuilt from it). */
@Entity({ name: 'backup_schedules' })
export class BackupSchedule {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ type: 'text' }) cron: string;
  @Column({ name: 'updated_by', type: 'text', nullable: true }) updatedBy: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
