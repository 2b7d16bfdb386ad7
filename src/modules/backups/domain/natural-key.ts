/**
 * The key that identifies an item of a Graph collection by what it is, not where Graph put it or which id it was
 * given: used to sort set-like arrays in the canonical form and to pair items in the diff. Undefined when the item
 * has none (the canonical form then orders it by its content; the diff pairs equal items).
 */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** `#microsoft.graph.exclusionGroupAssignmentTarget` → `exclusionGroup`. */
export function assignmentTargetKind(target: JsonObject): string {
  const type = str(target['@odata.type']) ?? 'unknown';
  return type.replace(/^#?microsoft\.graph\./, '').replace(/AssignmentTarget$/, '');
}

/** An assignment target without its filter: `group:<groupId>`, `exclusionGroup:<groupId>`, `allDevices`. */
export function assignmentTargetKey(target: JsonObject): string {
  const kind = assignmentTargetKind(target);
  const ref = str(target.groupId) ?? str(target.collectionId);
  return ref ? `${kind}:${ref}` : kind;
}

export function naturalKey(item: unknown): string | undefined {
  if (!isJsonObject(item)) return undefined;
  // Settings catalog: a setting (`settings[]`) and a setting instance (`children[]`) are their definition.
  const instance = item.settingInstance;
  if (isJsonObject(instance) && str(instance.settingDefinitionId)) return str(instance.settingDefinitionId);
  if (str(item.settingDefinitionId)) return str(item.settingDefinitionId);
  // Custom (OMA-URI) profiles.
  if (str(item.omaUri)) return str(item.omaUri);
  // Administrative templates: a definition value is its definition, a presentation value its presentation.
  if (isJsonObject(item.definition) && str(item.definition.id)) return str(item.definition.id);
  if (isJsonObject(item.presentation) && str(item.presentation.id)) return str(item.presentation.id);
  // App protection targeted apps: the bundle / package id.
  const app = item.mobileAppIdentifier;
  if (isJsonObject(app)) {
    const ref = Object.entries(app).find(([k, v]) => k !== '@odata.type' && str(v));
    if (ref) return `${str(app['@odata.type']) ?? ''}:${ref[1] as string}`;
  }
  // Assignments.
  if (isJsonObject(item.target)) return assignmentTargetKey(item.target);
  return undefined;
}
