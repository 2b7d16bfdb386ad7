/** Apps (mobileApps): metadata and assignments only; binaries live outside Graph. */
import { assignAction, defineContract } from './define-contract';
import { INTUNE_PERMISSIONS } from './permissions';

/** Listed by inventory and kept, all of them, as meta. */
const META = [
  'description',
  'publisher',
  'isAssigned',
  'publishingState',
  'createdDateTime',
  'lastModifiedDateTime',
  'roleScopeTagIds',
];

export const APP_CONTRACTS = [
  defineContract({
    typeKey: 'mobileApp',
    label: 'App (metadata only)',
    collectionPath: '/deviceAppManagement/mobileApps',
    odataType: '#microsoft.graph.mobileApp',
    polymorphic: true,
    listSelect: ['id', 'displayName', ...META],
    metaFields: META,
    platform: { from: 'odataType' },
    assignments: assignAction('mobileAppAssignments', 204),
    permissions: INTUNE_PERMISSIONS.apps,
    // An app is never recreated from a backup.
    restorable: false,
  }),
] as const;
