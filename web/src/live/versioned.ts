/** Something the API versions: every change has a larger `version`, so older copies can be told apart. */
export interface Versioned {
  id: string;
  version: number;
}

/** True when `incoming` should replace `current`: live messages may arrive late or twice; stale ones are dropped. */
export const isNewer = (current: Versioned | undefined, incoming: Versioned): boolean =>
  !current || incoming.version > current.version;

/**
 * Applies a batch of live updates to a list: newer versions replace rows in place, unknown rows that `admit` accepts
 * are put in front (newest first); returns the same array when nothing changed, so React skips the render.
 */
export function applyUpdates<T extends Versioned>(rows: T[], updates: T[], admit: (row: T) => boolean): T[] {
  let changed = false;
  const index = new Map(rows.map((row, i) => [row.id, i]));
  const next = [...rows];
  const added: T[] = [];
  for (const update of updates) {
    const at = index.get(update.id);
    if (at !== undefined) {
      if (isNewer(next[at], update)) {
        next[at] = update;
        changed = true;
      }
    } else if (admit(update)) {
      added.push(update);
      index.set(update.id, -1);
      changed = true;
    }
  }
  return changed ? [...added.reverse(), ...next] : rows;
}
