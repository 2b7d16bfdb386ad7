import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TenantRole } from '../../../infrastructure/access';

/**
 * A user's role on one tenant. Granted by UPN (what an admin knows), bound to `tid:oid` on the user's first
 * sign-in; from then on only that identity holds it (a recycled UPN does not inherit access).
 */
@Entity({ name: 'tenant_memberships' })
export class TenantMembershipEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  /** Lower-cased. */
  @Column({ name: 'user_upn', type: 'varchar', length: 320 }) userUpn: string;
  @Column({ name: 'user_id', type: 'varchar', length: 200, nullable: true }) userId: string | null;
  @Column({ type: 'varchar', length: 16 }) role: TenantRole;
  @Column({ name: 'granted_by', type: 'varchar', length: 200 }) grantedBy: string;
  @Column({ name: 'granted_at', type: 'timestamptz', default: () => 'now()' }) grantedAt: Date;
  @Column({ name: 'bound_at', type: 'timestamptz', nullable: true }) boundAt: Date | null;
}
