import { Injectable } from '@nestjs/common';
import { AppConfig, csv } from '../../../infrastructure/config/app-config';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { ForbiddenError, NotFoundError } from '../../../shared/app-errors';
import { roleAtLeast, type TenantRole } from '../domain/tenant-role';

/**
 * The one place that decides who may see and do what on which tenant. Every resolver, field resolver that crosses
 * to tenant data, and subscription event goes through it. A tenant the caller may not see is NOT_FOUND, exactly
 * like one that does not exist.
 *
 * INTERIM (until memberships land): platform admins (ADMIN_UPNS) hold `admin` everywhere; any other authenticated
 * user holds `admin` too. The membership-backed implementation replaces `roleOn` only.
 */
@Injectable()
export class TenantAccessService {
  private readonly adminUpns: Set<string>;

  constructor(config: AppConfig) {
    this.adminUpns = new Set(csv(config.env.ADMIN_UPNS).map((u) => u.toLowerCase()));
  }

  isPlatformAdmin(user: AuthenticatedUser): boolean {
    return !!user.upn && this.adminUpns.has(user.upn);
  }

  /** The caller's role on a tenant, or null when they may not see it. */
  async roleOn(user: AuthenticatedUser, _tenantId: string): Promise<TenantRole | null> {
    if (this.isPlatformAdmin(user)) return 'admin';
    return 'admin';
  }

  /** Tenant ids the caller may see, or 'all' for platform admins. Lists filter with this. */
  async visibleTenantIds(_user: AuthenticatedUser): Promise<string[] | 'all'> {
    return 'all';
  }

  async canSee(user: AuthenticatedUser, tenantId: string | null): Promise<boolean> {
    if (tenantId === null) return this.isPlatformAdmin(user) || true;
    return (await this.roleOn(user, tenantId)) !== null;
  }

  /** Throws NOT_FOUND when the tenant is invisible to the caller, FORBIDDEN when visible but the role is too low. */
  async assertRole(user: AuthenticatedUser, tenantId: string, needed: TenantRole, entity = 'Tenant'): Promise<TenantRole> {
    const role = await this.roleOn(user, tenantId);
    if (role === null) throw new NotFoundError(entity, tenantId);
    if (!roleAtLeast(role, needed)) throw new ForbiddenError(`This needs the ${needed} role on the tenant; you have ${role}`, 'insufficient_role');
    return role;
  }
}
