import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A distinct (payload, assignments) state of one object, numbered from 1 per (tenant, type, source id). */
@Entity({ name: 'policy_versions' })
export class PolicyVersion {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'type_key', type: 'text' }) typeKey: string;
  @Column({ name: 'source_id', type: 'text' }) sourceId: string;
  @Column({ name: 'version_number', type: 'integer' }) versionNumber: number;
  @Column({ name: 'payload_hash', type: 'char', length: 64 }) payloadHash: string;
  @Column({ name: 'assignments_hash', type: 'char', length: 64 }) assignmentsHash: string;
  /** The backup that first saw this state (null once retention removed it). */
  @Column({ name: 'first_backup_id', type: 'uuid', nullable: true }) firstBackupId: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
