/**
 * Which objects two backups have in common, and which of those changed, from their hashes alone: the diff of
 * two backups reads payloads only for the objects this reports as changed, so its cost grows with the number of
 * changes, not with the tenant size.
 *
 * An object is matched by type and source id (the same tenant); what is left is matched by type and name when
 * the name is unique on both sides (another tenant, or a policy deleted and re-created under the same name).
 */
export interface BackupItemRef {
  itemId: string;
  typeKey: string;
  sourceId: string;
  name: string;
  payloadHash: string;
  assignmentsHash: string;
}

export type ObjectChange = 'added' | 'removed' | 'changed';

export interface ComparedObject {
  kind: ObjectChange;
  typeKey: string;
  name: string;
  left: BackupItemRef | null;
  right: BackupItemRef | null;
  payloadChanged: boolean;
  assignmentsChanged: boolean;
}

export interface BackupComparison {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  /** Changed, then removed, then added; each by type and name. */
  objects: ComparedObject[];
}

export function compareBackupItems(left: readonly BackupItemRef[], right: readonly BackupItemRef[]): BackupComparison {
  const pairs: Array<[BackupItemRef, BackupItemRef]> = [];
  const bySource = new Map(right.map((r) => [`${r.typeKey}\u0000${r.sourceId}`, r]));
  const leftRest: BackupItemRef[] = [];
  for (const l of left) {
    const key = `${l.typeKey}\u0000${l.sourceId}`;
    const r = bySource.get(key);
    if (r) {
      pairs.push([l, r]);
      bySource.delete(key);
    } else leftRest.push(l);
  }
  const rightRest = [...bySource.values()];

  const byName = (items: BackupItemRef[]) => {
    const map = new Map<string, BackupItemRef[]>();
    for (const item of items) {
      const key = `${item.typeKey}\u0000${item.name}`;
      map.set(key, [...(map.get(key) ?? []), item]);
    }
    return map;
  };
  const leftNames = byName(leftRest);
  const rightNames = byName(rightRest);
  const removed: BackupItemRef[] = [];
  for (const [key, ls] of leftNames) {
    const rs = rightNames.get(key);
    if (ls.length === 1 && rs?.length === 1) {
      pairs.push([ls[0], rs[0]]);
      rightNames.delete(key);
    } else removed.push(...ls);
  }
  const added = [...rightNames.values()].flat();

  const objects: ComparedObject[] = [];
  let unchanged = 0;
  for (const [l, r] of pairs) {
    const payloadChanged = l.payloadHash !== r.payloadHash;
    const assignmentsChanged = l.assignmentsHash !== r.assignmentsHash;
    if (!payloadChanged && !assignmentsChanged) unchanged++;
    else
      objects.push({
        kind: 'changed',
        typeKey: r.typeKey,
        name: r.name,
        left: l,
        right: r,
        payloadChanged,
        assignmentsChanged,
      });
  }
  const changed = objects.length;
  const one = (kind: ObjectChange, item: BackupItemRef): ComparedObject => ({
    kind,
    typeKey: item.typeKey,
    name: item.name,
    left: kind === 'removed' ? item : null,
    right: kind === 'added' ? item : null,
    payloadChanged: true,
    assignmentsChanged: true,
  });
  const order = (a: ComparedObject, b: ComparedObject) =>
    a.typeKey.localeCompare(b.typeKey) || a.name.localeCompare(b.name);
  return {
    added: added.length,
    removed: removed.length,
    changed,
    unchanged,
    objects: [
      ...objects.sort(order),
      ...removed.map((i) => one('removed', i)).sort(order),
      ...added.map((i) => one('added', i)).sort(order),
    ],
  };
}
