import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard';
import { AccessAuditLog, MembershipDirectory, TenantRegistry } from './access.ports';
import { TenantAccessCache } from './tenant-access.cache';
import { TenantAccessService } from './tenant-access.service';

export interface AccessModuleOptions {
  /** The modules whose exports implement the ports below. */
  imports: NonNullable<ModuleMetadata['imports']>;
  memberships: Type<MembershipDirectory>;
  tenants: Type<TenantRegistry>;
  audit: Type<AccessAuditLog>;
}

/**
 * Access control as a platform concern: the global guard (deny by default), the access decorators' enforcement and
 * TenantAccessService for every module. It reads memberships, tenants and the audit trail through ports that the
 * composition root binds to the owning modules' facades, so no bounded context depends on another for access.
 */
@Module({})
export class AccessModule {
  static forRoot(options: AccessModuleOptions): DynamicModule {
    return {
      module: AccessModule,
      global: true,
      imports: options.imports,
      providers: [
        { provide: MembershipDirectory, useExisting: options.memberships },
        { provide: TenantRegistry, useExisting: options.tenants },
        { provide: AccessAuditLog, useExisting: options.audit },
        TenantAccessService,
        TenantAccessCache,
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [TenantAccessService, TenantAccessCache],
    };
  }
}
