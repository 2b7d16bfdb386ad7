/** How each simulated Intune collection behaves on writes and which sub-resources it owns. */
export type SubResource = 'assignments' | 'settings' | 'scheduledActionsForRule' | 'apps' | 'definitionValues';

export const SUB_RESOURCES: readonly SubResource[] = [
  'assignments',
  'settings',
  'scheduledActionsForRule',
  'apps',
  'definitionValues',
];

export interface CollectionSpec {
  path: string;
  /** Base entity type name, used in @odata.context-like messages and as the default @odata.type. */
  entityType: string;
  /** POST must name a concrete subtype (abstract base in Graph). */
  polymorphic: boolean;
  nameField: 'displayName' | 'name';
  subResources: SubResource[];
  /** int: Int32 bumped on update; string: "1","2"…; etag: opaque quoted string replaced on update. */
  version: 'int' | 'string' | 'etag' | 'none';
  patchStatus: 200 | 204;
  /** Body key of POST /{id}/assign, with its success status; null = no assign action. */
  assign: { key: string; status: 200 | 204 } | null;
  /** Fields Graph rejects in any write body (beyond the common ones). */
  readOnly: string[];
  /** Fields rejected only on PATCH/PUT (they may appear, ignored, on create in exports). */
  readOnlyOnUpdate?: string[];
  /** A view over other collections (managedAppPolicies lists all app policies); writes go to the typed ones. */
  viewOf?: string[];
  /** PUT /{id} replaces the whole object (settings catalog). */
  put?: boolean;
  /** Single-valued navigation properties `$expand` accepts (kept in `StoredObject.refs`). */
  singleNavs?: string[];
  /** Properties Graph returns only on a GET by id, never in the list (scripts' content). */
  omitFromList?: string[];
}

/** Read-only on every Intune entity (graph-facts §1 "Strip before POST/PATCH"). */
export const COMMON_READ_ONLY = [
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'modifiedDateTime',
  'version',
  'isAssigned',
  'supportsScopeTags',
];

const spec = (s: Partial<CollectionSpec> & Pick<CollectionSpec, 'path' | 'entityType'>): CollectionSpec => ({
  polymorphic: false,
  nameField: 'displayName',
  subResources: ['assignments'],
  version: 'none',
  patchStatus: 200,
  assign: { key: 'assignments', status: 200 },
  readOnly: [],
  ...s,
});

/** iOS and Android app protection behave alike: etag versions, `apps` beside `assignments`, assign answers 204. */
const appProtectionSpec = (platform: 'ios' | 'android'): CollectionSpec =>
  spec({
    path: `deviceAppManagement/${platform}ManagedAppProtections`,
    entityType: `${platform}ManagedAppProtection`,
    version: 'etag',
    subResources: ['assignments', 'apps'],
    assign: { key: 'assignments', status: 204 },
    readOnly: ['deployedAppCount'],
  });

export const COLLECTIONS: readonly CollectionSpec[] = [
  spec({
    path: 'deviceManagement/deviceConfigurations',
    entityType: 'deviceConfiguration',
    polymorphic: true,
    version: 'int',
    patchStatus: 204,
  }),
  spec({
    path: 'deviceManagement/deviceCompliancePolicies',
    entityType: 'deviceCompliancePolicy',
    polymorphic: true,
    version: 'int',
    patchStatus: 204,
    subResources: ['assignments', 'scheduledActionsForRule'],
  }),
  spec({
    path: 'deviceManagement/configurationPolicies',
    entityType: 'deviceManagementConfigurationPolicy',
    nameField: 'name',
    subResources: ['assignments', 'settings'],
    readOnly: [],
    readOnlyOnUpdate: ['settingCount', 'creationSource'],
    put: true,
  }),
  spec({
    path: 'deviceManagement/groupPolicyConfigurations',
    entityType: 'groupPolicyConfiguration',
    subResources: ['assignments', 'definitionValues'],
  }),
  spec({
    path: 'deviceManagement/deviceManagementScripts',
    entityType: 'deviceManagementScript',
    assign: { key: 'deviceManagementScriptAssignments', status: 204 },
    omitFromList: ['scriptContent'],
  }),
  spec({
    path: 'deviceManagement/deviceHealthScripts',
    entityType: 'deviceHealthScript',
    version: 'string',
    assign: { key: 'deviceHealthScriptAssignments', status: 204 },
    readOnly: ['isGlobalScript', 'highestAvailableVersion'],
  }),
  spec({
    path: 'deviceManagement/windowsAutopilotDeploymentProfiles',
    entityType: 'windowsAutopilotDeploymentProfile',
    polymorphic: true,
  }),
  spec({
    path: 'deviceManagement/assignmentFilters',
    entityType: 'deviceAndAppManagementAssignmentFilter',
    subResources: [],
    assign: null,
    readOnly: ['payloads'],
  }),
  spec({ path: 'deviceManagement/roleScopeTags', entityType: 'roleScopeTag' }),
  spec({
    path: 'deviceManagement/roleDefinitions',
    entityType: 'deviceAndAppManagementRoleDefinition',
    subResources: [],
    assign: null,
  }),
  spec({
    path: 'deviceManagement/roleAssignments',
    entityType: 'deviceAndAppManagementRoleAssignment',
    subResources: [],
    assign: null,
    singleNavs: ['roleDefinition'],
  }),
  spec({
    path: 'deviceManagement/windowsFeatureUpdateProfiles',
    entityType: 'windowsFeatureUpdateProfile',
    readOnly: ['deployableContentDisplayName', 'endOfSupportDate'],
  }),
  spec({ path: 'deviceManagement/windowsDriverUpdateProfiles', entityType: 'windowsDriverUpdateProfile' }),
  appProtectionSpec('ios'),
  appProtectionSpec('android'),
  spec({
    path: 'deviceAppManagement/managedAppPolicies',
    entityType: 'managedAppPolicy',
    polymorphic: true,
    version: 'etag',
    subResources: ['assignments', 'apps'],
    assign: null,
    viewOf: ['deviceAppManagement/iosManagedAppProtections', 'deviceAppManagement/androidManagedAppProtections'],
  }),
  spec({
    path: 'deviceAppManagement/mobileApps',
    entityType: 'mobileApp',
    polymorphic: true,
    assign: { key: 'mobileAppAssignments', status: 204 },
    readOnly: ['publishingState', 'uploadState', 'dependentAppCount', 'supersedingAppCount', 'supersededAppCount'],
  }),
];

const byPath = new Map(COLLECTIONS.map((c) => [c.path, c]));

export function collectionSpec(path: string): CollectionSpec | undefined {
  return byPath.get(path);
}

export const INTUNE_COLLECTION_PATHS: readonly string[] = COLLECTIONS.map((c) => c.path);
