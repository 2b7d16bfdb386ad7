import { Column, Entity, PrimaryColumn } from 'typeorm';

export type InventoryTypeStatus = 'synced' | 'skipped' | 'failed';

/** The outcome of the latest pass of one object type for one tenant (for inventorySummary). */
@Entity({ name: 'inventory_type_states' })
export class InventoryTypeState {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @PrimaryColumn({ name: 'type_key', type: 'text' }) typeKey: string;
  @Column({ type: 'text' }) status: InventoryTypeStatus;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'last_run_id', type: 'uuid' }) lastRunId: string;
  @Column({ name: 'last_attempt_at', type: 'timestamptz' }) lastAttemptAt: Date;
  @Column({ name: 'last_complete_sync_at', type: 'timestamptz', nullable: true }) lastCompleteSyncAt: Date | null;
}
