import type { GraphContract } from '../../../infrastructure/graph';

/** Sub-resources a backup holds inline; each is written by its own call (or inline where the type needs it). */
export const INLINE_SUB_RESOURCES = ['assignments', 'settings', 'scheduledActionsForRule', 'apps', 'definitionValues'];

/** Graph computes these on children too; sending them back is a 400 or a silent mismatch. */
const CHILD_READ_ONLY = new Set(['id', 'createdDateTime', 'lastModifiedDateTime', 'version']);

/**
 * OData control information Graph computes (`*@odata.context`, `*@odata.id`, `*@odata.editLink`, `*@odata.navigationLink`,
 * `x@odata.type`…), at every depth; only an object's own `@odata.type` and `…@odata.bind` references stay (IM
 * `Start-GraphPreImport`).
 */
function isControlInformation(key: string): boolean {
  if (key === '@odata.type' || key.endsWith('@odata.bind')) return false;
  return key.includes('@odata.');
}

function stripDeep(value: unknown, depth: number): unknown {
  if (Array.isArray(value)) return value.map((v) => stripDeep(v, depth + 1));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (isControlInformation(key)) continue;
    if (depth > 0 && CHILD_READ_ONLY.has(key)) continue;
    out[key] = stripDeep(v, depth + 1);
  }
  return out;
}

/**
 * The body a create/update sends: the raw backed-up JSON minus the contract's read-only fields (top level), OData
 * control information and child ids (every level), and the sub-resources that travel in their own calls. `keep`
 * names sub-resources this type sends inline (settings catalog `settings`, compliance `scheduledActionsForRule` on
 * create).
 */
export function writeBody(
  contract: GraphContract,
  payload: Record<string, unknown>,
  keep: readonly string[] = [],
): Record<string, unknown> {
  const readOnly = new Set(contract.readOnlyFields);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (readOnly.has(key) || isControlInformation(key)) continue;
    if (INLINE_SUB_RESOURCES.includes(key) && !keep.includes(key)) continue;
    out[key] = stripDeep(value, 1);
  }
  return out;
}

/** Children of a sub-resource, cleaned the same way (ids, control information). */
export function childBodies(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? (value.map((v) => stripDeep(v, 1)) as Record<string, unknown>[]) : [];
}
