import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RestoreMode, RestorePlanStatus } from './restore-model';

/** A reviewable restore plan: what preview found, what confirm accepted (by hash), what execute ran. */
@Entity({ name: 'restore_plans' })
export class RestorePlan {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'source_tenant_id', type: 'uuid' }) sourceTenantId: string;
  @Column({ name: 'target_tenant_id', type: 'uuid' }) targetTenantId: string;
  @Column({ name: 'backup_id', type: 'uuid' }) backupId: string;
  @Column({ type: 'text' }) mode: RestoreMode;
  @Column({ name: 'include_assignments', type: 'boolean' }) includeAssignments: boolean;
  @Column({ type: 'jsonb', default: () => "'{}'" }) selection: { itemIds?: string[]; types?: string[] };
  @Column({ type: 'text' }) status: RestorePlanStatus;
  @Column({ name: 'plan_hash', type: 'text', nullable: true }) planHash: string | null;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt: Date | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) counts: Record<string, number>;
  @Column({ name: 'preview_run_id', type: 'uuid' }) previewRunId: string;
  @Column({ name: 'execute_run_id', type: 'uuid', nullable: true }) executeRunId: string | null;
  @Column({ name: 'created_by', type: 'text', nullable: true }) createdBy: string | null;
  @Column({ name: 'confirmed_by', type: 'text', nullable: true }) confirmedBy: string | null;
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true }) confirmedAt: Date | null;
  @Column({ name: 'executed_at', type: 'timestamptz', nullable: true }) executedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
