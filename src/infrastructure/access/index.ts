export { AccessModule } from './access.module';
export { AccessAuditLog, MembershipDirectory, TenantRegistry, type AccessDenial } from './access.ports';
export {
  ACCESS_METADATA,
  RequireAuthenticated,
  RequirePlatformAdmin,
  RequireTenantRole,
  type AccessRequirement,
} from './access.decorators';
export { TenantAccessService } from './tenant-access.service';
export { TenantAccessCache } from './tenant-access.cache';
export { TENANT_ROLES, roleAtLeast, type TenantRole } from './tenant-role';
export { TenantRoleValue, toRoleValue } from './tenant-role.enum';
