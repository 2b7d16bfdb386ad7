import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './application/access.guard';
import { TenantAccessService } from './application/tenant-access.service';
import { MeResolver } from './graphql/me.resolver';

@Module({
  providers: [TenantAccessService, MeResolver, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [TenantAccessService],
})
export class RbacModule {}
