import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Cached Entra group of a tenant, for restore group mapping (read without calling Graph). */
@Entity({ name: 'directory_groups' })
@Index('uq_directory_groups_group', ['tenantId', 'externalId'], { unique: true })
export class DirectoryGroup {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'external_id', type: 'text' }) externalId: string;
  @Column({ name: 'display_name', type: 'text' }) displayName: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'text', nullable: true }) mail: string | null;
  @Column({ name: 'security_enabled', type: 'boolean', default: false }) securityEnabled: boolean;
  @Column({ name: 'mail_enabled', type: 'boolean', default: false }) mailEnabled: boolean;
  @Column({ name: 'group_types', type: 'text', array: true, default: () => "'{}'" }) groupTypes: string[];
  @Column({ name: 'has_membership_rule', type: 'boolean', default: false }) hasMembershipRule: boolean;
  @Column({ name: 'first_seen_at', type: 'timestamptz' }) firstSeenAt: Date;
  @Column({ name: 'last_seen_at', type: 'timestamptz' }) lastSeenAt: Date;
  @Column({ name: 'last_seen_run_id', type: 'uuid' }) lastSeenRunId: string;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt: Date | null;
}
