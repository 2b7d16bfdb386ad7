import { createHash } from 'node:crypto';
import { GRAPH_CONTRACTS, type GraphTypeKey } from '../../../infrastructure/graph';
import { parentFolder } from './archive-entry-name';
import { detectTypeKey } from './detect-type-key';

/** One object read from an archive, in the shape a backup stores (the facade's `SnapshotInput`). */
export interface ArchivedSnapshot {
  typeKey: GraphTypeKey;
  sourceId: string;
  displayName: string;
  odataType: string | null;
  /** The file's JSON exactly as read, without `assignments` (they are kept and hashed on their own). */
  payload: Record<string, unknown>;
  /** The inline `assignments` array, raw; `[]` when the file has none. */
  assignments: Record<string, unknown>[];
}

/** A file that is valid JSON but not an object of a type the contracts know; reported, not imported. */
export interface UnknownArchiveFile {
  path: string;
  odataType: string | null;
  reason: 'UNKNOWN_TYPE' | 'NOT_AN_OBJECT' | 'BAD_ASSIGNMENTS';
}

export type ArchiveObject = { kind: 'snapshot'; path: string; snapshot: ArchivedSnapshot } | UnknownArchivedObject;
type UnknownArchivedObject = { kind: 'unknown'; file: UnknownArchiveFile };

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

const stringOr = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

function baseName(path: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1);
  return file.replace(/\.json$/i, '');
}

/**
 * An archived file's JSON → what a backup stores. The type comes from `@odata.type` (see `detectTypeKey`); the
 * source id from `id` (a file without one gets a stable id from its path, so a re-import of the same archive
 * versions the same object); the name from the contract's name field, else the file name.
 */
export function toArchiveObject(path: string, json: unknown): ArchiveObject {
  if (!isObject(json)) return { kind: 'unknown', file: { path, odataType: null, reason: 'NOT_AN_OBJECT' } };
  const { assignments, ...payload } = json;
  const odataType = stringOr(payload['@odata.type']);
  if (
    assignments !== undefined &&
    assignments !== null &&
    !(Array.isArray(assignments) && assignments.every(isObject))
  ) {
    return { kind: 'unknown', file: { path, odataType, reason: 'BAD_ASSIGNMENTS' } };
  }
  const typeKey = detectTypeKey({
    odataType,
    odataContext: stringOr(payload['@odata.context']),
    folder: parentFolder(path),
  });
  if (!typeKey) return { kind: 'unknown', file: { path, odataType, reason: 'UNKNOWN_TYPE' } };

  const contract = GRAPH_CONTRACTS[typeKey];
  const sourceId =
    stringOr(payload.id) ?? `import-${createHash('sha256').update(path.toLowerCase()).digest('hex').slice(0, 32)}`;
  const displayName =
    stringOr(payload[contract.nameField]) ?? stringOr(payload.displayName) ?? stringOr(payload.name) ?? baseName(path);
  return {
    kind: 'snapshot',
    path,
    snapshot: {
      typeKey,
      sourceId,
      displayName,
      odataType,
      payload,
      assignments: (assignments as Record<string, unknown>[] | null | undefined) ?? [],
    },
  };
}
