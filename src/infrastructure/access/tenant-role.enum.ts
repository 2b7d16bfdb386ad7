import { registerEnumType } from '@nestjs/graphql';
import type { TenantRole } from './tenant-role';

/** Schema values are UPPER_CASE; resolvers see the lower-case domain value. */
export enum TenantRoleValue {
  VIEWER = 'viewer',
  OPERATOR = 'operator',
  ADMIN = 'admin',
}
registerEnumType(TenantRoleValue, {
  name: 'TenantRole',
  description:
    'viewer reads; operator also starts syncs, backups and restore previews; admin also manages credentials, members and confirms restores.',
});

export const toRoleValue = (role: TenantRole): TenantRoleValue => role as TenantRoleValue;
