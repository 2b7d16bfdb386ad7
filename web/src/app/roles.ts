import type { TenantRole } from '../gql/graphql';

const RANK: Record<TenantRole, number> = { VIEWER: 1, OPERATOR: 2, ADMIN: 3 };

export const roleLabel = (role: TenantRole): string => role.toLowerCase();

/**
 * Why the caller may not do something on a tenant, or null when they may: the console shows controls a role
 * cannot use disabled, with this reason (the API refuses them anyway).
 */
export function denyReason(
  tenant: { myRole: TenantRole; status?: string | null },
  needs: TenantRole,
  action = 'this',
): string | null {
  if (tenant.status === 'ARCHIVED') return 'The tenant is archived: no new runs or changes';
  if (RANK[tenant.myRole] < RANK[needs])
    return `Needs the ${roleLabel(needs)} role on this tenant to ${action} (you are ${roleLabel(tenant.myRole)})`;
  return null;
}
