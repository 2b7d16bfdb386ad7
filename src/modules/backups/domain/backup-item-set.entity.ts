import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The items of one type as one or more backups hold them, stored once per (tenant, type, content hash) (immutable).
 * `setHash` is null only for a set migration 1764240000000 kept apart from an identical one; it is never reused.
 */
@Entity({ name: 'backup_item_sets' })
export class BackupItemSet {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'type_key', type: 'text' }) typeKey: string;
  @Column({ name: 'set_hash', type: 'char', length: 64, nullable: true }) setHash: string | null;
  @Column({ name: 'item_count', type: 'integer' }) itemCount: number;
  /** The backup that wrote the set (it may have been pruned since). */
  @Column({ name: 'first_backup_id', type: 'uuid', nullable: true }) firstBackupId: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A backup's item set for one type (immutable). */
@Entity({ name: 'backup_set_refs' })
export class BackupSetRef {
  @PrimaryColumn({ name: 'backup_id', type: 'uuid' }) backupId: string;
  @PrimaryColumn({ name: 'type_key', type: 'text' }) typeKey: string;
  @Column({ name: 'set_id', type: 'uuid' }) setId: string;
}
