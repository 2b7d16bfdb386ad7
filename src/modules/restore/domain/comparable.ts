import type { GraphContract } from '../../../infrastructure/graph';
import { writeBody } from './write-payload';

/** Fields that differ between two copies of the same policy without meaning anything. */
const VOLATILE = new Set(['id', 'createdDateTime', 'lastModifiedDateTime', 'version', 'settingCount', 'isAssigned']);

function normalise(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) return value.map((v) => normalise(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      if (VOLATILE.has(key)) continue;
      // Graph adds the (only possible) type to children it stores, e.g. compliance scheduled actions.
      if (depth > 0 && key === '@odata.type') continue;
      const v = normalise((value as Record<string, unknown>)[key], depth + 1);
      // null, "" and [] mean "not set" alike (CIPP compares them as equal).
      if (v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
      out[key] = v;
    }
    return out;
  }
  return value;
}

/** The part of a payload a restore writes, normalised for comparison (never sent: the raw JSON is). */
export function comparablePayload(contract: GraphContract, payload: Record<string, unknown>): unknown {
  const keep = ['settings', 'scheduledActionsForRule', 'apps', 'definitionValues'];
  const body = writeBody(contract, payload, keep);
  delete body['@odata.type'];
  return normalise(body);
}

export interface ChangeRow {
  path: string;
  left: unknown;
  right: unknown;
}

function leaves(value: unknown, path: string, out: Map<string, unknown>): void {
  if (value && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (entries.length === 0) out.set(path, value);
    for (const [k, v] of entries) leaves(v, path ? `${path}.${k}` : k, out);
    return;
  }
  out.set(path, value);
}

/** Leaf-level differences of two normalised values (left: the backup, right: the live target), capped. */
export function changeRows(left: unknown, right: unknown, cap = 200): ChangeRow[] {
  const l = new Map<string, unknown>();
  const r = new Map<string, unknown>();
  leaves(left, '', l);
  leaves(right, '', r);
  const rows: ChangeRow[] = [];
  for (const path of [...new Set([...l.keys(), ...r.keys()])].sort()) {
    if (JSON.stringify(l.get(path)) === JSON.stringify(r.get(path))) continue;
    rows.push({ path, left: l.get(path) ?? null, right: r.get(path) ?? null });
    if (rows.length >= cap) break;
  }
  return rows;
}
