import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CryptoModule } from '../../infrastructure/crypto';
import { AuditModule } from '../audit';
import { OperationRunsModule } from '../operation-runs';
import { ArchiveTenantUseCase } from './application/archive-tenant.use-case';
import { RegisterTenantUseCase } from './application/register-tenant.use-case';
import { RenameTenantUseCase } from './application/rename-tenant.use-case';
import { RotateCredentialsUseCase } from './application/rotate-credentials.use-case';
import { StartTenantVerifyUseCase } from './application/start-tenant-verify.use-case';
import { TenantsFacade } from './application/tenants.facade';
import { UpdateTenantCredentialsUseCase } from './application/update-tenant-credentials.use-case';
import { VerifyTenantHandler } from './application/verify-tenant.handler';
import { TenantEntity } from './domain/tenant.entity';
import { TenantAdminResolver } from './graphql/tenant-admin.resolver';
import { TenantsResolver } from './graphql/tenants.resolver';
import { TenantVerifyResolver } from './graphql/tenant-verify.resolver';

/** Tenant connections: registration, sealed credentials, verification (`tenant.verify`), rename, archive. */
@Module({
  imports: [TypeOrmModule.forFeature([TenantEntity]), CryptoModule, AuditModule, OperationRunsModule],
  providers: [
    TenantsFacade,
    RegisterTenantUseCase,
    UpdateTenantCredentialsUseCase,
    RenameTenantUseCase,
    ArchiveTenantUseCase,
    RotateCredentialsUseCase,
    StartTenantVerifyUseCase,
    VerifyTenantHandler,
    TenantsResolver,
    TenantAdminResolver,
    TenantVerifyResolver,
  ],
  exports: [TenantsFacade],
})
export class TenantsModule {}
