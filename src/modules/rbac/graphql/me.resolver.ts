import { Query, Resolver } from '@nestjs/graphql';
import { RequireAuthenticated, TenantAccessService } from '../../../infrastructure/access';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { CurrentUser } from '../../../infrastructure/auth/current-user.decorator';
import { Caller } from './caller.type';

@Resolver(() => Caller)
export class MeResolver {
  constructor(private readonly access: TenantAccessService) {}

  @RequireAuthenticated('the caller reads only themselves')
  @Query(() => Caller, { description: 'Who am I: the caller of this operation.' })
  me(@CurrentUser() user: AuthenticatedUser): Caller {
    return {
      id: user.id,
      oid: user.oid,
      tid: user.tid,
      upn: user.upn,
      name: user.name,
      isPlatformAdmin: this.access.isPlatformAdmin(user),
    };
  }
}
