/**
 * The contract registry: everything TenantAtlas knows about each Intune object type on Microsoft Graph.
 * The GraphClient, inventory, backup, restore and capability derivation all read from here; nothing else
 * hard-codes a Graph path. One file per family (`*.contracts.ts`), each entry built by `defineContract`.
 * Facts: ../shared/reference/graph-facts.md (IntuneCD and MS Graph docs). How to add a type: docs/graph.md.
 */
import { ADMINISTRATIVE_TEMPLATE_CONTRACTS } from './administrative-templates.contracts';
import { APP_PROTECTION_CONTRACTS } from './app-protection.contracts';
import { APP_CONTRACTS } from './apps.contracts';
import { DEVICE_CONFIGURATION_CONTRACTS } from './device-configuration.contracts';
import { ENROLLMENT_CONTRACTS } from './enrollment.contracts';
import { RBAC_CONTRACTS } from './rbac.contracts';
import { SCRIPT_CONTRACTS } from './scripts.contracts';
import { SETTINGS_CATALOG_CONTRACTS } from './settings-catalog.contracts';
import { TARGETING_CONTRACTS } from './targeting.contracts';
import { registryOf } from './define-contract';
import type { GraphContract, GraphTypeKey } from './types';
import { UPDATE_CONTRACTS } from './updates.contracts';

export type {
  AssignmentContract,
  AssignmentWrite,
  GraphApiVersion,
  GraphContract,
  GraphSubResource,
  GraphTypeKey,
  PlatformHint,
} from './types';
export { COMMON_READ_ONLY_FIELDS, stripReadOnlyFields } from './read-only-fields';
export { DELEGATED_GROUP_SEARCH_SCOPES, GROUP_PERMISSIONS } from './permissions';

/** In GRAPH_TYPE_KEYS order (inventory and the capability goldens list types in it): a new family goes last. */
const FAMILIES = [
  DEVICE_CONFIGURATION_CONTRACTS,
  SETTINGS_CATALOG_CONTRACTS,
  ADMINISTRATIVE_TEMPLATE_CONTRACTS,
  SCRIPT_CONTRACTS,
  ENROLLMENT_CONTRACTS,
  TARGETING_CONTRACTS,
  RBAC_CONTRACTS,
  APP_PROTECTION_CONTRACTS,
  UPDATE_CONTRACTS,
  APP_CONTRACTS,
] as const;

// Compile error naming every GraphTypeKey that no family defines.
const _everyTypeKeyDefined: Record<Exclude<GraphTypeKey, (typeof FAMILIES)[number][number]['typeKey']>, never> = {};

export const GRAPH_CONTRACTS: Readonly<Record<GraphTypeKey, GraphContract>> = registryOf(FAMILIES);

export const GRAPH_TYPE_KEYS = Object.keys(GRAPH_CONTRACTS) as GraphTypeKey[];

export function isGraphTypeKey(key: string): key is GraphTypeKey {
  return Object.prototype.hasOwnProperty.call(GRAPH_CONTRACTS, key);
}

export function getContract(key: GraphTypeKey | string): GraphContract {
  if (!isGraphTypeKey(key)) throw new Error(`Unknown Graph object type "${key}"`);
  return GRAPH_CONTRACTS[key];
}
