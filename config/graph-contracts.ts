/**
 * The contract registry: everything TenantAtlas knows about each Intune object type on Microsoft Graph.
 * The GraphClient, inventory, backup, restore and capability derivation all read from here; nothing else
 * hard-codes a Graph path. Facts: ../shared/reference/graph-facts.md (IntuneCD and MS Graph docs).
 */

export type GraphApiVersion = 'beta' | 'v1.0';

export type GraphTypeKey =
  | 'deviceConfiguration'
  | 'deviceCompliancePolicy'
  | 'settingsCatalogPolicy'
  | 'groupPolicyConfiguration'
  | 'deviceManagementScript'
  | 'deviceHealthScript'
  | 'windowsAutopilotDeploymentProfile'
  | 'assignmentFilter'
  | 'roleScopeTag'
  | 'roleDefinition'
  | 'roleAssignment'
  | 'iosManagedAppProtection'
  | 'androidManagedAppProtection'
  | 'windowsFeatureUpdateProfile'
  | 'windowsDriverUpdateProfile'
  | 'mobileApp';

/** Where inventory reads an object's platform from. */
export type PlatformHint =
  | { from: 'field'; field: string }
  | { from: 'odataType' }
  | { from: 'fixed'; value: 'windows' | 'iOS' | 'android' | 'macOS' }
  | { from: 'none' };

/** A child collection a backup must read separately (Graph offers no $expand for it). */
export interface GraphSubResource {
  key: string;
  /** Relative to the item: `${collectionPath}/{id}/${path}`. */
  path: string;
  expand?: readonly string[];
  /** Read per item of this sub-resource: `${...}/${path}/{childId}/${child.path}`. */
  perItem?: GraphSubResource;
}

export type AssignmentWrite =
  /** `POST /{id}/assign` with `{ [bodyKey]: [...] }`; replaces the whole set. */
  | { kind: 'assignAction'; bodyKey: string; expectedStatus: 200 | 204 }
  /** Autopilot: one `POST /{id}/assignments {target}` per target (201); old ones deleted one by one. */
  | { kind: 'perTargetPost'; expectedStatus: 201 };

export interface AssignmentContract {
  /** Relative to the item: `GET ${collectionPath}/{id}/${readPath}`. */
  readPath: string;
  write: AssignmentWrite;
}

export interface GraphContract {
  typeKey: GraphTypeKey;
  label: string;
  /** Collection path under `/{apiVersion}`, starting with '/'. */
  collectionPath: string;
  apiVersion: GraphApiVersion;
  /** The base `@odata.type`; `polymorphic` types carry a subtype on every object and need it on POST. */
  odataType: string;
  polymorphic: boolean;
  nameField: 'displayName' | 'name';
  /** `$select` for inventory listing. */
  listSelect: readonly string[];
  /** Fields inventory may keep in `meta` (a whitelist; everything else stays out of inventory). */
  metaFields: readonly string[];
  platform: PlatformHint;
  backup: { expand: readonly string[]; subResources: readonly GraphSubResource[] };
  /** Null when the type is never written (e.g. mobileApps: metadata only). */
  create: { method: 'POST'; expectedStatus: 201; requiredFields: readonly string[] } | null;
  update: { method: 'PATCH' | 'PUT'; expectedStatuses: readonly number[] } | null;
  /** Top-level fields stripped from every POST/PATCH/PUT body (Graph rejects them). */
  readOnlyFields: readonly string[];
  /** Null when the type has no assignments of its own. */
  assignments: AssignmentContract | null;
  /** `read`: any one of them is enough (ReadWrite implies Read). `write`: any one of them. */
  permissions: { read: readonly string[]; write: readonly string[] };
  /** False: never restored (backup and inventory only). */
  restorable: boolean;
  /** Whether the collection accepts `$filter`. */
  supportsFilter: boolean;
}

