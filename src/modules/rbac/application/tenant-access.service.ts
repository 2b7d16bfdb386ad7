import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type FindOptionsWhere, In, IsNull, type Repository } from 'typeorm';
import { AppConfig, csv } from '../../../infrastructure/config/app-config';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { ForbiddenError, NotFoundError } from '../../../shared/app-errors';
import { AuditTrail } from '../../audit';
import { TenantMembershipEntity } from '../domain/tenant-membership.entity';
import { roleAtLeast, type TenantRole } from '../domain/tenant-role';
import { isUuid } from '../../../shared/uuid';
import { TenantDirectory } from './tenant-directory.port';

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
    @InjectRepository(TenantMembershipEntity) private readonly memberships: Repository<TenantMembershipEntity>,
    private readonly tenants: TenantDirectory,
    private readonly audit: AuditTrail,
  ) {
    this.adminUpns = new Set(csv(config.env.ADMIN_UPNS).map((u) => u.toLowerCase()));
  }

  isPlatformAdmin(user: AuthenticatedUser): boolean {
    return !!user.upn && this.adminUpns.has(user.upn.toLowerCase());
  }

  /** The caller's role on a tenant, or null when they may not see it (or it does not exist). */
  async roleOn(user: AuthenticatedUser, tenantId: string): Promise<TenantRole | null> {
    if (!isUuid(tenantId)) return null;
    if (this.isPlatformAdmin(user)) return (await this.tenants.exists(tenantId)) ? 'admin' : null;
    const membership = await this.membershipOf(user, tenantId);
    return membership?.role ?? null;
  }

  /** roleOn for many tenants at once (lists): one query, however many ids. Tenants the caller may not see are absent. */
  async rolesOn(user: AuthenticatedUser, tenantIds: string[]): Promise<Map<string, TenantRole>> {
    const ids = [...new Set(tenantIds.filter(isUuid))];
    if (ids.length === 0) return new Map();
    if (this.isPlatformAdmin(user)) {
      const existing = await this.tenants.existing(ids);
      return new Map(ids.filter((id) => existing.has(id)).map((id) => [id, 'admin']));
    }
    const byTenant = new Map<string, TenantMembershipEntity[]>();
    for (const row of await this.memberships.find({
      where: this.ownedBy(user).map((w) => ({ ...w, tenantId: In(ids) })),
    })) {
      byTenant.set(row.tenantId, [...(byTenant.get(row.tenantId) ?? []), row]);
    }
    const held = await Promise.all(
      [...byTenant].map(async ([id, rows]) => [id, (await this.effective(user, rows))?.role] as const),
    );
    return new Map(held.filter((entry): entry is readonly [string, TenantRole] => entry[1] !== undefined));
  }

  /** Tenant ids the caller may see, or 'all' for platform admins. Lists filter with this. */
  async visibleTenantIds(user: AuthenticatedUser): Promise<string[] | 'all'> {
    if (this.isPlatformAdmin(user)) return 'all';
    const rows = await this.memberships.find({ where: this.ownedBy(user), select: { tenantId: true } });
    return [...new Set(rows.map((r) => r.tenantId))];
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
      if (isUuid(tenantId) && (await this.tenants.exists(tenantId)))
        await this.recordDenial(user, tenantId, needed, 'not_a_member', entity, requestId);
      throw new NotFoundError(entity, tenantId);
    }
    if (!roleAtLeast(role, needed)) {
      await this.recordDenial(user, tenantId, needed, 'insufficient_role', entity, requestId);
      throw new ForbiddenError(`This needs the ${needed} role on the tenant; you have ${role}`, 'insufficient_role');
    }
    return role;
  }

  private async membershipOf(user: AuthenticatedUser, tenantId: string): Promise<TenantMembershipEntity | null> {
    return this.effective(
      user,
      await this.memberships.find({ where: this.ownedBy(user).map((w) => ({ ...w, tenantId })) }),
    );
  }

  /** Of the caller's rows on one tenant: the one bound to them, else a UPN grant, bound to them now. */
  private async effective(
    user: AuthenticatedUser,
    rows: TenantMembershipEntity[],
  ): Promise<TenantMembershipEntity | null> {
    const bound = rows.find((r) => r.userId === user.id);
    if (bound) return bound;
    const unbound = rows.find((r) => r.userId === null);
    if (!unbound) return null;
    // First sign-in with this UPN: bind the grant to this identity (conditional, so two racing identities cannot both
    // win; a lost race against our own parallel request re-reads and finds the row bound to us).
    const result = await this.memberships.update(
      { id: unbound.id, userId: IsNull() },
      { userId: user.id, boundAt: new Date() },
    );
    if (result.affected) return { ...unbound, userId: user.id };
    return this.memberships.findOne({ where: { id: unbound.id, userId: user.id } });
  }

  private ownedBy(user: AuthenticatedUser): Array<FindOptionsWhere<TenantMembershipEntity>> {
    const byId = { userId: user.id };
    return user.upn ? [byId, { userId: IsNull(), userUpn: user.upn.toLowerCase() }] : [byId];
  }

  private recordDenial(
    user: AuthenticatedUser,
    tenantId: string,
    needed: TenantRole,
    reason: string,
    entity: string,
    requestId?: string,
  ): Promise<void> {
    return this.audit.record({
      actor: { id: user.id, upn: user.upn },
      tenantId,
      action: 'access.denied',
      target: { type: entity.toLowerCase(), id: tenantId },
      metadata: { needed, reason },
      requestId,
    });
  }
}
