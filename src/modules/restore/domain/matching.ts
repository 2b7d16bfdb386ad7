import type { MatchedBy, TargetObject } from './restore-model';

export type MatchResult =
  | { kind: 'none' }
  | { kind: 'match'; target: TargetObject; by: MatchedBy }
  | { kind: 'ambiguous'; count: number; name: string };

export interface MatchInput {
  sourceId: string;
  name: string;
  odataType: string | null;
}

/**
 * DESIGN.md §6: same tenant → the original id if it still exists, else name + `@odata.type`; another tenant → the ID
 * ledger of earlier restores first, then name + `@odata.type`. More than one object by name → ambiguous (IM refuses
 * to act too, `Reset-GraphObject`).
 */
export function matchItem(
  item: MatchInput,
  sameTenant: boolean,
  targets: readonly TargetObject[],
  ledgerTargetId: string | null,
): MatchResult {
  const byId = (id: string | null) => (id ? targets.find((t) => t.id === id) : undefined);
  const first = sameTenant ? byId(item.sourceId) : byId(ledgerTargetId);
  if (first) return { kind: 'match', target: first, by: sameTenant ? 'originalId' : 'ledger' };
  const named = targets.filter(
    (t) => t.name === item.name && (t.odataType === null || item.odataType === null || t.odataType === item.odataType),
  );
  if (named.length === 1) return { kind: 'match', target: named[0], by: 'name' };
  if (named.length > 1) return { kind: 'ambiguous', count: named.length, name: item.name };
  return { kind: 'none' };
}

/** What changes whenever Graph changes an object: compared at confirm time and before every write. */
export function fingerprintOf(object: Record<string, unknown>): string {
  const modified = object.lastModifiedDateTime ?? object.modifiedDateTime ?? '';
  const version = object.version ?? '';
  return `${String(modified)}|${String(version)}`;
}
