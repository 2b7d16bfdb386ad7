import { randomUUID } from 'node:crypto';
import { COMMON_READ_ONLY, type CollectionSpec } from './collections';
import { badRequest } from './graph-errors';
import { stripAnnotations } from './seed-from-exports';
import type { JsonObject, SimTenant, StoredObject } from './simulator-state';

/** Write-body rules Graph enforces: JSON object, no read-only properties, concrete type on polymorphic POST. */
export function validateWriteBody(
  spec: CollectionSpec,
  body: unknown,
  mode: 'create' | 'update' | 'replace',
): JsonObject {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('Empty Payload. JSON content expected.');
  const readOnly = new Set([
    ...COMMON_READ_ONLY,
    ...spec.readOnly,
    ...(mode === 'create' ? [] : (spec.readOnlyOnUpdate ?? [])),
  ]);
  for (const key of Object.keys(body)) {
    if (readOnly.has(key)) {
      throw badRequest(`Property '${key}' is read-only and cannot be set on 'microsoft.graph.${spec.entityType}'.`);
    }
  }
  const clean = stripAnnotations(body as JsonObject);
  if (mode === 'create' && spec.polymorphic && typeof clean['@odata.type'] !== 'string') {
    throw badRequest(
      `A type name must be specified in '@odata.type' when creating an instance of the abstract type 'microsoft.graph.${spec.entityType}'.`,
    );
  }
  if (mode !== 'update' && typeof clean[spec.nameField] !== 'string') {
    throw badRequest(`Property '${spec.nameField}' is required on 'microsoft.graph.${spec.entityType}'.`);
  }
  return clean;
}

/** Graph's rule: a compliance policy is created with exactly one `block` action among its scheduled actions. */
export function assertOneBlockAction(rules: unknown): void {
  const blocks = Array.isArray(rules)
    ? rules
        .flatMap((r) => ((r as JsonObject)?.scheduledActionConfigurations as JsonObject[] | undefined) ?? [])
        .filter((a) => a?.actionType === 'block').length
    : 0;
  if (blocks !== 1) throw badRequest('Compliance policy must have one and only one block scheduled action');
}

export const nowIso = (): string => new Date().toISOString();

export function initialVersion(spec: CollectionSpec): unknown {
  switch (spec.version) {
    case 'int':
      return 1;
    case 'string':
      return '1';
    case 'etag':
      return `"${randomUUID()}"`;
    default:
      return undefined;
  }
}

export function nextVersion(spec: CollectionSpec, current: unknown): unknown {
  switch (spec.version) {
    case 'int':
      return (typeof current === 'number' ? current : 0) + 1;
    case 'string':
      return String((Number(current) || 0) + 1);
    case 'etag':
      return `"${randomUUID()}"`;
    default:
      return undefined;
  }
}

export function withSettingIds(settings: unknown): JsonObject[] {
  if (settings === undefined) return [];
  if (!Array.isArray(settings)) throw badRequest("Property 'settings' must be a collection.");
  return settings.map((s, i) => ({ ...(s as JsonObject), id: String(i) }));
}

export function withRuleIds(policyId: string, rules: unknown): JsonObject[] {
  return (rules as JsonObject[]).map((r) => ({
    '@odata.type': '#microsoft.graph.deviceComplianceScheduledActionForRule',
    ...r,
    id: typeof r.id === 'string' ? r.id : policyId,
    scheduledActionConfigurations: ((r.scheduledActionConfigurations as JsonObject[] | undefined) ?? []).map((a) => ({
      '@odata.type': '#microsoft.graph.deviceComplianceActionItem',
      ...a,
      id: typeof a.id === 'string' ? a.id : randomUUID(),
    })),
  }));
}

const NO_FILTER = '00000000-0000-0000-0000-000000000000';

/**
 * Graph validates the filter of every assignment target (a missing one is a 400, IM#373) but not its group: an
 * unknown group id is accepted and the portal later shows it as deleted.
 */
export function assertFiltersExist(tenant: SimTenant, list: JsonObject[]): void {
  for (const a of list) {
    const filterId = ((a?.target ?? {}) as JsonObject).deviceAndAppManagementAssignmentFilterId;
    if (typeof filterId !== 'string' || filterId === '' || filterId === NO_FILTER) continue;
    if (!tenant.get('deviceManagement/assignmentFilters', filterId))
      throw badRequest(`Scope Tags validation failed : Filters [${filterId}] not found.`);
  }
}

/** Assignment ids follow Graph's `{policyId}_{groupId}` habit, so re-posting the same set is idempotent. */
export function normaliseAssignments(spec: CollectionSpec, policyId: string, list: JsonObject[]): JsonObject[] {
  return list.map((raw, i) => {
    const a = stripAnnotations(raw);
    const target = (a.target ?? {}) as JsonObject;
    const key =
      typeof target.groupId === 'string'
        ? target.groupId
        : String(target['@odata.type'] ?? i).replace(/^#microsoft\.graph\./, '');
    const out: JsonObject = { ...a, id: `${policyId}_${key}` };
    if (spec.path === 'deviceManagement/configurationPolicies') {
      out.source ??= 'direct';
      out.sourceId ??= policyId;
    }
    return out;
  });
}

export function markAssigned(stored: StoredObject): void {
  if ('isAssigned' in stored.entity) stored.entity.isAssigned = (stored.subs.assignments ?? []).length > 0;
}

export function newId(spec: CollectionSpec): string {
  const id = randomUUID();
  return spec.path.startsWith('deviceAppManagement/') && spec.path.endsWith('ManagedAppProtections') ? `T_${id}` : id;
}

/** Collections whose entity carries roleScopeTagIds (filters use `roleScopeTags`, tags have none). */
export function defaultsRoleScopeTags(spec: CollectionSpec): boolean {
  return !['deviceManagement/assignmentFilters', 'deviceManagement/roleScopeTags'].includes(spec.path);
}
