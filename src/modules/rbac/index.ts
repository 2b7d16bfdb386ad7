export { RbacModule } from './rbac.module';
export { TenantAccessService } from './application/tenant-access.service';
export { TenantAccessCache } from './application/tenant-access.cache';
export { TenantDirectory } from './application/tenant-directory.port';
export { RequireAuthenticated, RequirePlatformAdmin, RequireTenantRole, ACCESS_METADATA } from './access.decorators';
export type { AccessRequirement } from './access.decorators';
export { TENANT_ROLES, roleAtLeast } from './domain/tenant-role';
export type { TenantRole } from './domain/tenant-role';
export { TenantRoleValue } from './graphql/tenant-role.enum';
