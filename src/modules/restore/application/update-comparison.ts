import { comparedSides, MAX_PLAN_DIFF_ROWS } from '../domain/comparable';
import type { IdResolver } from '../domain/mapping';
import type { PlanDiffRow, SourceItem } from '../domain/restore-model';
import type { RestoreBackupSource } from './backup-source';

/**
 * What an update would change, by the backups module's rules so restore and backups agree on "changed": null when
 * the mapped backup and the live object hash alike (identical after normalisation: a skip), else the diff rows
 * (setting labels, group names, secrets masked), capped. Both sides hold the target's ids after mapping, so group
 * names come from the target's directory cache.
 */
export async function compareUpdate(
  backups: Pick<RestoreBackupSource, 'contentHashes' | 'diffPolicies'>,
  source: Pick<SourceItem, 'typeKey' | 'payload' | 'assignments'>,
  live: Record<string, unknown>,
  o: { targetTenantId: string; resolve: IdResolver; includeAssignments: boolean },
): Promise<PlanDiffRow[] | null> {
  const typeKey = source.typeKey;
  const { left, right } = comparedSides(typeKey, source, live, o.resolve, o.includeAssignments);
  const mine = backups.contentHashes(typeKey, left.payload, left.assignments);
  const theirs = backups.contentHashes(typeKey, right.payload, right.assignments);
  if (mine.payloadHash === theirs.payloadHash && mine.assignmentsHash === theirs.assignmentsHash) return null;
  const rows = await backups.diffPolicies(
    typeKey,
    { tenantId: o.targetTenantId, ...left },
    { tenantId: o.targetTenantId, ...right },
  );
  return rows.slice(0, MAX_PLAN_DIFF_ROWS).map((row) => ({
    path: row.path,
    label: row.label,
    kind: row.kind,
    // Absent on one side (added / removed) is stored as null, as JSON has no undefined.
    left: row.left ?? null,
    right: row.right ?? null,
  }));
}
