import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { TenantRole } from './tenant-role';

export const ACCESS_METADATA = 'tenantatlas:access';

export type AccessRequirement =
  /** Any signed-in user; the handler itself filters to what the caller may see (lists, `me`, own notifications). */
  | { kind: 'authenticated'; why: string }
  /** The caller needs at least `role` on the tenant whose id is the GraphQL argument at `tenantIdArg` (dot path). */
  | { kind: 'tenantRole'; role: TenantRole; tenantIdArg: string }
  /** Platform admins only (from ADMIN_UPNS or granted). */
  | { kind: 'platformAdmin' };

/** Every resolver method must declare one of these; the guard denies methods that declare none. */
export const RequireTenantRole = (role: TenantRole, tenantIdArg = 'tenantId') =>
  applyDecorators(SetMetadata(ACCESS_METADATA, { kind: 'tenantRole', role, tenantIdArg } satisfies AccessRequirement));

export const RequireAuthenticated = (why: string) =>
  applyDecorators(SetMetadata(ACCESS_METADATA, { kind: 'authenticated', why } satisfies AccessRequirement));

export const RequirePlatformAdmin = () =>
  applyDecorators(SetMetadata(ACCESS_METADATA, { kind: 'platformAdmin' } satisfies AccessRequirement));
