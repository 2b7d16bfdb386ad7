import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One object in an item set (shared by every backup that references the set): metadata plus the content addresses of
 * its payload and assignment set (immutable).
 */
@Entity({ name: 'backup_items' })
export class BackupItem {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'set_id', type: 'uuid' }) setId: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'type_key', type: 'text' }) typeKey: string;
  /** The object id in Microsoft Graph (or in the imported file). */
  @Column({ name: 'source_id', type: 'text' }) sourceId: string;
  @Column({ name: 'display_name', type: 'text' }) displayName: string;
  @Column({ name: 'odata_type', type: 'text', nullable: true }) odataType: string | null;
  @Column({ name: 'payload_hash', type: 'char', length: 64 }) payloadHash: string;
  @Column({ name: 'assignments_hash', type: 'char', length: 64 }) assignmentsHash: string;
  @Column({ name: 'version_id', type: 'uuid' }) versionId: string;
  @Column({ name: 'needs_secret_reentry', type: 'boolean' }) needsSecretReentry: boolean;
  @Column({ name: 'secret_paths', type: 'text', array: true }) secretPaths: string[];
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
