import type { GraphContract } from './types';

/** IntuneCD `remove_keys`: fields Graph sets itself and rejects in a write body. */
export const COMMON_READ_ONLY_FIELDS = [
  'id',
  'version',
  'createdDateTime',
  'lastModifiedDateTime',
  'modifiedDateTime',
  'isAssigned',
  'supportsScopeTags',
  '@odata.context',
  'assignments',
  'sourceId',
  'isGlobalScript',
  'highestAvailableVersion',
  'deployedAppCount',
  'deviceHealthScriptType',
  'secretReferenceValueId',
  'isEncrypted',
  'isReadOnly',
  'lastSyncDateTime',
  'token',
  'certificate',
  'topicIdentifier',
] as const;

/** A write body without the fields Graph sets itself (top level, and every `*@odata.context`). */
export function stripReadOnlyFields(contract: GraphContract, body: Record<string, unknown>): Record<string, unknown> {
  const readOnly = new Set(contract.readOnlyFields);
  return Object.fromEntries(
    Object.entries(body).filter(([key]) => !readOnly.has(key) && !key.endsWith('@odata.context')),
  );
}
