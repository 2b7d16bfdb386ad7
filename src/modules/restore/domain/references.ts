import type { MappingKind } from './restore-model';

/** The MAM "All users" target is a virtual group with this id in every tenant (CAPI Get-CIPPIntuneAssignmentTarget). */
export const MAM_ALL_USERS_GROUP = 'acacacac-9df4-4c7d-9d50-4ef0226f57a9';
export const NO_FILTER_ID = '00000000-0000-0000-0000-000000000000';
/** The built-in "Default" scope tag, present in every tenant. */
export const DEFAULT_SCOPE_TAG = '0';

export interface Reference {
  kind: MappingKind;
  sourceId: string;
}

const asObject = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export function targetOf(assignment: Record<string, unknown>): Record<string, unknown> {
  return asObject(assignment.target);
}

export function filterIdOf(target: Record<string, unknown>): string | null {
  const id = str(target.deviceAndAppManagementAssignmentFilterId);
  return id && id !== NO_FILTER_ID ? id : null;
}

/** Only direct assignments are restored; policy-set ones (`source` ≠ direct) belong to the policy set. */
export function isDirect(assignment: Record<string, unknown>): boolean {
  return assignment.source === undefined || assignment.source === null || assignment.source === 'direct';
}

/**
 * Every id in a backed-up object that means something only in its own tenant: groups in assignments, compliance CC
 * lists and role assignments; filters in assignment targets; scope tags; the role a role assignment binds.
 */
export function referencesOf(
  typeKey: string,
  payload: Record<string, unknown>,
  assignments: readonly Record<string, unknown>[],
): Reference[] {
  const refs: Reference[] = [];
  const add = (kind: MappingKind, id: string | null) => {
    if (id && !refs.some((r) => r.kind === kind && r.sourceId === id)) refs.push({ kind, sourceId: id });
  };
  for (const a of assignments.filter(isDirect)) {
    const target = targetOf(a);
    const groupId = str(target.groupId);
    if (groupId !== MAM_ALL_USERS_GROUP) add('group', groupId);
    add('filter', filterIdOf(target));
  }
  for (const rule of asArray(payload.scheduledActionsForRule))
    for (const action of asArray(asObject(rule).scheduledActionConfigurations))
      for (const id of asArray(asObject(action).notificationMessageCCList)) add('group', str(id));
  if (typeKey === 'roleAssignment') {
    for (const id of [...asArray(payload.members), ...asArray(payload.resourceScopes)]) add('group', str(id));
    add('roleDefinition', str(asObject(payload.roleDefinition).id));
  }
  const tags = typeKey === 'assignmentFilter' ? payload.roleScopeTags : payload.roleScopeTagIds;
  for (const id of asArray(tags)) if (str(id) !== DEFAULT_SCOPE_TAG) add('scopeTag', str(id));
  return refs;
}
