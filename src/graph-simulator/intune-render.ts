import { collectionSpec, type CollectionSpec, type SubResource } from './collections';
import { badRequest } from './graph-errors';
import { applySelect, type ExpandItem } from './odata-query';
import type { JsonObject, StoredObject } from './simulator-state';

/** The entity as Graph returns it: $select applied, requested navigation collections inlined. */
export function renderObject(
  spec: CollectionSpec,
  stored: StoredObject,
  select: string[] | null,
  expand: ExpandItem[],
): JsonObject {
  const out = applySelect(structuredClone(stored.entity), select);
  for (const item of expand) {
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
    out[item.name] = sub;
  }
  return out;
}

export function specOrThrow(path: string, segment: string): CollectionSpec {
  const spec = collectionSpec(path);
  if (!spec) throw badRequest(`Resource not found for the segment '${segment}'.`);
  return spec;
}
