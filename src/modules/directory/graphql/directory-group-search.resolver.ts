import { Args, Query, Resolver } from '@nestjs/graphql';
import { RequireTenantRole } from '../../../infrastructure/access';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { CurrentUser } from '../../../infrastructure/auth/current-user.decorator';
import { SearchDirectoryGroupsUseCase } from '../application/search-directory-groups.use-case';
import { SearchDirectoryGroupsArgs } from './directory.args';
import { DirectoryGroupSearchHitType } from './directory-group.type';

@Resolver(() => DirectoryGroupSearchHitType)
export class DirectoryGroupSearchResolver {
  constructor(private readonly search: SearchDirectoryGroupsUseCase) {}

  @RequireTenantRole('operator')
  @Query(() => [DirectoryGroupSearchHitType], {
    description:
      'Live group search in the tenant with your own delegated access (FORBIDDEN "delegated access required" without it).',
  })
  async searchDirectoryGroups(
    @CurrentUser() user: AuthenticatedUser,
    @Args() { tenantId, query }: SearchDirectoryGroupsArgs,
  ): Promise<DirectoryGroupSearchHitType[]> {
    const groups = await this.search.execute(user, tenantId, query);
    return groups.map(({ externalId, displayName, description, mail, securityEnabled, mailEnabled }) => ({
      id: externalId,
      displayName,
      description,
      mail,
      securityEnabled,
      mailEnabled,
    }));
  }
}
