import { Args, Query, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { CurrentUser } from '../../../infrastructure/auth/current-user.decorator';
import { NotFoundError } from '../../../shared/app-errors';
import { RequireAuthenticated, RequireTenantRole, TenantAccessService } from '../../../infrastructure/access';
import { TenantEntity } from '../domain/tenant.entity';
import { TenantByIdArgs } from './tenant.inputs';
import { Tenant } from './tenant.type';
import { toTenant } from './to-tenant';

@Resolver(() => Tenant)
export class TenantsResolver {
  constructor(
    @InjectRepository(TenantEntity) private readonly rows: Repository<TenantEntity>,
    private readonly access: TenantAccessService,
  ) {}

  @RequireAuthenticated('lists only the tenants the caller may see')
  @Query(() => [Tenant], { description: 'Tenants you may see, by name. Archived ones only when asked.' })
  async tenants(
    @CurrentUser() user: AuthenticatedUser,
    @Args('includeArchived', { defaultValue: false }) includeArchived: boolean,
  ): Promise<Tenant[]> {
    const visible = await this.access.visibleTenantIds(user);
    if (visible !== 'all' && visible.length === 0) return [];
    const rows = await this.rows.find({
      where: {
        ...(visible === 'all' ? {} : { id: In(visible) }),
        ...(includeArchived ? {} : { status: 'active' as const }),
      },
      order: { displayName: 'ASC', id: 'ASC' },
    });
    const roles = await this.access.rolesOn(
      user,
      rows.map((row) => row.id),
    ); // one query, not one per row
    return rows.flatMap((row) => {
      const role = roles.get(row.id);
      return role ? [toTenant(row, role)] : [];
    });
  }

  @RequireTenantRole('viewer', 'id')
  @Query(() => Tenant)
  async tenant(@CurrentUser() user: AuthenticatedUser, @Args() { id }: TenantByIdArgs): Promise<Tenant> {
    const row = await this.rows.findOneBy({ id });
    const role = row && (await this.access.roleOn(user, id));
    if (!row || !role) throw new NotFoundError('Tenant', id);
    return toTenant(row, role);
  }
}
