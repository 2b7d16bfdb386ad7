import type { GraphTypeKey } from '../../../infrastructure/graph';

/**
 * IntuneManagement's folder per object type (the `Id` of its view items, the layout OpenIntuneBaseline and most
 * community baselines are published in). Export writes these folders; import reads them as a hint only, after
 * `@odata.type`. Windows Update rings live in deviceConfigurations but IntuneManagement files them apart.
 */
const FOLDER_OF_TYPE: Readonly<Record<GraphTypeKey, string>> = {
  deviceConfiguration: 'DeviceConfiguration',
  deviceCompliancePolicy: 'CompliancePolicies',
  settingsCatalogPolicy: 'SettingsCatalog',
  groupPolicyConfiguration: 'AdministrativeTemplates',
  deviceManagementScript: 'PowerShellScripts',
  deviceHealthScript: 'DeviceHealthScripts',
  windowsAutopilotDeploymentProfile: 'AutoPilot',
  assignmentFilter: 'AssignmentFilters',
  roleScopeTag: 'ScopeTags',
  roleDefinition: 'RoleDefinitions',
  roleAssignment: 'RoleAssignments',
  iosManagedAppProtection: 'AppProtection',
  androidManagedAppProtection: 'AppProtection',
  windowsFeatureUpdateProfile: 'FeatureUpdates',
  windowsDriverUpdateProfile: 'DriverUpdateProfiles',
  mobileApp: 'Applications',
};

const UPDATE_RING_TYPES = new Set([
  '#microsoft.graph.windowsUpdateForBusinessConfiguration',
  '#microsoft.graph.iosUpdateConfiguration',
]);
const UPDATE_RING_FOLDER = 'UpdatePolicies';

/** The folder an exported object goes into. */
export function exportFolderFor(typeKey: GraphTypeKey, odataType: string | null): string {
  if (typeKey === 'deviceConfiguration' && odataType && UPDATE_RING_TYPES.has(odataType)) return UPDATE_RING_FOLDER;
  return FOLDER_OF_TYPE[typeKey];
}

/** The types a folder name may hold (case-insensitive), e.g. `AppProtection` → iOS and Android. */
export function typeKeysOfFolder(folder: string): GraphTypeKey[] {
  const wanted = folder.toLowerCase();
  if (wanted === UPDATE_RING_FOLDER.toLowerCase()) return ['deviceConfiguration'];
  return (Object.keys(FOLDER_OF_TYPE) as GraphTypeKey[]).filter((k) => FOLDER_OF_TYPE[k].toLowerCase() === wanted);
}