/** IntuneCD `remove_keys`: fields Graph sets itself and rejects in a write body. */
export const COMMON_READ_ONLY_FIELDS = [
  'id',
  'version',
  'createdDateTime',
  'lastModifiedDateTime',
  'modifiedDateTime',
  'isAssigned',
  'supportsScopeTags',
  '@odata.context',
  'assignments',
  'sourceId',
  'isGlobalScript',
  'highestAvailableVersion',
  'deployedAppCount',
  'deviceHealthScriptType',
  'secretReferenceValueId',
  'isEncrypted',
  'isReadOnly',
  'lastSyncDateTime',
  'token',
  'certificate',
  'topicIdentifier',
] as const;

const perm = (name: string) => ({
  read: [`${name}.Read.All`, `${name}.ReadWrite.All`],
  write: [`${name}.ReadWrite.All`],
});
const CONFIG = perm('DeviceManagementConfiguration');
const SCRIPTS = perm('DeviceManagementScripts');
const SERVICE_CONFIG = perm('DeviceManagementServiceConfig');
const RBAC = perm('DeviceManagementRBAC');
const APPS = perm('DeviceManagementApps');

const BASE_SELECT = ['id', 'displayName', 'description', 'createdDateTime', 'lastModifiedDateTime', 'roleScopeTagIds'];
const BASE_META = ['description', 'createdDateTime', 'lastModifiedDateTime', 'roleScopeTagIds'];
const UPDATE_PATCH = { method: 'PATCH', expectedStatuses: [200, 204] } as const;
const CREATE = (requiredFields: readonly string[] = []) =>
  ({ method: 'POST', expectedStatus: 201, requiredFields }) as const;
const ASSIGN = (bodyKey = 'assignments', expectedStatus: 200 | 204 = 200): AssignmentContract => ({
  readPath: 'assignments',
  write: { kind: 'assignAction', bodyKey, expectedStatus },
});
const EXPAND_ASSIGNMENTS = { expand: ['assignments'], subResources: [] } as const;

/** iOS and Android app protection policies share one shape; create/update go to the type-specific collection. */
function appProtection(
  typeKey: GraphTypeKey,
  platformLabel: 'iOS' | 'Android',
  collection: string,
  odataName: string,
): GraphContract {
  return {
    typeKey,
    label: `${platformLabel} app protection policy`,
    collectionPath: `/deviceAppManagement/${collection}`,
    apiVersion: 'beta',
    odataType: `#microsoft.graph.${odataName}`,
    polymorphic: false,
    nameField: 'displayName',
    listSelect: [...BASE_SELECT, 'version', 'isAssigned'],
    metaFields: [...BASE_META, 'version', 'isAssigned'],
    platform: { from: 'fixed', value: platformLabel === 'iOS' ? 'iOS' : 'android' },
    backup: { expand: ['apps', 'assignments'], subResources: [] },
    create: CREATE(),
    update: UPDATE_PATCH,
    readOnlyFields: [...COMMON_READ_ONLY_FIELDS, 'apps'],
    assignments: ASSIGN('assignments', 204),
    permissions: APPS,
    restorable: true,
    supportsFilter: true,
  };
}

