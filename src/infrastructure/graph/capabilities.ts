import { GRAPH_CONTRACTS, GROUP_PERMISSIONS, GraphContract, GraphTypeKey } from '../../../config/graph-contracts';

export interface TypeCapability {
  canRead: boolean;
  canWrite: boolean;
}

export interface TenantCapabilities {
  types: Record<GraphTypeKey, TypeCapability>;
  /** App-only group reads (directory cache sync). */
  canReadGroups: boolean;
  /** Delegated group search; the user's own consent is only proven when the on-behalf-of call succeeds. */
  canSearchGroups: boolean;
}

/**
 * Granted permissions × contract registry → what a tenant connection may do. Pure and deterministic (golden
 * tests). Permission names compare case-insensitively, as Entra treats them; writing needs read too and a
 * restorable type.
 */
export function deriveCapabilities(
  grantedPermissions: readonly string[],
  contracts: Readonly<Record<GraphTypeKey, GraphContract>> = GRAPH_CONTRACTS,
): TenantCapabilities {
  const granted = new Set(grantedPermissions.map((p) => p.trim().toLowerCase()));
  const anyGranted = (names: readonly string[]) => names.some((name) => granted.has(name.toLowerCase()));
  const types = {} as Record<GraphTypeKey, TypeCapability>;
  for (const key of Object.keys(contracts) as GraphTypeKey[]) {
    const contract = contracts[key];
    const canRead = anyGranted(contract.permissions.read);
    types[key] = { canRead, canWrite: canRead && contract.restorable && anyGranted(contract.permissions.write) };
  }
  return {
    types,
    canReadGroups: anyGranted(GROUP_PERMISSIONS.appRead),
    canSearchGroups: anyGranted(GROUP_PERMISSIONS.delegatedSearch),
  };
}
