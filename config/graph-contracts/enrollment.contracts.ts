/** Enrollment (DeviceManagementServiceConfig): Autopilot deployment profiles. */
import { defineContract, perTargetPost, withBaseMeta, withBaseSelect } from './define-contract';
import { INTUNE_PERMISSIONS } from './permissions';

export const ENROLLMENT_CONTRACTS = [
  defineContract({
    typeKey: 'windowsAutopilotDeploymentProfile',
    label: 'Autopilot deployment profile',
    collectionPath: '/deviceManagement/windowsAutopilotDeploymentProfiles',
    odataType: '#microsoft.graph.windowsAutopilotDeploymentProfile',
    polymorphic: true,
    listSelect: withBaseSelect('deviceNameTemplate', 'locale'),
    metaFields: withBaseMeta('deviceNameTemplate', 'locale', 'hardwareHashExtractionEnabled'),
    platform: { from: 'fixed', value: 'windows' },
    assignments: perTargetPost(),
    permissions: INTUNE_PERMISSIONS.serviceConfig,
    // The Autopilot-profile docs list $select/$top/$skip/$orderby, not $filter.
    supportsFilter: false,
  }),
] as const;
