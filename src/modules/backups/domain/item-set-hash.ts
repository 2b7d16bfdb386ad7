import { createHash } from 'node:crypto';

/** One item as an item set holds it: everything of a backup item but its row id and owner. */
export interface ItemSetEntry {
  sourceId: string;
  displayName: string;
  odataType: string | null;
  payloadHash: string;
  assignmentsHash: string;
  versionId: string;
  secretPaths: string[];
}

/**
 * The text of one entry in a set's hash: a JSON array without spaces. The same text as the SQL function
 * `backup_item_set_line` (migration 1764240000000, which hashed the existing backups' sets): `JSON.stringify` and
 * PostgreSQL's `to_json` escape strings alike (`"`, `\`, control characters), `item-set-hash.int-spec.ts` checks it.
 */
export function itemSetLine(e: ItemSetEntry): string {
  return JSON.stringify([
    e.sourceId,
    e.displayName,
    e.odataType,
    e.payloadHash,
    e.assignmentsHash,
    e.versionId,
    e.secretPaths,
  ]);
}

/** Byte order of the UTF-8 text (PostgreSQL's `COLLATE "C"`): code point order, unlike JS's UTF-16 `<`. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/**
 * Sorts `entries` in place by source id (byte order) and returns the set's content address: SHA-256 (hex) of the
 * lines joined by `\n`. Source ids are unique within a set (the recorder keeps the first snapshot of an object).
 */
export function itemSetHash(entries: ItemSetEntry[]): string {
  entries.sort((a, b) => compareCodePoints(a.sourceId, b.sourceId));
  const hash = createHash('sha256');
  entries.forEach((e, i) => hash.update(i === 0 ? itemSetLine(e) : `\n${itemSetLine(e)}`, 'utf8'));
  return hash.digest('hex');
}
