import type { MappingEntry, MappingKind } from './restore-model';
import { DEFAULT_SCOPE_TAG, filterIdOf, isDirect, MAM_ALL_USERS_GROUP, targetOf, type Reference } from './references';

export interface NamedObject {
  id: string;
  name: string;
}

/** The target's side of a mapping: what exists there now, and what this plan will create before it is needed. */
export interface MappingCandidates {
  /** Live target objects (groups from the directory cache; filters, tags and roles from Graph). */
  existing: readonly NamedObject[];
  /** Names of objects of this kind that the plan creates first (resolved from the ledger at execution). */
  planned: ReadonlySet<string>;
  /** Source id → target id from earlier restores (the ID ledger), for kinds restore creates (filters, tags, roles). */
  ledger?: ReadonlyMap<string, string>;
}

const lower = (s: string) => s.toLocaleLowerCase('en-US');

/**
 * One reference → one target: same id (groups only: Entra ids are global, a group of the same tenant keeps its id),
 * else a unique display name (groups case-insensitively, as Entra compares them), else an object the plan creates,
 * else unmapped. Scope tag "0" (Default) exists everywhere.
 */
export function resolveReference(
  ref: Reference,
  sourceName: string | null,
  candidates: MappingCandidates,
): MappingEntry {
  const base = { kind: ref.kind, sourceId: ref.sourceId, sourceName };
  if (ref.kind === 'scopeTag' && ref.sourceId === DEFAULT_SCOPE_TAG)
    return { ...base, targetId: DEFAULT_SCOPE_TAG, foundBy: 'builtIn', note: null };
  if (ref.kind === 'group' && candidates.existing.some((o) => o.id === ref.sourceId))
    return { ...base, targetId: ref.sourceId, foundBy: 'sameId', note: null };
  const fromLedger = candidates.ledger?.get(ref.sourceId);
  if (fromLedger && candidates.existing.some((o) => o.id === fromLedger))
    return { ...base, targetId: fromLedger, foundBy: 'ledger', note: null };
  if (sourceName === null)
    return { ...base, targetId: null, foundBy: 'none', note: 'its name is unknown (not in the backup or the cache)' };
  const same = (n: string) => (ref.kind === 'group' ? lower(n) === lower(sourceName) : n === sourceName);
  const named = candidates.existing.filter((o) => same(o.name));
  if (named.length === 1) return { ...base, targetId: named[0].id, foundBy: 'name', note: null };
  if (named.length > 1)
    return {
      ...base,
      targetId: null,
      foundBy: 'none',
      note: `ambiguous: ${named.length} objects named "${sourceName}" in the target`,
    };
  if (candidates.planned.has(sourceName)) return { ...base, targetId: null, foundBy: 'planned', note: null };
  return { ...base, targetId: null, foundBy: 'none', note: `no ${ref.kind} named "${sourceName}" in the target` };
}

export const mappingKey = (kind: MappingKind, sourceId: string): string => `${kind}:${sourceId}`;

/** Why an item cannot be written with these mappings: every unmapped reference, in words. */
export function unmappedReasons(refs: readonly Reference[], mappings: ReadonlyMap<string, MappingEntry>): string[] {
  const reasons: string[] = [];
  for (const ref of refs) {
    const m = mappings.get(mappingKey(ref.kind, ref.sourceId));
    if (!m || (m.targetId === null && m.foundBy !== 'planned')) {
      const name = m?.sourceName ? ` "${m.sourceName}"` : '';
      reasons.push(`unmapped ${ref.kind}${name} (${ref.sourceId})${m?.note ? `: ${m.note}` : ''}`);
    }
  }
  return reasons;
}

/** Resolves a source id to its target id at execution; throws when a mapping is missing (the plan blocked it). */
export type IdResolver = (kind: MappingKind, sourceId: string) => string;

