import { collectionSpec, type CollectionSpec, type SubResource } from './collections';
import { badRequest } from './graph-errors';
import { applySelect, type ExpandItem } from './odata-query';
import type { JsonObject, StoredObject } from './simulator-state';

/**
 * The entity as Graph returns it: $select applied, requested navigation collections inlined. A list leaves out what
 * only a GET by id returns (`omitFromList`).
 */
export function renderObject(
  spec: CollectionSpec,
  stored: StoredObject,
  select: string[] | null,
  expand: ExpandItem[],
  forList = false,
): JsonObject {
  const entity = structuredClone(stored.entity);
  if (forList) for (const key of spec.omitFromList ?? []) delete entity[key];
  const out = applySelect(entity, select);
  for (const item of expand) {
    if (spec.singleNavs?.includes(item.name)) {
      out[item.name] = structuredClone(stored.refs?.[item.name] ?? null);
      continue;
    }
    if (!spec.subResources.includes(item.name as SubResource)) {
      throw badRequest(`Could not find a property named '${item.name}' on type 'microsoft.graph.${spec.entityType}'.`);
    }
    const sub = structuredClone(stored.subs[item.name as SubResource] ?? []);
    // Compliance actions are a second-level navigation: without the nested $expand, Graph leaves them out.
    if (
      item.name === 'scheduledActionsForRule' &&
      !item.nested.some((n) => n.name === 'scheduledActionConfigurations')
    ) {
      for (const rule of sub) delete rule.scheduledActionConfigurations;
    }
    out[item.name] = item.name === 'definitionValues' ? sub.map((v) => renderDefinitionValue(v, item.nested)) : sub;
  }
  return out;
}

/**
 * A stored definition value holds its `definition` and `presentationValues` (each with its `presentation`) inline, as
 * exports have them; Graph returns each only when expanded (`definitionValues?$expand=definition`, then
 * `definitionValues/{id}/presentationValues?$expand=presentation`).
 */
export function renderDefinitionValue(value: JsonObject, expand: ExpandItem[]): JsonObject {
  const out = structuredClone(value);
  if (!expand.some((e) => e.name === 'definition')) delete out.definition;
  const presentations = expand.find((e) => e.name === 'presentationValues');
  if (presentations && Array.isArray(out.presentationValues))
    out.presentationValues = (out.presentationValues as JsonObject[]).map((p) =>
      renderPresentationValue(p, presentations.nested),
    );
  else delete out.presentationValues;
  return out;
}

export function renderPresentationValue(value: JsonObject, expand: ExpandItem[]): JsonObject {
  const out = structuredClone(value);
  if (!expand.some((e) => e.name === 'presentation')) delete out.presentation;
  return out;
}

export function specOrThrow(path: string, segment: string): CollectionSpec {
  const spec = collectionSpec(path);
  if (!spec) throw badRequest(`Resource not found for the segment '${segment}'.`);
  return spec;
}
