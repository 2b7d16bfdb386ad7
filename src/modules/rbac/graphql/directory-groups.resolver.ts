import { Args, Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { CurrentUser } from '../../../infrastructure/auth/current-user.decorator';
import { RequireTenantRole } from '../access.decorators';
import { SearchDirectoryGroupsUseCase } from '../application/search-directory-groups.use-case';
import { DirectoryGroupHitType } from './directory-group.type';
import { SearchDirectoryGroupsArgs } from './tenant-access.args';

@Resolver(() => DirectoryGroupHitType)
export class DirectoryGroupsResolver {
  constructor(private readonly search: SearchDirectoryGroupsUseCase) {}

  @RequireTenantRole('operator')
  @Query(() => [DirectoryGroupHitType], {
    description:
      'Live group search in the tenant with your own delegated access (FORBIDDEN "delegated access required" without it).',
  })
  searchDirectoryGroups(
    @CurrentUser() user: AuthenticatedUser,
    @Args() { tenantId, query }: SearchDirectoryGroupsArgs,
  ): Promise<DirectoryGroupHitType[]> {
    return this.search.execute(user, tenantId, query);
  }
}