export const GRAPH_CONTRACTS: Readonly<Record<GraphTypeKey, GraphContract>> = {
  deviceConfiguration: {
    typeKey: 'deviceConfiguration',
    label: 'Device configuration',
    collectionPath: '/deviceManagement/deviceConfigurations',
    apiVersion: 'beta',
    odataType: '#microsoft.graph.deviceConfiguration',
    polymorphic: true,
    nameField: 'displayName',
    listSelect: [...BASE_SELECT, 'version'],
    metaFields: [...BASE_META, 'version'],
    platform: { from: 'odataType' },
    backup: EXPAND_ASSIGNMENTS,
    create: CREATE(['@odata.type']),
    update: UPDATE_PATCH,
    readOnlyFields: [...COMMON_READ_ONLY_FIELDS],
    assignments: ASSIGN(),
    permissions: CONFIG,
    restorable: true,
    supportsFilter: true,
  },
  deviceCompliancePolicy: {
    typeKey: 'deviceCompliancePolicy',
    label: 'Compliance policy',
    collectionPath: '/deviceManagement/deviceCompliancePolicies',
    apiVersion: 'beta',
    odataType: '#microsoft.graph.deviceCompliancePolicy',
    polymorphic: true,
    nameField: 'displayName',
    listSelect: [...BASE_SELECT, 'version'],
    metaFields: [...BASE_META, 'version'],
    platform: { from: 'odataType' },
    // GET …/scheduledActionsForRule as a path is a 400 on Graph; only $expand works.
    backup: {
      expand: ['assignments', 'scheduledActionsForRule($expand=scheduledActionConfigurations)'],
      subResources: [],
    },
    // Graph rejects a compliance POST without exactly one `block` scheduled action.
    create: CREATE(['@odata.type', 'scheduledActionsForRule']),
    update: UPDATE_PATCH,
    readOnlyFields: [...COMMON_READ_ONLY_FIELDS],
    assignments: ASSIGN(),
    permissions: CONFIG,
    restorable: true,
    supportsFilter: true,
  },
  settingsCatalogPolicy: {
    typeKey: 'settingsCatalogPolicy',
    label: 'Settings catalog policy',
    collectionPath: '/deviceManagement/configurationPolicies',
    apiVersion: 'beta',
    odataType: '#microsoft.graph.deviceManagementConfigurationPolicy',
    polymorphic: false,
    nameField: 'name',
    listSelect: [
      'id',
      'name',
      'description',
      'platforms',
      'technologies',
      'settingCount',
      'createdDateTime',
      'lastModifiedDateTime',
      'roleScopeTagIds',
      'templateReference',
    ],
    metaFields: [
      'description',
      'platforms',
      'technologies',
      'settingCount',
      'createdDateTime',
      'lastModifiedDateTime',
      'roleScopeTagIds',
      'templateReference',
    ],
    platform: { from: 'field', field: 'platforms' },
    backup: { expand: ['settings', 'assignments'], subResources: [] },
    create: CREATE(['settings']),
    // PATCH changes metadata only; a full update is PUT with `settings` (IntuneCD: 204).
    update: { method: 'PUT', expectedStatuses: [200, 204] },
    readOnlyFields: [...COMMON_READ_ONLY_FIELDS, 'settingCount', 'creationSource'],
    assignments: ASSIGN(),
    permissions: CONFIG,
    restorable: true,
    supportsFilter: true,
  },
  groupPolicyConfiguration: {
    typeKey: 'groupPolicyConfiguration',
    label: 'Administrative template',
    collectionPath: '/deviceManagement/groupPolicyConfigurations',
    apiVersion: 'beta',
    odataType: '#microsoft.graph.groupPolicyConfiguration',
    polymorphic: false,
    nameField: 'displayName',
    listSelect: BASE_SELECT,
    metaFields: BASE_META,
    platform: { from: 'fixed', value: 'windows' },
    // POST/PATCH carry metadata only; values are read here and written with POST /{id}/updateDefinitionValues.
    backup: {
      expand: ['assignments'],
      subResources: [
        {
          key: 'definitionValues',
          path: 'definitionValues',
          expand: ['definition'],
          perItem: { key: 'presentationValues', path: 'presentationValues', expand: ['presentation'] },
        },
      ],
    },
    create: CREATE(),
    update: UPDATE_PATCH,
    readOnlyFields: [...COMMON_READ_ONLY_FIELDS, 'definitionValues'],
    assignments: ASSIGN(),
    permissions: CONFIG,
    restorable: true,
    supportsFilter: true,
  },
  deviceManagementScript: {
    typeKey: 'deviceManagementScript',
    label: 'PowerShell script',
    collectionPath: '/deviceManagement/deviceManagementScripts',
    apiVersion: 'beta',
    odataType: '#microsoft.graph.deviceManagementScript',
    polymorphic: false,
    nameField: 'displayName',
    listSelect: [...BASE_SELECT, 'fileName', 'runAsAccount'],
    metaFields: [...BASE_META, 'fileName', 'runAsAccount', 'enforceSignatureCheck', 'runAs32Bit'],
    platform: { from: 'fixed', value: 'windows' },
    backup: EXPAND_ASSIGNMENTS,
    create: CREATE(),
    update: UPDATE_PATCH,
    readOnlyFields: [...COMMON_READ_ONLY_FIELDS],
    assignments: ASSIGN('deviceManagementScriptAssignments', 204),
    permissions: SCRIPTS,
    restorable: true,
    supportsFilter: true,
  },
  deviceHealthScript: {
    typeKey: 'deviceHealthScript',
    label: 'Remediation script',
    collectionPath: '/deviceManagement/deviceHealthScripts',
    apiVersion: 'beta',
    odataType: '#microsoft.graph.deviceHealthScript',
    polymorphic: false,
    nameField: 'displayName',
    listSelect: [...BASE_SELECT, 'publisher', 'version', 'isGlobalScript'],
    metaFields: [...BASE_META, 'publisher', 'version', 'runAsAccount', 'isGlobalScript'],
    platform: { from: 'fixed', value: 'windows' },
    backup: EXPAND_ASSIGNMENTS,
    create: CREATE(),
    update: UPDATE_PATCH,
    readOnlyFields: [...COMMON_READ_ONLY_FIELDS],
    assignments: ASSIGN('deviceHealthScriptAssignments', 204),
    permissions: SCRIPTS,
    restorable: true,
    supportsFilter: true,
  },
  windowsAutopilotDeploymentProfile: {
    typeKey: 'windowsAutopilotDeploymentProfile',
    label: 'Autopilot deployment profile',
    collectionPath: '/deviceManagement/windowsAutopilotDeploymentProfiles',
    apiVersion: 'beta',
    odataType: '#microsoft.graph.windowsAutopilotDeploymentProfile',
    polymorphic: true,
    nameField: 'displayName',
    listSelect: [...BASE_SELECT, 'deviceNameTemplate', 'locale'],
    metaFields: [...BASE_META, 'deviceNameTemplate', 'locale', 'hardwareHashExtractionEnabled'],
    platform: { from: 'fixed', value: 'windows' },
    backup: EXPAND_ASSIGNMENTS,
    create: CREATE(['@odata.type']),
    update: UPDATE_PATCH,
    readOnlyFields: [...COMMON_READ_ONLY_FIELDS],
    assignments: { readPath: 'assignments', write: { kind: 'perTargetPost', expectedStatus: 201 } },
    permissions: SERVICE_CONFIG,
    restorable: true,
    // The Autopilot-profile docs list $select/$top/$skip/$orderby, not $filter.
    supportsFilter: false,
  },
  assignmentFilter: {
    typeKey: 'assignmentFilter',
    label: 'Assignment filter',
    collectionPath: '/deviceManagement/assignmentFilters',
    apiVersion: 'beta',
    odataType: '#microsoft.graph.deviceAndAppManagementAssignmentFilter',
    polymorphic: false,
    nameField: 'displayName',
    listSelect: [
      'id',
      'displayName',
      'description',
      'platform',
      'assignmentFilterManagementType',
      'createdDateTime',
      'lastModifiedDateTime',
      'roleScopeTags',
    ],
    metaFields: [
      'description',
      'platform',
      'rule',
      'assignmentFilterManagementType',
      'createdDateTime',
      'lastModifiedDateTime',
      'roleScopeTags',
    ],
    platform: { from: 'field', field: 'platform' },
    backup: { expand: [], subResources: [] },
    create: CREATE(),
    update: UPDATE_PATCH,
    // `platform` cannot change after creation (IntuneCD leaves it out of PATCH); `payloads` is computed.
    readOnlyFields: [...COMMON_READ_ONLY_FIELDS, 'payloads'],
    assignments: null,
    permissions: CONFIG,
    restorable: true,
    supportsFilter: true,
  },
  roleScopeTag: {
    typeKey: 'roleScopeTag',
    label: 'Scope tag',
    collectionPath: '/deviceManagement/roleScopeTags',
    apiVersion: 'beta',
    odataType: '#microsoft.graph.roleScopeTag',
    polymorphic: false,
    nameField: 'displayName',
    listSelect: ['id', 'displayName', 'description', 'isBuiltIn'],
    metaFields: ['description', 'isBuiltIn'],
    platform: { from: 'none' },
    backup: EXPAND_ASSIGNMENTS,
    create: CREATE(),
    update: UPDATE_PATCH,
    readOnlyFields: [...COMMON_READ_ONLY_FIELDS, 'isBuiltIn'],
    assignments: ASSIGN(),
    permissions: RBAC,
    restorable: true,
    supportsFilter: true,
  },
  roleDefinition: {
    typeKey: 'roleDefinition',
    label: 'Intune role',
    collectionPath: '/deviceManagement/roleDefinitions',
    apiVersion: 'beta',
    odataType: '#microsoft.graph.deviceAndAppManagementRoleDefinition',
    polymorphic: true,
    nameField: 'displayName',
    listSelect: ['id', 'displayName', 'description', 'isBuiltIn', 'roleScopeTagIds'],
    metaFields: ['description', 'isBuiltIn', 'roleScopeTagIds'],
    platform: { from: 'none' },
    backup: { expand: [], subResources: [] },
    create: CREATE(['@odata.type']),
    update: UPDATE_PATCH,
    readOnlyFields: [...COMMON_READ_ONLY_FIELDS, 'isBuiltIn', 'isBuiltInRoleDefinition', 'roleAssignments'],
    // A role's assignments are roleAssignment objects, their own type.
    assignments: null,
    permissions: RBAC,
    restorable: true,
    supportsFilter: true,
  },
  roleAssignment: {
    typeKey: 'roleAssignment',
    label: 'Intune role assignment',
    collectionPath: '/deviceManagement/roleAssignments',
    apiVersion: 'beta',
    odataType: '#microsoft.graph.deviceAndAppManagementRoleAssignment',
    polymorphic: true,
    nameField: 'displayName',
    listSelect: ['id', 'displayName', 'description', 'scopeType', 'roleScopeTagIds'],
    metaFields: ['description', 'scopeType', 'roleScopeTagIds'],
    platform: { from: 'none' },
    backup: { expand: ['roleDefinition($select=id,displayName)'], subResources: [] },
    // The role is bound on create with "roleDefinition@odata.bind".
    create: CREATE(['@odata.type', 'roleDefinition@odata.bind']),
    update: UPDATE_PATCH,
    readOnlyFields: [...COMMON_READ_ONLY_FIELDS, 'roleDefinition'],
    assignments: null,
    permissions: RBAC,
    restorable: true,
    supportsFilter: true,
  },
  iosManagedAppProtection: appProtection(
    'iosManagedAppProtection',
    'iOS',
    'iosManagedAppProtections',
    'iosManagedAppProtection',
  ),
  androidManagedAppProtection: appProtection(
    'androidManagedAppProtection',
    'Android',
    'androidManagedAppProtections',
    'androidManagedAppProtection',
  ),
  windowsFeatureUpdateProfile: {
    typeKey: 'windowsFeatureUpdateProfile',
    label: 'Windows feature update profile',
    collectionPath: '/deviceManagement/windowsFeatureUpdateProfiles',
    apiVersion: 'beta',
    odataType: '#microsoft.graph.windowsFeatureUpdateProfile',
    polymorphic: false,
    nameField: 'displayName',
    listSelect: [...BASE_SELECT, 'featureUpdateVersion'],
    metaFields: [...BASE_META, 'featureUpdateVersion', 'endOfSupportDate'],
    platform: { from: 'fixed', value: 'windows' },
    backup: EXPAND_ASSIGNMENTS,
    create: CREATE(),
    update: UPDATE_PATCH,
    readOnlyFields: [...COMMON_READ_ONLY_FIELDS, 'deployableContentDisplayName', 'endOfSupportDate'],
    assignments: ASSIGN(),
    permissions: CONFIG,
    restorable: true,
    supportsFilter: true,
  },
  windowsDriverUpdateProfile: {
    typeKey: 'windowsDriverUpdateProfile',
    label: 'Windows driver update profile',
    collectionPath: '/deviceManagement/windowsDriverUpdateProfiles',
    apiVersion: 'beta',
    odataType: '#microsoft.graph.windowsDriverUpdateProfile',
    polymorphic: false,
    nameField: 'displayName',
    listSelect: [...BASE_SELECT, 'approvalType', 'deploymentDeferralInDays'],
    metaFields: [...BASE_META, 'approvalType', 'deploymentDeferralInDays'],
    platform: { from: 'fixed', value: 'windows' },
    backup: EXPAND_ASSIGNMENTS,
    create: CREATE(),
    update: UPDATE_PATCH,
    readOnlyFields: [
      ...COMMON_READ_ONLY_FIELDS,
      'deviceReporting',
      'newUpdates',
      'inventorySyncStatus',
      'driverInventories',
    ],
    assignments: ASSIGN(),
    permissions: CONFIG,
    restorable: true,
    supportsFilter: true,
  },
  mobileApp: {
    typeKey: 'mobileApp',
    label: 'App (metadata only)',
    collectionPath: '/deviceAppManagement/mobileApps',
    apiVersion: 'beta',
    odataType: '#microsoft.graph.mobileApp',
    polymorphic: true,
    nameField: 'displayName',
    listSelect: [
      'id',
      'displayName',
      'description',
      'publisher',
      'isAssigned',
      'publishingState',
      'createdDateTime',
      'lastModifiedDateTime',
      'roleScopeTagIds',
    ],
    metaFields: [
      'description',
      'publisher',
      'isAssigned',
      'publishingState',
      'createdDateTime',
      'lastModifiedDateTime',
      'roleScopeTagIds',
    ],
    platform: { from: 'odataType' },
    backup: EXPAND_ASSIGNMENTS,
    // Binaries live outside Graph; an app is never recreated from a backup.
    create: null,
    update: null,
    readOnlyFields: [...COMMON_READ_ONLY_FIELDS],
    assignments: {
      readPath: 'assignments',
      write: { kind: 'assignAction', bodyKey: 'mobileAppAssignments', expectedStatus: 204 },
    },
    permissions: { read: APPS.read, write: [] },
    restorable: false,
    supportsFilter: true,
  },
};

