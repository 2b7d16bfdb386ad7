import type { TenantGraphConnection } from '../../../infrastructure/graph';

/**
 * What access control needs to know about tenants, implemented by the tenants module (which itself depends on rbac:
 * the port keeps the dependency one-way). Archived tenants still exist: their history stays readable.
 */
export abstract class TenantDirectory {
  abstract exists(tenantId: string): Promise<boolean>;
  /** The given ids that exist (one query), for lists. */
  abstract existing(tenantIds: string[]): Promise<Set<string>>;
  /** Decrypted connection for a delegated Graph call, or null when the tenant does not exist or is archived. */
  abstract connectionFor(tenantId: string): Promise<TenantGraphConnection | null>;
}
