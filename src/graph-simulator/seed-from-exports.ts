import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { collectionSpec, SUB_RESOURCES, type SubResource } from './collections';
import type { JsonObject, SimTenant, StoredObject } from './simulator-state';

/**
 * Removes OData control information except `@odata.type`, at every depth: exports carry `@odata.id`,
 * `@odata.editLink`, `x@odata.type`, `x@odata.navigationLink`… which Graph computes, never stores.
 */
export function stripAnnotations<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => stripAnnotations(v)) as T;
  if (value && typeof value === 'object') {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value as JsonObject)) {
      if (k !== '@odata.type' && k.includes('@odata.')) continue;
      out[k] = stripAnnotations(v);
    }
    return out as T;
  }
  return value;
}

/** `https://graph.microsoft.com/beta/$metadata#deviceManagement/configurationPolicies(assignments(),settings())/$entity` → `deviceManagement/configurationPolicies`. */
export function collectionFromContext(context: string): string | null {
  const hash = context.indexOf('#');
  if (hash < 0) return null;
  let rest = context.slice(hash + 1);
  const paren = rest.indexOf('(');
  if (paren >= 0) rest = rest.slice(0, paren);
  rest = rest.replace(/\/\$entity$/, '');
  return rest || null;
}

/** Splits an export-shaped object (sub-resources inline) into the entity and its navigation collections. */
export function toStoredObject(collection: string, raw: JsonObject): StoredObject {
  const clean = stripAnnotations(raw);
  const subs: StoredObject['subs'] = {};
  const spec = collectionSpec(collection);
  const allowed = new Set<string>(spec?.subResources ?? SUB_RESOURCES);
  const refs: NonNullable<StoredObject['refs']> = {};
  for (const key of spec?.singleNavs ?? []) {
    if (!(key in clean)) continue;
    const value = clean[key];
    delete clean[key];
    refs[key] = value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : null;
  }
  for (const key of SUB_RESOURCES) {
    if (!(key in clean)) continue;
    const value = clean[key];
    delete clean[key];
    if (allowed.has(key) && Array.isArray(value)) subs[key as SubResource] = value as JsonObject[];
  }
  return Object.keys(refs).length ? { entity: clean, subs, refs } : { entity: clean, subs };
}

function* jsonFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* jsonFiles(full);
    else if (name.toLowerCase().endsWith('.json')) yield full;
  }
}

export interface SeedResult {
  loaded: number;
  byCollection: Record<string, number>;
  skipped: string[];
}

/** Loads every `*.json` under `dir` whose `@odata.context` names a collection; ids are kept as exported. */
export function seedFromExports(tenant: SimTenant, dir: string): SeedResult {
  const result: SeedResult = { loaded: 0, byCollection: {}, skipped: [] };
  for (const file of jsonFiles(dir)) {
    let raw: unknown;
    try {
      // PowerShell exports often start with a BOM.
      raw = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    } catch {
      result.skipped.push(file);
      continue;
    }
    const obj = raw as JsonObject;
    const context = typeof obj?.['@odata.context'] === 'string' ? (obj['@odata.context'] as string) : null;
    const collection = context ? collectionFromContext(context) : null;
    if (!collection || typeof obj.id !== 'string') {
      result.skipped.push(file);
      continue;
    }
    tenant.put(collection, toStoredObject(collection, obj));
    result.loaded++;
    result.byCollection[collection] = (result.byCollection[collection] ?? 0) + 1;
  }
  return result;
}
