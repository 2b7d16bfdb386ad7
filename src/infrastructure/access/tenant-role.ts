/** Per-tenant roles, ordered: each includes the rights of the ones before it. */
export const TENANT_ROLES = ['viewer', 'operator', 'admin'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

export function roleAtLeast(held: TenantRole, needed: TenantRole): boolean {
  return TENANT_ROLES.indexOf(held) >= TENANT_ROLES.indexOf(needed);
}