const mapList = (value: unknown, kind: MappingKind, resolve: IdResolver, keep?: string): unknown =>
  Array.isArray(value) ? value.map((id) => (typeof id === 'string' && id !== keep ? resolve(kind, id) : id)) : value;

/** The write body with every tenant-bound id replaced: scope tags, compliance CC groups, role assignment groups. */
export function mapPayloadIds(
  typeKey: string,
  body: Record<string, unknown>,
  resolve: IdResolver,
): Record<string, unknown> {
  const out = { ...body };
  if ('roleScopeTagIds' in out)
    out.roleScopeTagIds = mapList(out.roleScopeTagIds, 'scopeTag', resolve, DEFAULT_SCOPE_TAG);
  if (typeKey === 'assignmentFilter' && 'roleScopeTags' in out)
    out.roleScopeTags = mapList(out.roleScopeTags, 'scopeTag', resolve, DEFAULT_SCOPE_TAG);
  if (Array.isArray(out.scheduledActionsForRule)) {
    out.scheduledActionsForRule = out.scheduledActionsForRule.map((rule: Record<string, unknown>) => ({
      ...rule,
      scheduledActionConfigurations: Array.isArray(rule.scheduledActionConfigurations)
        ? rule.scheduledActionConfigurations.map((a: Record<string, unknown>) =>
            'notificationMessageCCList' in a
              ? { ...a, notificationMessageCCList: mapList(a.notificationMessageCCList, 'group', resolve) }
              : a,
          )
        : rule.scheduledActionConfigurations,
    }));
  }
  if (typeKey === 'roleAssignment') {
    out.members = mapList(out.members, 'group', resolve);
    out.resourceScopes = mapList(out.resourceScopes, 'group', resolve);
  }
  return out;
}

/** Per-type extra fields an assignment keeps besides its target (IM `AssignmentProperties`). */
const EXTRA_FIELDS: Record<string, readonly string[]> = {
  mobileApp: ['intent', 'settings'],
  deviceHealthScript: ['runSchedule', 'runRemediationScript'],
};

const MAM_TYPES = new Set(['iosManagedAppProtection', 'androidManagedAppProtection']);

/**
 * Assignments in the minimal shape each type's write takes, with mapped group and filter ids: the target's type,
 * group and filter; policy-set assignments left out; MAM accepts groups only (All users = its virtual group, there is
 * no All devices). A filter is never dropped: an unmapped filter blocks the item before this runs.
 */
export function assignmentBodies(
  typeKey: string,
  assignments: readonly Record<string, unknown>[],
  resolve: IdResolver,
): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const a of assignments.filter(isDirect)) {
    const source = targetOf(a);
    let odataType = String(source['@odata.type'] ?? '');
    const target: Record<string, unknown> = {};
    let groupId = typeof source.groupId === 'string' ? source.groupId : null;
    if (MAM_TYPES.has(typeKey)) {
      if (odataType === '#microsoft.graph.allLicensedUsersAssignmentTarget') {
        odataType = '#microsoft.graph.groupAssignmentTarget';
        groupId = MAM_ALL_USERS_GROUP;
      } else if (odataType === '#microsoft.graph.allDevicesAssignmentTarget') continue;
    }
    target['@odata.type'] = odataType;
    if (groupId) target.groupId = groupId === MAM_ALL_USERS_GROUP ? groupId : resolve('group', groupId);
    const filterId = filterIdOf(source);
    if (filterId) {
      target.deviceAndAppManagementAssignmentFilterId = resolve('filter', filterId);
      target.deviceAndAppManagementAssignmentFilterType =
        source.deviceAndAppManagementAssignmentFilterType ?? 'include';
    }
    const body: Record<string, unknown> = { target };
    if (typeof a['@odata.type'] === 'string') body['@odata.type'] = a['@odata.type'];
    for (const field of EXTRA_FIELDS[typeKey] ?? []) if (field in a) body[field] = a[field];
    out.push(body);
  }
  return out;
}
