import { isGraphTypeKey, getContract } from '../../../infrastructure/graph';
import { assignmentBodies, mapPayloadIds, type IdResolver } from './mapping';

/** One side of an update's comparison: a payload and its assignment set, raw (the backups module canonicalises). */
export interface ComparedSide {
  payload: Record<string, unknown>;
  assignments: Record<string, unknown>[];
}

/**
 * What an update compares: the backed-up item as restore would write it (tenant-bound ids already mapped to the
 * target's, so a group found under another id is no change) against the live object. Assignments on both sides
 * take the shape restore writes (direct ones only, MAM's virtual "All users" group, mapped group and filter ids);
 * without `includeAssignments`, or for a type without assignments, both sides have none (they are not compared).
 * What counts as a change is the backups module's (`BackupsFacade.contentHashes` / `diffPolicies`).
 */
export function comparedSides(
  typeKey: string,
  source: ComparedSide,
  live: Record<string, unknown>,
  resolve: IdResolver,
  includeAssignments: boolean,
): { left: ComparedSide; right: ComparedSide } {
  const withAssignments = includeAssignments && isGraphTypeKey(typeKey) && getContract(typeKey).assignments;
  const liveAssignments = Array.isArray(live.assignments) ? (live.assignments as Record<string, unknown>[]) : [];
  return {
    left: {
      payload: mapPayloadIds(typeKey, source.payload, resolve),
      assignments: withAssignments ? assignmentBodies(typeKey, source.assignments, resolve) : [],
    },
    right: {
      payload: live,
      assignments: withAssignments ? assignmentBodies(typeKey, liveAssignments, (_kind, id) => id) : [],
    },
  };
}

/** Rows a plan item keeps at most (the jsonb column stays small; the plan hash covers them). */
export const MAX_PLAN_DIFF_ROWS = 200;
