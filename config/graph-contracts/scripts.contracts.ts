/** PowerShell scripts and remediations (DeviceManagementScripts): each assigns with its own body key, answering 204. */
import { assignAction, defineContract, withBaseMeta, withBaseSelect } from './define-contract';
import { INTUNE_PERMISSIONS } from './permissions';

export const SCRIPT_CONTRACTS = [
  defineContract({
    typeKey: 'deviceManagementScript',
    label: 'PowerShell script',
    collectionPath: '/deviceManagement/deviceManagementScripts',
    odataType: '#microsoft.graph.deviceManagementScript',
    listSelect: withBaseSelect('fileName', 'runAsAccount'),
    metaFields: withBaseMeta('fileName', 'runAsAccount', 'enforceSignatureCheck', 'runAs32Bit'),
    platform: { from: 'fixed', value: 'windows' },
    assignments: assignAction('deviceManagementScriptAssignments', 204),
    permissions: INTUNE_PERMISSIONS.scripts,
  }),
  defineContract({
    typeKey: 'deviceHealthScript',
    label: 'Remediation script',
    collectionPath: '/deviceManagement/deviceHealthScripts',
    odataType: '#microsoft.graph.deviceHealthScript',
    listSelect: withBaseSelect('publisher', 'version', 'isGlobalScript'),
    metaFields: withBaseMeta('publisher', 'version', 'runAsAccount', 'isGlobalScript'),
    platform: { from: 'fixed', value: 'windows' },
    assignments: assignAction('deviceHealthScriptAssignments', 204),
    permissions: INTUNE_PERMISSIONS.scripts,
  }),
] as const;
