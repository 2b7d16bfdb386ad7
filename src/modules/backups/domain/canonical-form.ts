import { createHash } from 'node:crypto';
import { getContract, isGraphTypeKey, type GraphContract } from '../../../infrastructure/graph';
import { isJsonObject, naturalKey, type JsonObject } from './natural-key';
import { canonicalJson } from './rfc8785';

/**
 * The canonical form of a policy: what "the same policy" means for hashing and diffing. It is derived, never
 * stored and never sent back to Graph: the raw payload is what a restore writes (other tools canonicalised the
 * payload itself and broke restores: empty arrays became null, one-item arrays became strings).
 *
 * - Volatile fields go: every `*@odata.*` annotation except `@odata.type`, `#…` action advertisements of exports,
 *   bookkeeping timestamps at any depth, the `id` and `version` of the object and of every collection item (a
 *   single-valued reference such as an admin template's `definition` keeps its id: it says *which* definition),
 *   and the contract's top-level read-only fields (counts, `isAssigned`, …) except the sub-resources a backup
 *   reads on purpose (`apps`, `definitionValues`). `assignments` are hashed on their own (`canonicalAssignments`).
 * - `null`, `""`, `[]` and `{}` are the same as absent, so they are dropped.
 * - Arrays are sets: sorted by natural key (setting definition id, OMA-URI, definition id, app id, target), then by
 *   canonical content, so the order Graph returns never matters.
 */

/** Graph sets these itself on every entity; they change without the policy changing. */
const TIMESTAMP_FIELDS = new Set(['createdDateTime', 'lastModifiedDateTime', 'modifiedDateTime', 'lastSyncDateTime']);
/** The identity and revision of an entity (the object itself or an item of one of its collections). */
const ENTITY_FIELDS = new Set(['id', 'version']);

function isAnnotation(key: string): boolean {
  return (key !== '@odata.type' && key.includes('@odata.')) || key.startsWith('#');
}

export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isJsonObject(value) && Object.keys(value).length === 0;
}

/** `scheduledActionsForRule($expand=…)` → `scheduledActionsForRule`. */
function navigationName(expand: string): string {
  const paren = expand.indexOf('(');
  return paren < 0 ? expand : expand.slice(0, paren);
}

const topLevelVolatileCache = new Map<string, ReadonlySet<string>>();

/** The contract's read-only fields that say nothing about the policy's configuration. */
function topLevelVolatile(contract: GraphContract | null): ReadonlySet<string> {
  const key = contract?.typeKey ?? '';
  let fields = topLevelVolatileCache.get(key);
  if (!fields) {
    const content = new Set<string>([
      ...(contract?.backup.expand ?? []).map(navigationName),
      ...(contract?.backup.subResources ?? []).map((s) => s.key),
    ]);
    content.delete('assignments');
    fields = new Set([...(contract?.readOnlyFields ?? []), 'assignments'].filter((f) => !content.has(f)));
    topLevelVolatileCache.set(key, fields);
  }
  return fields;
}

/** Sorts canonical items by natural key, then by canonical text (a total order: any shuffle sorts the same). */
export function sortAsSet(items: unknown[]): unknown[] {
  const keyed = items.map((item) => ({ item, key: naturalKey(item) ?? '', text: canonicalJson(item) }));
  keyed.sort((a, b) => compare(a.key, b.key) || compare(a.text, b.text));
  return keyed.map((k) => k.item);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonicalValue(value: unknown, isEntity: boolean): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => canonicalValue(v, true)).filter((v) => !isEmptyValue(v));
    return sortAsSet(items);
  }
  if (isJsonObject(value)) return canonicalObject(value, isEntity, null);
  return value;
}

function canonicalObject(value: JsonObject, isEntity: boolean, dropAlso: ReadonlySet<string> | null): JsonObject {
  const out: JsonObject = {};
  for (const [key, raw] of Object.entries(value)) {
    if (isAnnotation(key) || TIMESTAMP_FIELDS.has(key)) continue;
    if (isEntity && ENTITY_FIELDS.has(key)) continue;
    if (dropAlso?.has(key)) continue;
    const v = canonicalValue(raw, false);
    if (!isEmptyValue(v)) out[key] = v;
  }
  return out;
}

function contractOf(typeKey: string): GraphContract | null {
  return isGraphTypeKey(typeKey) ? getContract(typeKey) : null;
}

/** The canonical form of a policy payload (see above); a new value, the payload is left untouched. */
export function canonicalPayload(typeKey: string, payload: unknown): unknown {
  if (!isJsonObject(payload)) return canonicalValue(payload, true);
  const contract = contractOf(typeKey);
  const out = canonicalObject(payload, true, topLevelVolatile(contract));
  // A GET on a non-polymorphic type's own URL may omit `@odata.type` (app protection); the list carries it.
  if (contract && !contract.polymorphic && out['@odata.type'] === undefined) out['@odata.type'] = contract.odataType;
  return out;
}

const NO_FILTER_ID = '00000000-0000-0000-0000-000000000000';

function canonicalTarget(target: JsonObject): JsonObject {
  const out = canonicalObject(target, false, null);
  const filterId = out.deviceAndAppManagementAssignmentFilterId;
  // "No filter" comes back as null, "", the zero GUID or filter type `none`: all the same thing.
  if (
    filterId === undefined ||
    filterId === NO_FILTER_ID ||
    out.deviceAndAppManagementAssignmentFilterType === 'none'
  ) {
    delete out.deviceAndAppManagementAssignmentFilterId;
    delete out.deviceAndAppManagementAssignmentFilterType;
  }
  return out;
}

/**
 * The canonical form of an assignment set: no ids, no `@odata.type` of the assignment wrapper (the policy type
 * implies it), `source: direct` as the default it is, targets without "no filter" noise, sorted by target type,
 * group and filter. What is left: the target, its filter, and type-specific fields (`intent`, `settings`,
 * `runSchedule`, …).
 */
export function canonicalAssignments(assignments: unknown[] | null | undefined): unknown[] {
  const items: JsonObject[] = [];
  for (const raw of assignments ?? []) {
    if (!isJsonObject(raw)) continue;
    const { target, ...rest } = raw;
    const out = canonicalObject(rest, true, new Set(['@odata.type', 'sourceId']));
    if (out.source === 'direct') delete out.source;
    if (isJsonObject(target)) out.target = canonicalTarget(target);
    items.push(out);
  }
  const keyed = items.map((item) => ({ item, key: assignmentSortKey(item), text: canonicalJson(item) }));
  keyed.sort((a, b) => compare(a.key, b.key) || compare(a.text, b.text));
  return keyed.map((k) => k.item);
}

function assignmentSortKey(item: JsonObject): string {
  const target = isJsonObject(item.target) ? item.target : {};
  const filter = `${String(target.deviceAndAppManagementAssignmentFilterId ?? '')}:${String(target.deviceAndAppManagementAssignmentFilterType ?? '')}`;
  return `${naturalKey(item) ?? ''}|${filter}`;
}

/** SHA-256 (hex) of the RFC 8785 canonical JSON of a value: the content address of a canonical form. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
