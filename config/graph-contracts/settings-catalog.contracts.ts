/** Settings catalog (configurationPolicies, beta only): `name` instead of displayName, settings as a child collection. */
import { defineContract } from './define-contract';
import { INTUNE_PERMISSIONS } from './permissions';

/** Listed by inventory and kept, all of them, as meta. */
const META = [
  'description',
  'platforms',
  'technologies',
  'settingCount',
  'createdDateTime',
  'lastModifiedDateTime',
  'roleScopeTagIds',
  'templateReference',
];

export const SETTINGS_CATALOG_CONTRACTS = [
  defineContract({
    typeKey: 'settingsCatalogPolicy',
    label: 'Settings catalog policy',
    collectionPath: '/deviceManagement/configurationPolicies',
    odataType: '#microsoft.graph.deviceManagementConfigurationPolicy',
    nameField: 'name',
    listSelect: ['id', 'name', ...META],
    metaFields: META,
    platform: { from: 'field', field: 'platforms' },
    backup: { expand: ['settings', 'assignments'] },
    requiredOnCreate: ['settings'],
    // PATCH changes metadata only; a full update is PUT with `settings` (IntuneCD: 204).
    updateMethod: 'PUT',
    readOnlyFields: ['settingCount', 'creationSource'],
    permissions: INTUNE_PERMISSIONS.configuration,
  }),
] as const;
