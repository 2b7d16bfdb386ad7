/** App protection (MAM) policies: read from the type-specific collections, where create/update must go too. */
import { assignAction, defineContract, withBaseMeta, withBaseSelect } from './define-contract';
import { INTUNE_PERMISSIONS } from './permissions';
import type { GraphTypeKey } from './types';

/** iOS and Android policies share one shape. */
const appProtection = <K extends GraphTypeKey>(typeKey: K, platformLabel: 'iOS' | 'Android', collection: string) =>
  defineContract({
    typeKey,
    label: `${platformLabel} app protection policy`,
    collectionPath: `/deviceAppManagement/${collection}`,
    odataType: `#microsoft.graph.${typeKey}`,
    listSelect: withBaseSelect('version', 'isAssigned'),
    metaFields: withBaseMeta('version', 'isAssigned'),
    platform: { from: 'fixed', value: platformLabel === 'iOS' ? 'iOS' : 'android' },
    backup: { expand: ['apps', 'assignments'] },
    readOnlyFields: ['apps'],
    assignments: assignAction('assignments', 204),
    permissions: INTUNE_PERMISSIONS.apps,
  });

export const APP_PROTECTION_CONTRACTS = [
  appProtection('iosManagedAppProtection', 'iOS', 'iosManagedAppProtections'),
  appProtection('androidManagedAppProtection', 'Android', 'androidManagedAppProtections'),
] as const;
