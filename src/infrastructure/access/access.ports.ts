import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { TenantRole } from './tenant-role';

/**
 * What access control needs from the bounded contexts that own the facts. The platform layer never imports a module:
 * the composition root (AppModule) binds each port to the owning module's facade.
 */

/** Memberships, owned by rbac. */
export abstract class MembershipDirectory {
  /**
   * The caller's roles on these tenants (absent: no membership). A grant made by UPN before the user's first sign-in
   * is bound to the caller's identity on the way.
   */
  abstract rolesOf(user: AuthenticatedUser, tenantIds: readonly string[]): Promise<Map<string, TenantRole>>;
  /** Ids of every tenant the caller holds a membership on. */
  abstract tenantIdsOf(user: AuthenticatedUser): Promise<string[]>;
}

/** Which tenants exist (archived ones too: their history stays readable), owned by tenants. */
export abstract class TenantRegistry {
  abstract existing(tenantIds: readonly string[]): Promise<Set<string>>;
}

export interface AccessDenial {
  user: AuthenticatedUser;
  tenantId: string;
  needed: TenantRole;
  reason: 'not_a_member' | 'insufficient_role';
  entity: string;
  requestId?: string;
}

/** Where refused access to an existing tenant is recorded, owned by audit. */
export abstract class AccessAuditLog {
  abstract recordDenial(denial: AccessDenial): Promise<void>;
}
