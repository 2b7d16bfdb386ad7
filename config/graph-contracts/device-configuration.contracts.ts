/** Device configuration profiles and compliance policies: the classic, polymorphic Intune policy collections. */
import { defineContract, withBaseMeta, withBaseSelect } from './define-contract';
import { INTUNE_PERMISSIONS } from './permissions';

export const DEVICE_CONFIGURATION_CONTRACTS = [
  defineContract({
    typeKey: 'deviceConfiguration',
    label: 'Device configuration',
    collectionPath: '/deviceManagement/deviceConfigurations',
    odataType: '#microsoft.graph.deviceConfiguration',
    polymorphic: true,
    listSelect: withBaseSelect('version'),
    metaFields: withBaseMeta('version'),
    platform: { from: 'odataType' },
    permissions: INTUNE_PERMISSIONS.configuration,
  }),
  defineContract({
    typeKey: 'deviceCompliancePolicy',
    label: 'Compliance policy',
    collectionPath: '/deviceManagement/deviceCompliancePolicies',
    odataType: '#microsoft.graph.deviceCompliancePolicy',
    polymorphic: true,
    listSelect: withBaseSelect('version'),
    metaFields: withBaseMeta('version'),
    platform: { from: 'odataType' },
    // GET …/scheduledActionsForRule as a path is a 400 on Graph; only $expand works.
    backup: { expand: ['assignments', 'scheduledActionsForRule($expand=scheduledActionConfigurations)'] },
    // Graph rejects a compliance POST without exactly one `block` scheduled action.
    requiredOnCreate: ['scheduledActionsForRule'],
    permissions: INTUNE_PERMISSIONS.configuration,
  }),
] as const;