export const GRAPH_TYPE_KEYS = Object.keys(GRAPH_CONTRACTS) as GraphTypeKey[];

export function isGraphTypeKey(key: string): key is GraphTypeKey {
  return Object.prototype.hasOwnProperty.call(GRAPH_CONTRACTS, key);
}

export function getContract(key: GraphTypeKey | string): GraphContract {
  if (!isGraphTypeKey(key)) throw new Error(`Unknown Graph object type "${key}"`);
  return GRAPH_CONTRACTS[key];
}

/** Entra groups are not an Intune type: read app-only (directory cache), searched delegated (group picker). */
export const GROUP_PERMISSIONS = {
  appRead: [
    'Group.Read.All',
    'GroupMember.Read.All',
    'Directory.Read.All',
    'Group.ReadWrite.All',
    'Directory.ReadWrite.All',
  ],
  delegatedSearch: ['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All'],
} as const;

/** Scopes of the on-behalf-of token for the delegated group picker (least privilege of `delegatedSearch`). */
export const DELEGATED_GROUP_SEARCH_SCOPES: readonly string[] = ['https://graph.microsoft.com/GroupMember.Read.All'];

/** A write body without the fields Graph sets itself (top level, and every `*@odata.context`). */
export function stripReadOnlyFields(contract: GraphContract, body: Record<string, unknown>): Record<string, unknown> {
  const readOnly = new Set(contract.readOnlyFields);
  return Object.fromEntries(
    Object.entries(body).filter(([key]) => !readOnly.has(key) && !key.endsWith('@odata.context')),
  );
}
