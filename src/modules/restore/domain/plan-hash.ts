import { createHash } from 'node:crypto';
import type { MappingEntry, RestoreAction } from './restore-model';

export interface HashedItem {
  seq: number;
  backupItemId: string;
  action: RestoreAction;
  targetId: string | null;
  targetFingerprint: string | null;
  reasons: readonly string[];
}

export interface HashedPlan {
  backupId: string;
  targetTenantId: string;
  mode: string;
  includeAssignments: boolean;
  items: readonly HashedItem[];
  mappings: readonly MappingEntry[];
}

/** Deterministic JSON: keys sorted at every level (arrays keep their order: it is meaningful here). */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

/**
 * What the admin reviewed: items, actions, reasons, mappings and the target state preview saw (fingerprints). Any
 * change (a mapping override, another preview) gives another hash; confirm refuses a hash that is not the plan's.
 */
export function planHash(plan: HashedPlan): string {
  // Only the named fields count: rows read back from the database carry more (ids, diffs), which must not matter.
  const items = [...plan.items]
    .sort((a, b) => a.seq - b.seq)
    .map((i) => ({
      seq: i.seq,
      backupItemId: i.backupItemId,
      action: i.action,
      targetId: i.targetId,
      targetFingerprint: i.targetFingerprint,
      reasons: i.reasons,
    }));
  const mappings = [...plan.mappings]
    .sort((a, b) => `${a.kind}:${a.sourceId}`.localeCompare(`${b.kind}:${b.sourceId}`))
    .map((m) => ({
      kind: m.kind,
      sourceId: m.sourceId,
      sourceName: m.sourceName,
      targetId: m.targetId,
      foundBy: m.foundBy,
      note: m.note,
    }));
  const { backupId, targetTenantId, mode, includeAssignments } = plan;
  return createHash('sha256')
    .update(stable({ backupId, targetTenantId, mode, includeAssignments, items, mappings }))
    .digest('hex');
}
