import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { CurrentUser } from '../../../infrastructure/auth/current-user.decorator';
import { RequireTenantRole, toRoleValue } from '../../../infrastructure/access';
import { GrantTenantAccessUseCase, RevokeTenantAccessUseCase } from '../application/manage-tenant-access.use-case';
import { TenantMembershipEntity } from '../domain/tenant-membership.entity';
import { GrantTenantAccessArgs, RevokeTenantAccessArgs, TenantIdArgs } from './tenant-access.args';
import { TenantMember } from './tenant-member.type';

@Resolver(() => TenantMember)
export class TenantAccessResolver {
  constructor(
    @InjectRepository(TenantMembershipEntity) private readonly memberships: Repository<TenantMembershipEntity>,
    private readonly grant: GrantTenantAccessUseCase,
    private readonly revoke: RevokeTenantAccessUseCase,
  ) {}

  @RequireTenantRole('admin')
  @Query(() => [TenantMember], { description: 'Who holds which role on a tenant (admins).' })
  async tenantMembers(@Args() { tenantId }: TenantIdArgs): Promise<TenantMember[]> {
    const rows = await this.memberships.find({ where: { tenantId }, order: { userUpn: 'ASC' } });
    return rows.map(toMember);
  }

  @RequireTenantRole('admin')
  @Mutation(() => TenantMember, {
    description: "Grants a role on the tenant to a user principal name (replaces the user's previous role).",
  })
  async grantTenantAccess(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: GrantTenantAccessArgs,
    @Context('requestId') requestId: string,
  ): Promise<TenantMember> {
    return toMember(
      await this.grant.execute(user, { tenantId: args.tenantId, userUpn: args.userUpn, role: args.role, requestId }),
    );
  }

  @RequireTenantRole('admin')
  @Mutation(() => Boolean, { description: "Removes a user's access to the tenant." })
  revokeTenantAccess(
    @CurrentUser() user: AuthenticatedUser,
    @Args() args: RevokeTenantAccessArgs,
    @Context('requestId') requestId: string,
  ): Promise<boolean> {
    return this.revoke.execute(user, { tenantId: args.tenantId, userUpn: args.userUpn, requestId });
  }
}

function toMember(row: TenantMembershipEntity): TenantMember {
  return {
    id: row.id,
    tenantId: row.tenantId,
    userUpn: row.userUpn,
    userId: row.userId,
    role: toRoleValue(row.role),
    grantedBy: row.grantedBy,
    grantedAt: row.grantedAt,
  };
}
