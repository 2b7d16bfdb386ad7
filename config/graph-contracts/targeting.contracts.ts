/**
 * Targeting: assignment filters. Not RBAC: they need DeviceManagementConfiguration (not DeviceManagementRBAC),
 * have no assignments of their own, and are referenced from the assignment targets of every other family, so a
 * restore treats them like groups (resolve or create first), not like roles.
 */
import { defineContract } from './define-contract';
import { INTUNE_PERMISSIONS } from './permissions';

export const TARGETING_CONTRACTS = [
  defineContract({
    typeKey: 'assignmentFilter',
    label: 'Assignment filter',
    collectionPath: '/deviceManagement/assignmentFilters',
    odataType: '#microsoft.graph.deviceAndAppManagementAssignmentFilter',
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
    // `platform` cannot change after creation (IntuneCD leaves it out of PATCH); `payloads` is computed.
    readOnlyFields: ['payloads'],
    assignments: null,
    permissions: INTUNE_PERMISSIONS.configuration,
  }),
] as const;
