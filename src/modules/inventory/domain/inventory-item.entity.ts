import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What TenantAtlas last observed of one Intune object: metadata and a whitelisted `meta` only, never the payload
 * (constitution: inventory-first, data minimization). Full payloads live in backups.
 */
@Entity({ name: 'inventory_items' })
@Index('uq_inventory_items_object', ['tenantId', 'typeKey', 'externalId'], { unique: true })
export class InventoryItem {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'type_key', type: 'text' }) typeKey: string;
  @Column({ name: 'external_id', type: 'text' }) externalId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'odata_type', type: 'text', nullable: true }) odataType: string | null;
  @Column({ type: 'text', nullable: true }) platform: string | null;
  @Column({ name: 'last_modified_at', type: 'timestamptz', nullable: true }) lastModifiedAt: Date | null;
  @Column({ type: 'text', nullable: true }) version: string | null;
  @Column({ name: 'scope_tag_ids', type: 'text', array: true, default: () => "'{}'" }) scopeTagIds: string[];
  @Column({ type: 'jsonb', default: () => "'{}'" }) meta: Record<string, unknown>;
  @Column({ name: 'first_seen_at', type: 'timestamptz' }) firstSeenAt: Date;
  @Column({ name: 'last_seen_at', type: 'timestamptz' }) lastSeenAt: Date;
  @Column({ name: 'last_seen_run_id', type: 'uuid' }) lastSeenRunId: string;
  @Column({ name: 'missing_since', type: 'timestamptz', nullable: true }) missingSince: Date | null;
}
