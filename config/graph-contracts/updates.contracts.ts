/** Windows Update profiles (feature and driver updates), their own collections beside deviceConfigurations. */
import { defineContract, withBaseMeta, withBaseSelect } from './define-contract';
import { INTUNE_PERMISSIONS } from './permissions';

export const UPDATE_CONTRACTS = [
  defineContract({
    typeKey: 'windowsFeatureUpdateProfile',
    label: 'Windows feature update profile',
    collectionPath: '/deviceManagement/windowsFeatureUpdateProfiles',
    odataType: '#microsoft.graph.windowsFeatureUpdateProfile',
    listSelect: withBaseSelect('featureUpdateVersion'),
    metaFields: withBaseMeta('featureUpdateVersion', 'endOfSupportDate'),
    platform: { from: 'fixed', value: 'windows' },
    readOnlyFields: ['deployableContentDisplayName', 'endOfSupportDate'],
    permissions: INTUNE_PERMISSIONS.configuration,
  }),
  defineContract({
    typeKey: 'windowsDriverUpdateProfile',
    label: 'Windows driver update profile',
    collectionPath: '/deviceManagement/windowsDriverUpdateProfiles',
    odataType: '#microsoft.graph.windowsDriverUpdateProfile',
    listSelect: withBaseSelect('approvalType', 'deploymentDeferralInDays'),
    metaFields: withBaseMeta('approvalType', 'deploymentDeferralInDays'),
    platform: { from: 'fixed', value: 'windows' },
    readOnlyFields: ['deviceReporting', 'newUpdates', 'inventorySyncStatus', 'driverInventories'],
    permissions: INTUNE_PERMISSIONS.configuration,
  }),
] as const;
