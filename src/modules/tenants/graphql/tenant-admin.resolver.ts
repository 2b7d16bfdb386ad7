import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { CurrentUser } from '../../../infrastructure/auth/current-user.decorator';
import { RequirePlatformAdmin, RequireTenantRole } from '../../../infrastructure/access';
import { ArchiveTenantUseCase } from '../application/archive-tenant.use-case';
import { RegisterTenantUseCase } from '../application/register-tenant.use-case';
import { RenameTenantUseCase } from '../application/rename-tenant.use-case';
import { UpdateTenantCredentialsUseCase } from '../application/update-tenant-credentials.use-case';
import { RegisterTenantInput, RenameTenantArgs, TenantByIdArgs, UpdateTenantCredentialsInput } from './tenant.inputs';
import { Tenant } from './tenant.type';
import { toTenant } from './to-tenant';

@Resolver(() => Tenant)
export class TenantAdminResolver {
  constructor(
    private readonly register: RegisterTenantUseCase,
    private readonly updateCredentials: UpdateTenantCredentialsUseCase,
    private readonly rename: RenameTenantUseCase,
    private readonly archive: ArchiveTenantUseCase,
  ) {}

  @RequirePlatformAdmin()
  @Mutation(() => Tenant, {
    description: 'Connects a tenant: Entra tenant id, app registration and exactly one credential (encrypted at rest).',
  })
  async registerTenant(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: RegisterTenantInput,
    @Context('requestId') requestId: string,
  ): Promise<Tenant> {
    return toTenant(await this.register.execute(user, input, requestId), 'admin');
  }

  @RequireTenantRole('admin', 'input.tenantId')
  @Mutation(() => Tenant, { description: "Replaces the tenant's credential (secret or certificate)." })
  async updateTenantCredentials(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input') input: UpdateTenantCredentialsInput,
    @Context('requestId') requestId: string,
  ): Promise<Tenant> {
    return toTenant(await this.updateCredentials.execute(user, input, requestId), 'admin');
  }

  @RequireTenantRole('admin', 'id')
  @Mutation(() => Tenant)
  async renameTenant(
    @CurrentUser() user: AuthenticatedUser,
    @Args() { id, displayName }: RenameTenantArgs,
    @Context('requestId') requestId: string,
  ): Promise<Tenant> {
    return toTenant(await this.rename.execute(user, id, displayName, requestId), 'admin');
  }

  @RequireTenantRole('admin', 'id')
  @Mutation(() => Tenant, { description: 'Archives the tenant: history stays readable, no new runs or Graph calls.' })
  async archiveTenant(
    @CurrentUser() user: AuthenticatedUser,
    @Args() { id }: TenantByIdArgs,
    @Context('requestId') requestId: string,
  ): Promise<Tenant> {
    return toTenant(await this.archive.execute(user, id, requestId), 'admin');
  }
}
