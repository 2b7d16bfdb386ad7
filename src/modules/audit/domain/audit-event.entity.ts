import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One security-relevant action. Append-only: the table rejects UPDATE and DELETE (trigger, see the migration). */
@Entity({ name: 'audit_events' })
@Index('audit_events_tenant_seq', ['tenantId', 'seq'])
export class AuditEventEntity {
  /** Monotonic key: the keyset cursor and the order of the trail. */
  @PrimaryGeneratedColumn({ type: 'bigint', name: 'seq' }) seq: string;
  /** `tid:oid` of the user, or `system:<component>` for unattended work. */
  @Column({ name: 'actor_id', type: 'varchar', length: 200 }) actorId: string;
  @Column({ name: 'actor_upn', type: 'varchar', length: 320, nullable: true }) actorUpn: string | null;
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId: string | null;
  @Column({ type: 'varchar', length: 100 }) action: string;
  @Column({ name: 'target_type', type: 'varchar', length: 100 }) targetType: string;
  @Column({ name: 'target_id', type: 'varchar', length: 200, nullable: true }) targetId: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) metadata: Record<string, unknown>;
  @Column({ name: 'request_id', type: 'varchar', length: 100, nullable: true }) requestId: string | null;
  @CreateDateColumn({ name: 'at', type: 'timestamptz' }) at: Date;
}
