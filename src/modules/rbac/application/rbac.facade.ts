import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type FindOptionsWhere, In, IsNull, type Repository } from 'typeorm';
import type { MembershipDirectory, TenantRole } from '../../../infrastructure/access';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { TenantMembershipEntity } from '../domain/tenant-membership.entity';

/**
 * Memberships as the platform access layer reads them (it binds MembershipDirectory to this class at composition).
 * A grant is made by UPN (what an admin knows) and bound to the user's `tid:oid` at their first sign-in.
 */
@Injectable()
export class RbacFacade implements MembershipDirectory {
  constructor(
    @InjectRepository(TenantMembershipEntity) private readonly memberships: Repository<TenantMembershipEntity>,
  ) {}

  /** One query, however many ids. */
  async rolesOf(user: AuthenticatedUser, tenantIds: readonly string[]): Promise<Map<string, TenantRole>> {
    const byTenant = new Map<string, TenantMembershipEntity[]>();
    const where = this.ownedBy(user).map((w) => ({ ...w, tenantId: In([...tenantIds]) }));
    for (const row of await this.memberships.find({ where })) {
      byTenant.set(row.tenantId, [...(byTenant.get(row.tenantId) ?? []), row]);
    }
    const held = await Promise.all(
      [...byTenant].map(async ([id, rows]) => [id, (await this.effective(user, rows))?.role] as const),
    );
    return new Map(held.filter((entry): entry is readonly [string, TenantRole] => entry[1] !== undefined));
  }

  async tenantIdsOf(user: AuthenticatedUser): Promise<string[]> {
    const rows = await this.memberships.find({ where: this.ownedBy(user), select: { tenantId: true } });
    return rows.map((r) => r.tenantId);
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
}
