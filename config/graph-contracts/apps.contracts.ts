/** Apps (mobileApps): metadata and assignments only; binaries live outside Graph. */
import { assignAction, defineContract } from './define-contract';
import { INTUNE_PERMISSIONS } from './permissions';

export const APP_CONTRACTS = [
  defineContract({
    typeKey: 'mobileApp',
    label: 'App (metadata only)',
    collectionPath: '/deviceAppManagement/mobileApps',
    odataType: '#microsoft.graph.mobileApp',
    polymorphic: true,
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
    assignments: assignAction('mobileAppAssignments', 204),
    permissions: INTUNE_PERMISSIONS.apps,
    // An app is never recreated from a backup.
    restorable: false,
  }),
] as const;
