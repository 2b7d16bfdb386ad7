import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The ID ledger: this source object was restored as that target object; later restores update it, never re-create. */
@Entity({ name: 'restore_id_ledger' })
export class RestoreLedgerEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'source_tenant_id', type: 'uuid' }) sourceTenantId: string;
  @Column({ name: 'type_key', type: 'text' }) typeKey: string;
  @Column({ name: 'source_id', type: 'text' }) sourceId: string;
  @Column({ name: 'target_tenant_id', type: 'uuid' }) targetTenantId: string;
  @Column({ name: 'target_id', type: 'text' }) targetId: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
}
