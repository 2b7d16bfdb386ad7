/** Intune RBAC (DeviceManagementRBAC): scope tags, role definitions and role assignments. */
import { defineContract } from './define-contract';
import { INTUNE_PERMISSIONS } from './permissions';

export const RBAC_CONTRACTS = [
  defineContract({
    typeKey: 'roleScopeTag',
    label: 'Scope tag',
    collectionPath: '/deviceManagement/roleScopeTags',
    odataType: '#microsoft.graph.roleScopeTag',
    listSelect: ['id', 'displayName', 'description', 'isBuiltIn'],
    metaFields: ['description', 'isBuiltIn'],
    platform: { from: 'none' },
    readOnlyFields: ['isBuiltIn'],
    permissions: INTUNE_PERMISSIONS.rbac,
  }),
  defineContract({
    typeKey: 'roleDefinition',
    label: 'Intune role',
    collectionPath: '/deviceManagement/roleDefinitions',
    odataType: '#microsoft.graph.deviceAndAppManagementRoleDefinition',
    polymorphic: true,
    listSelect: ['id', 'displayName', 'description', 'isBuiltIn', 'roleScopeTagIds'],
    metaFields: ['description', 'isBuiltIn', 'roleScopeTagIds'],
    platform: { from: 'none' },
    readOnlyFields: ['isBuiltIn', 'isBuiltInRoleDefinition', 'roleAssignments'],
    // A role's assignments are roleAssignment objects, their own type.
    assignments: null,
    permissions: INTUNE_PERMISSIONS.rbac,
  }),
  defineContract({
    typeKey: 'roleAssignment',
    label: 'Intune role assignment',
    collectionPath: '/deviceManagement/roleAssignments',
    odataType: '#microsoft.graph.deviceAndAppManagementRoleAssignment',
    polymorphic: true,
    listSelect: ['id', 'displayName', 'description', 'scopeType', 'roleScopeTagIds'],
    metaFields: ['description', 'scopeType', 'roleScopeTagIds'],
    platform: { from: 'none' },
    backup: { expand: ['roleDefinition($select=id,displayName)'] },
    // The role is bound on create with "roleDefinition@odata.bind".
    requiredOnCreate: ['roleDefinition@odata.bind'],
    readOnlyFields: ['roleDefinition'],
    assignments: null,
    permissions: INTUNE_PERMISSIONS.rbac,
  }),
] as const;
