import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { CurrentUser } from '../../../infrastructure/auth/current-user.decorator';
import { OperationRunType } from '../../operation-runs';
import { RequireTenantRole } from '../../../infrastructure/access';
import { StartTenantVerifyUseCase } from '../application/start-tenant-verify.use-case';
import { VerifyTenantArgs } from './tenant.inputs';

@Resolver()
export class TenantVerifyResolver {
  constructor(private readonly startVerify: StartTenantVerifyUseCase) {}

  @RequireTenantRole('operator')
  @Mutation(() => OperationRunType, {
    description:
      'Checks the connection (token, /organization, granted permissions → capabilities) in a tenant.verify run.',
  })
  verifyTenant(@CurrentUser() user: AuthenticatedUser, @Args() { tenantId }: VerifyTenantArgs) {
    return this.startVerify.execute(user, tenantId);
  }
}
