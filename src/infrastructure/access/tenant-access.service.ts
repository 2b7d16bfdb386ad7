import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AppConfig, csv } from '../config/app-config';
import { ForbiddenError, NotFoundError } from '../../shared/app-errors';
import { isUuid } from '../../shared/uuid';
import { AccessAuditLog, MembershipDirectory, TenantRegistry } from './access.ports';
import { roleAtLeast, type TenantRole } from './tenant-role';

/**
 * The one place that decides who may see and do what on which tenant. Every resolver, field resolver that crosses
 * to tenant data, and subscription event goes through it. A tenant the caller may not see is NOT_FOUND, exactly
 * like one that does not exist. Platform admins (ADMIN_UPNS, matched on the token's upn) see every tenant; anyone
 * else sees the tenants they hold a membership on.
 */
@Injectable()
export class TenantAccessService {
  private readonly adminUpns: Set<string>;

  constructor(
    config: AppConfig,
    private readonly memberships: MembershipDirectory,
    private readonly tenants: TenantRegistry,
    private readonly audit: AccessAuditLog,
  ) {
    this.adminUpns = new Set(csv(config.env.ADMIN_UPNS).map((u) => u.toLowerCase()));
  }

  isPlatformAdmin(user: AuthenticatedUser): boolean {
    return !!user.upn && this.adminUpns.has(user.upn.toLowerCase());
  }

  /** The caller's role on a tenant, or null when they may not see it (or it does not exist). */
  async roleOn(user: AuthenticatedUser, tenantId: string): Promise<TenantRole | null> {
    return (await this.rolesOn(user, [tenantId])).get(tenantId) ?? null;
  }

  /** roleOn for many tenants at once (lists): one query, however many ids. Tenants the caller may not see are absent. */
  async rolesOn(user: AuthenticatedUser, tenantIds: string[]): Promise<Map<string, TenantRole>> {
    const ids = [...new Set(tenantIds.filter(isUuid))];
    if (ids.length === 0) return new Map();
    if (this.isPlatformAdmin(user)) {
      const existing = await this.tenants.existing(ids);
      return new Map(ids.filter((id) => existing.has(id)).map((id) => [id, 'admin']));
    }
    return this.memberships.rolesOf(user, ids);
  }

  /** Tenant ids the caller may see, or 'all' for platform admins. Lists filter with this. */
  async visibleTenantIds(user: AuthenticatedUser): Promise<string[] | 'all'> {
    if (this.isPlatformAdmin(user)) return 'all';
    return [...new Set(await this.memberships.tenantIdsOf(user))];
  }

  /** `tenantId === null` (workspace-wide objects such as system runs): platform admins only. */
  async canSee(user: AuthenticatedUser, tenantId: string | null): Promise<boolean> {
    if (tenantId === null) return this.isPlatformAdmin(user);
    return (await this.roleOn(user, tenantId)) !== null;
  }

  /**
   * Throws NOT_FOUND when the tenant is invisible to the caller, FORBIDDEN when visible but the role is too low.
   * A refusal on a tenant that exists is audited (`access.denied`); the caller cannot tell the two NOT_FOUNDs apart.
   */
  async assertRole(
    user: AuthenticatedUser,
    tenantId: string,
    needed: TenantRole,
    entity = 'Tenant',
    requestId?: string,
  ): Promise<TenantRole> {
    const role = await this.roleOn(user, tenantId);
    if (role === null) {
      if (isUuid(tenantId) && (await this.tenants.existing([tenantId])).has(tenantId)) {
        await this.audit.recordDenial({ user, tenantId, needed, reason: 'not_a_member', entity, requestId });
      }
      throw new NotFoundError(entity, tenantId);
    }
    if (!roleAtLeast(role, needed)) {
      await this.audit.recordDenial({ user, tenantId, needed, reason: 'insufficient_role', entity, requestId });
      throw new ForbiddenError(`This needs the ${needed} role on the tenant; you have ${role}`, 'insufficient_role');
    }
    return role;
  }
}
