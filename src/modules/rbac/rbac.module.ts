import { Module } from '@nestjs/common';
import { APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createInputValidationPipe } from '../../infrastructure/graphql/input-validation.pipe';
import { AuditModule } from '../audit';
import { AccessGuard } from './application/access.guard';
import { GrantTenantAccessUseCase, RevokeTenantAccessUseCase } from './application/manage-tenant-access.use-case';
import { SearchDirectoryGroupsUseCase } from './application/search-directory-groups.use-case';
import { TenantAccessCache } from './application/tenant-access.cache';
import { TenantAccessService } from './application/tenant-access.service';
import { TenantMembershipEntity } from './domain/tenant-membership.entity';
import { AuditEventsResolver } from './graphql/audit-events.resolver';
import { DirectoryGroupsResolver } from './graphql/directory-groups.resolver';
import { MeResolver } from './graphql/me.resolver';
import { TenantAccessResolver } from './graphql/tenant-access.resolver';

/** TenantDirectory (the port TenantAccessService needs) is provided globally by the tenants module. */
@Module({
  imports: [TypeOrmModule.forFeature([TenantMembershipEntity]), AuditModule],
  providers: [
    TenantAccessService,
    TenantAccessCache,
    GrantTenantAccessUseCase,
    RevokeTenantAccessUseCase,
    SearchDirectoryGroupsUseCase,
    MeResolver,
    TenantAccessResolver,
    DirectoryGroupsResolver,
    AuditEventsResolver,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_PIPE, useFactory: createInputValidationPipe },
  ],
  exports: [TenantAccessService, TenantAccessCache],
})
export class RbacModule {}
