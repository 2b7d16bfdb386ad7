import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { GrantTenantAccessUseCase, RevokeTenantAccessUseCase } from './application/manage-tenant-access.use-case';
import { RbacFacade } from './application/rbac.facade';
import { TenantMembershipEntity } from './domain/tenant-membership.entity';
import { MeResolver } from './graphql/me.resolver';
import { TenantAccessResolver } from './graphql/tenant-access.resolver';

/**
 * Who the caller is (`me`) and per-tenant memberships (grant, revoke, list). The access policy that reads them is
 * platform code (src/infrastructure/access); RbacFacade is how it reads them.
 */
@Module({
  imports: [TypeOrmModule.forFeature([TenantMembershipEntity]), AuditModule],
  providers: [RbacFacade, GrantTenantAccessUseCase, RevokeTenantAccessUseCase, MeResolver, TenantAccessResolver],
  exports: [RbacFacade],
})
export class RbacModule {}
