import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CryptoModule } from '../../infrastructure/crypto';
import { AuditModule } from '../audit';
import { OperationRunsModule } from '../operation-runs';
import { RbacModule, TenantDirectory } from '../rbac';
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

/** Global only to provide rbac's TenantDirectory port (rbac cannot import tenants: tenants depends on rbac). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([TenantEntity]), CryptoModule, AuditModule, RbacModule, OperationRunsModule],
  providers: [
    TenantsFacade,
    { provide: TenantDirectory, useExisting: TenantsFacade },
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
  exports: [TenantsFacade, TenantDirectory],
})
export class TenantsModule {}
