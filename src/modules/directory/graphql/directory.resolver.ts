import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireTenantRole } from '../../../infrastructure/access';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { CurrentUser } from '../../../infrastructure/auth/current-user.decorator';
import { Connection, pageSize, pageSizeDescription } from '../../../infrastructure/graphql/pagination';
import { BadUserInputError } from '../../../shared/app-errors';
import { OperationRunsFacade, OperationRunType } from '../../operation-runs';
import { TenantsFacade } from '../../tenants';
import { DirectoryGroupQueries } from '../application/directory-group.queries';
import { DirectoryGroupType } from './directory-group.type';

const DirectoryGroupConnection = Connection(DirectoryGroupType, 'DirectoryGroup');

@Resolver()
export class DirectoryResolver {
  constructor(
    private readonly groups: DirectoryGroupQueries,
    private readonly runs: OperationRunsFacade,
    private readonly tenants: TenantsFacade,
  ) {}

  @RequireTenantRole('operator')
  @Mutation(() => OperationRunType, {
    description: "Starts (or returns the active) refresh of the tenant's cached Entra groups.",
  })
  async startDirectoryGroupsSync(
    @CurrentUser() user: AuthenticatedUser,
    @Args('tenantId', { type: () => ID }) tenantId: string,
  ) {
    await this.tenants.requireStartable(tenantId);
    const { run } = await this.runs.start('directory.groups.sync', { tenantId, initiatorUserId: user.id, context: {} });
    return run;
  }

  @RequireTenantRole('viewer')
  @Query(() => DirectoryGroupConnection, {
    description: 'Cached Entra groups of a tenant (database only; refresh with startDirectoryGroupsSync).',
  })
  directoryGroups(
    @Args('tenantId', { type: () => ID }) tenantId: string,
    @Args('search', { type: () => String, nullable: true }) search?: string,
    @Args('first', { type: () => Int, nullable: true, description: pageSizeDescription() }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    if (search && search.length > 200) throw new BadUserInputError('search must be at most 200 characters', 'search');
    return this.groups.page(tenantId, search, pageSize(first), after);
  }
}
