import { randomUUID } from 'node:crypto';
import type { HandlerContext } from './graph-context';
import { forbidden } from './graph-errors';

/**
 * What Microsoft Graph itself demands per collection. This is "Microsoft's side": the contract registry in
 * config/ states what TenantAtlas *asks for*; this table is what the simulated service *enforces*, so a wrong
 * contract entry shows up as a 403 in tests instead of in a customer tenant.
 */
export interface SimPermissionRule {
  collections: string[];
  /** Any one of these grants read. A `…ReadWrite…` variant of a listed read permission also grants read. */
  read: string[];
  /** Any one of these grants write. Empty = the collection is read-only in the simulator. */
  write: string[];
  /** Delegated (scp) alternatives when they differ from the app-role (roles) ones. */
  delegatedRead?: string[];
  /** Any valid token of the tenant may read (the `organization` singleton). */
  anyToken?: boolean;
}

export const SIM_PERMISSIONS: readonly SimPermissionRule[] = [
  {
    collections: [
      'deviceManagement/deviceConfigurations',
      'deviceManagement/deviceCompliancePolicies',
      'deviceManagement/configurationPolicies',
      'deviceManagement/groupPolicyConfigurations',
      'deviceManagement/assignmentFilters',
      'deviceManagement/windowsFeatureUpdateProfiles',
      'deviceManagement/windowsDriverUpdateProfiles',
      'deviceManagement/configurationSettings',
      'deviceManagement/configurationPolicyTemplates',
    ],
    read: ['DeviceManagementConfiguration.Read.All'],
    write: ['DeviceManagementConfiguration.ReadWrite.All'],
  },
  {
    collections: ['deviceManagement/deviceManagementScripts', 'deviceManagement/deviceHealthScripts'],
    read: ['DeviceManagementScripts.Read.All'],
    write: ['DeviceManagementScripts.ReadWrite.All'],
  },
  {
    collections: ['deviceManagement/windowsAutopilotDeploymentProfiles'],
    read: ['DeviceManagementServiceConfig.Read.All'],
    write: ['DeviceManagementServiceConfig.ReadWrite.All'],
  },
  {
    collections: [
      'deviceManagement/roleScopeTags',
      'deviceManagement/roleDefinitions',
      'deviceManagement/roleAssignments',
    ],
    read: ['DeviceManagementRBAC.Read.All'],
    write: ['DeviceManagementRBAC.ReadWrite.All'],
  },
  {
    collections: [
      'deviceAppManagement/iosManagedAppProtections',
      'deviceAppManagement/androidManagedAppProtections',
      'deviceAppManagement/managedAppPolicies',
      'deviceAppManagement/mobileApps',
    ],
    read: ['DeviceManagementApps.Read.All'],
    write: ['DeviceManagementApps.ReadWrite.All'],
  },
  {
    collections: ['groups'],
    read: ['Group.Read.All', 'GroupMember.Read.All', 'Directory.Read.All'],
    delegatedRead: ['GroupMember.Read.All', 'Group.Read.All'],
    write: [],
  },
  { collections: ['organization'], read: [], write: [], anyToken: true },
];

/** Every permission named in the table: what the demo tenant's app is granted. */
export const SIM_ALL_PERMISSIONS: readonly string[] = [
  ...new Set(SIM_PERMISSIONS.flatMap((r) => [...r.read, ...r.write, ...(r.delegatedRead ?? [])])),
];

export function permissionRuleFor(collection: string): SimPermissionRule | undefined {
  return SIM_PERMISSIONS.find((r) => r.collections.includes(collection));
}

/** `X.Read.Y` is also satisfied by `X.ReadWrite.Y` (Graph's own implication). */
function satisfies(granted: ReadonlySet<string>, needed: string): boolean {
  return granted.has(needed) || granted.has(needed.replace('.Read.', '.ReadWrite.'));
}

export type TokenKind = 'app' | 'delegated';

/**
 * Returns null when allowed, else the permissions that would have allowed the call (for the 403 message).
 * Collections outside the table are allowed: the route layer rejects unknown segments itself.
 */
export function missingPermission(
  collection: string,
  write: boolean,
  kind: TokenKind,
  granted: ReadonlySet<string>,
): string[] | null {
  const rule = permissionRuleFor(collection);
  if (!rule) return null;
  if (rule.anyToken && !write) return null;
  const options = write ? rule.write : kind === 'delegated' && rule.delegatedRead ? rule.delegatedRead : rule.read;
  if (options.length === 0) return write ? ['(not writable)'] : null;
  return options.some((p) => satisfies(granted, p)) ? null : options;
}

/** A read of a single-entity catalog route (setting definitions, policy templates): 403 as Graph words it. */
export function assertCanRead(ctx: HandlerContext, collection: string): void {
  const missing = missingPermission(collection, false, ctx.principal.kind, ctx.principal.granted);
  if (missing)
    throw forbidden(
      `Application is not authorized to perform this operation. Application must have one of the following scopes: ${missing.join(', ')} - Operation ID (for customer support): ${randomUUID()}`,
    );
}
