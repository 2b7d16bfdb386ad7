import { randomUUID } from 'node:crypto';
import type { CollectionSpec, SubResource } from './collections';
import { badRequest, forbidden, GraphError, notFound } from './graph-errors';
import { isWriteMethod, type GraphResponse, type HandlerContext } from './graph-context';
import { renderDefinitionValue, renderObject, renderPresentationValue, specOrThrow } from './intune-render';
import {
  assertFiltersExist,
  assertOneBlockAction,
  defaultsRoleScopeTags,
  initialVersion,
  markAssigned,
  newId,
  nextVersion,
  normaliseAssignments,
  nowIso,
  validateWriteBody,
  withRuleIds,
  withSettingIds,
} from './intune-writes';
import { paginate, parseExpand, parseFilter, parseSelect, parseTop } from './odata-query';
import { missingPermission } from './permissions';
import type { JsonObject, StoredObject } from './simulator-state';

const noRoute = (): GraphError => badRequest('No method match route template');
const ok = (status: number, body?: unknown): GraphResponse => ({ status, headers: {}, body });

/** deviceManagement/* and deviceAppManagement/* — segments after the namespace: [collection, id?, nav?, navId?]. */
export function handleIntune(ctx: HandlerContext, ns: string, rest: string[]): GraphResponse {
  const [collSeg, id, nav, navId, ...extra] = rest;
  if (!collSeg) throw noRoute();
  const collection = `${ns}/${collSeg}`;
  const spec = specOrThrow(collection, collSeg);
  const method = ctx.req.method.toUpperCase();
  checkPermission(ctx, collection, isWriteMethod(method));
  if (extra.length) {
    // groupPolicyConfigurations/{id}/definitionValues/{valueId}/presentationValues: the only third-level read.
    if (
      nav === 'definitionValues' &&
      navId &&
      extra.length === 1 &&
      extra[0] === 'presentationValues' &&
      method === 'GET'
    )
      return presentationValues(ctx, spec, id, navId);
    throw noRoute();
  }
  if (id === undefined) {
    if (method === 'GET') return list(ctx, spec);
    if (method === 'POST') return create(ctx, spec);
    throw noRoute();
  }
  const stored = ctx.tenant.get(collection, id);
  if (!stored) throw notFound(`Resource not found: ${collection}('${id}') does not exist.`);
  if (nav === undefined) {
    if (method === 'GET')
      return ok(200, {
        '@odata.context': context(ctx, `${collection}/$entity`),
        ...renderObject(spec, stored, parseSelect(ctx.req.query.$select), parseExpand(ctx.req.query.$expand)),
      });
    if (method === 'PATCH') return update(ctx, spec, stored);
    if (method === 'PUT' && spec.put) return replace(ctx, spec, stored);
    if (method === 'DELETE') {
      ctx.tenant.remove(collection, id);
      return ok(204);
    }
    throw noRoute();
  }
  return navigation(ctx, spec, stored, nav, navId, method);
}

function checkPermission(ctx: HandlerContext, collection: string, write: boolean): void {
  const missing = missingPermission(collection, write, ctx.principal.kind, ctx.principal.granted);
  if (!missing) return;
  throw forbidden(
    `Application is not authorized to perform this operation. Application must have one of the following scopes: ${missing.join(', ')} - Operation ID (for customer support): ${randomUUID()} - Activity ID: ${randomUUID()} - Url: https://fef.msub02.manage.microsoft.com/${collection}`,
  );
}

function context(ctx: HandlerContext, suffix: string): string {
  return `${ctx.req.baseUrl}/${ctx.req.version}/$metadata#${suffix}`;
}

function selfUrl(ctx: HandlerContext): string {
  return `${ctx.req.baseUrl}/${ctx.req.version}/${ctx.req.path}`;
}

function list(ctx: HandlerContext, spec: CollectionSpec): GraphResponse {
  const q = ctx.req.query;
  const filter = parseFilter(q.$filter);
  const select = parseSelect(q.$select);
  const expand = parseExpand(q.$expand);
  const all = ctx.tenant.list(spec.path).filter((o) => !filter || filter(o.entity));
  const page = paginate(all, q, ctx.pageSize, selfUrl(ctx), parseTop(q.$top, { strict: false }));
  return ok(
    200,
    pageBody(
      ctx,
      spec.path,
      page.items.map((o) => renderObject(spec, o, select, expand, true)),
      page,
    ),
  );
}

function pageBody(
  ctx: HandlerContext,
  contextSuffix: string,
  value: unknown[],
  page: { nextLink: string | null; count?: number },
): JsonObject {
  const body: JsonObject = { '@odata.context': context(ctx, contextSuffix) };
  if (page.count !== undefined) body['@odata.count'] = page.count;
  if (page.nextLink) body['@odata.nextLink'] = page.nextLink;
  body.value = value;
  return body;
}

function create(ctx: HandlerContext, spec: CollectionSpec): GraphResponse {
  if (spec.viewOf) throw badRequest(`Create ${spec.entityType} through its type-specific collection.`);
  const body = validateWriteBody(spec, ctx.req.body, 'create');
  const id = newId(spec);
  const now = nowIso();
  const subs: StoredObject['subs'] = {};
  if (spec.path === 'deviceManagement/deviceCompliancePolicies') {
    assertOneBlockAction(body.scheduledActionsForRule);
    subs.scheduledActionsForRule = withRuleIds(id, body.scheduledActionsForRule);
  }
  if (spec.subResources.includes('settings')) subs.settings = withSettingIds(body.settings);
  if (spec.subResources.includes('apps') && Array.isArray(body.apps)) subs.apps = body.apps as JsonObject[];
  subs.assignments = [];
  for (const key of ['assignments', 'settings', 'scheduledActionsForRule', 'apps', 'definitionValues'])
    delete body[key];
  const entity: JsonObject = {
    '@odata.type': `#microsoft.graph.${spec.entityType}`,
    ...body,
    id,
    createdDateTime: now,
    lastModifiedDateTime: now,
  };
  const version = initialVersion(spec);
  if (version !== undefined) entity.version = version;
  if (defaultsRoleScopeTags(spec) && !Array.isArray(entity.roleScopeTagIds)) entity.roleScopeTagIds = ['0'];
  if (spec.path === 'deviceManagement/deviceConfigurations') entity.supportsScopeTags = true;
  if (spec.path === 'deviceManagement/configurationPolicies') {
    entity.settingCount = subs.settings?.length ?? 0;
    entity.isAssigned = false;
    entity.creationSource ??= null;
  }
  if (spec.path.endsWith('ManagedAppProtections')) {
    entity.isAssigned = false;
    entity.deployedAppCount = subs.apps?.length ?? 0;
  }
  const stored: StoredObject = { entity, subs };
  ctx.tenant.put(spec.path, stored);
  return ok(201, { '@odata.context': context(ctx, `${spec.path}/$entity`), ...structuredClone(entity) });
}

function update(ctx: HandlerContext, spec: CollectionSpec, stored: StoredObject): GraphResponse {
  const body = validateWriteBody(spec, ctx.req.body, 'update');
  if (spec.path === 'deviceManagement/configurationPolicies' && 'settings' in body) {
    throw badRequest('No support for updating settings for this endpoint');
  }
  // Navigation collections are not changed by PATCH (compliance actions have their own action).
  for (const key of ['assignments', 'settings', 'scheduledActionsForRule', 'apps', 'definitionValues'])
    delete body[key];
  // The concrete type of an existing object never changes.
  delete body['@odata.type'];
  Object.assign(stored.entity, body, { lastModifiedDateTime: nowIso() });
  bumpVersion(spec, stored);
  if (spec.patchStatus === 204) return ok(204);
  return ok(200, { '@odata.context': context(ctx, `${spec.path}/$entity`), ...structuredClone(stored.entity) });
}

function replace(ctx: HandlerContext, spec: CollectionSpec, stored: StoredObject): GraphResponse {
  const body = validateWriteBody(spec, ctx.req.body, 'replace');
  const settings = withSettingIds(body.settings);
  for (const key of ['assignments', 'settings', 'scheduledActionsForRule', 'apps', 'definitionValues'])
    delete body[key];
  const keep = {
    id: stored.entity.id,
    createdDateTime: stored.entity.createdDateTime,
    isAssigned: stored.entity.isAssigned ?? false,
  };
  stored.entity = {
    '@odata.type': stored.entity['@odata.type'],
    ...body,
    ...keep,
    lastModifiedDateTime: nowIso(),
    settingCount: settings.length,
  };
  stored.subs.settings = settings;
  bumpVersion(spec, stored);
  return ok(204);
}

function bumpVersion(spec: CollectionSpec, stored: StoredObject): void {
  const v = nextVersion(spec, stored.entity.version);
  if (v !== undefined) stored.entity.version = v;
}

function navigation(
  ctx: HandlerContext,
  spec: CollectionSpec,
  stored: StoredObject,
  nav: string,
  navId: string | undefined,
  method: string,
): GraphResponse {
  const id = String(stored.entity.id);
  const body = (ctx.req.body ?? {}) as JsonObject;
  if (nav === 'assign') {
    if (method !== 'POST' || !spec.assign || navId) throw noRoute();
    const list = body[spec.assign.key];
    if (!Array.isArray(list))
      throw badRequest(
        `Parameter '${spec.assign.key}' in the request payload is not a valid parameter for action 'assign'.`,
      );
    assertFiltersExist(ctx.tenant, list as JsonObject[]);
    stored.subs.assignments = normaliseAssignments(spec, id, list as JsonObject[]);
    markAssigned(stored);
    return spec.assign.status === 204
      ? ok(204)
      : ok(200, {
          '@odata.context': context(ctx, `Collection(microsoft.graph.${spec.entityType}Assignment)`),
          value: structuredClone(stored.subs.assignments),
        });
  }
  if (nav === 'scheduledActionsForRule') throw noRoute();
  if (
    nav === 'scheduleActionsForRules' &&
    spec.path === 'deviceManagement/deviceCompliancePolicies' &&
    method === 'POST'
  ) {
    const rules = body.deviceComplianceScheduledActionForRules;
    assertOneBlockAction(rules);
    stored.subs.scheduledActionsForRule = withRuleIds(id, rules);
    return ok(204);
  }
  if (nav === 'targetApps' && spec.subResources.includes('apps') && method === 'POST') {
    stored.subs.apps = Array.isArray(body.apps) ? (body.apps as JsonObject[]) : [];
    return ok(204);
  }
  if (
    nav === 'windowsPrivacyAccessControls' &&
    spec.path === 'deviceManagement/deviceConfigurations' &&
    method === 'POST'
  ) {
    stored.entity.privacyAccessControls = Array.isArray(body.windowsPrivacyAccessControls)
      ? body.windowsPrivacyAccessControls
      : [];
    return ok(204);
  }
  if (nav === 'updateDefinitionValues' && spec.subResources.includes('definitionValues') && method === 'POST') {
    return updateDefinitionValues(stored, body);
  }
  if (!spec.subResources.includes(nav as SubResource)) throw badRequest(`Resource not found for the segment '${nav}'.`);
  const items = (stored.subs[nav as SubResource] ??= []);
  if (nav === 'assignments' && method === 'POST' && !navId) {
    assertFiltersExist(ctx.tenant, [body]);
    const [assignment] = normaliseAssignments(spec, id, [body]);
    assignment.id = `${assignment.id}_${randomUUID().slice(0, 8)}`;
    items.push(assignment);
    markAssigned(stored);
    return ok(201, {
      '@odata.context': context(ctx, `${spec.path}('${id}')/assignments/$entity`),
      ...structuredClone(assignment),
    });
  }
  if (navId !== undefined) {
    const index = items.findIndex((x) => x.id === navId);
    if (index < 0) throw notFound(`Resource not found: ${nav}('${navId}') does not exist.`);
    if (method === 'GET')
      return ok(200, {
        '@odata.context': context(ctx, `${spec.path}('${id}')/${nav}/$entity`),
        ...structuredClone(items[index]),
      });
    if (method === 'DELETE') {
      items.splice(index, 1);
      markAssigned(stored);
      return ok(204);
    }
    throw noRoute();
  }
  if (method !== 'GET') throw noRoute();
  const q = ctx.req.query;
  const filter = parseFilter(q.$filter);
  const select = parseSelect(q.$select);
  const expand = parseExpand(q.$expand);
  const rendered = nav === 'definitionValues' ? items.map((v) => renderDefinitionValue(v, expand)) : items;
  const all = rendered.filter((x) => !filter || filter(x));
  const page = paginate(all, q, ctx.pageSize, selfUrl(ctx), parseTop(q.$top, { strict: false }));
  return ok(
    200,
    pageBody(
      ctx,
      `${spec.path}('${id}')/${nav}`,
      structuredClone(
        page.items.map((x) =>
          select
            ? Object.fromEntries(
                Object.entries(x).filter(([k]) => k === 'id' || k === '@odata.type' || select.includes(k)),
              )
            : x,
        ),
      ),
      page,
    ),
  );
}

/** `…/definitionValues/{valueId}/presentationValues[?$expand=presentation]` of one admin template. */
function presentationValues(ctx: HandlerContext, spec: CollectionSpec, id: string, valueId: string): GraphResponse {
  const stored = ctx.tenant.get(spec.path, id);
  if (!stored) throw notFound(`Resource not found: ${spec.path}('${id}') does not exist.`);
  const value = (stored.subs.definitionValues ?? []).find((v) => v.id === valueId);
  if (!value) throw notFound(`Resource not found: definitionValues('${valueId}') does not exist.`);
  const expand = parseExpand(ctx.req.query.$expand);
  const items = Array.isArray(value.presentationValues) ? (value.presentationValues as JsonObject[]) : [];
  const page = paginate(
    items,
    ctx.req.query,
    ctx.pageSize,
    selfUrl(ctx),
    parseTop(ctx.req.query.$top, { strict: false }),
  );
  return ok(
    200,
    pageBody(
      ctx,
      `${spec.path}('${id}')/definitionValues('${valueId}')/presentationValues`,
      page.items.map((p) => renderPresentationValue(p, expand)),
      page,
    ),
  );
}

function updateDefinitionValues(stored: StoredObject, body: JsonObject): GraphResponse {
  const values = (stored.subs.definitionValues ??= []);
  const deleted = new Set(Array.isArray(body.deletedIds) ? body.deletedIds.map(String) : []);
  const kept = values.filter((v) => !deleted.has(String(v.id)));
  for (const u of (body.updated as JsonObject[] | undefined) ?? []) {
    const i = kept.findIndex((v) => v.id === u.id);
    if (i < 0) throw notFound(`Resource not found: definitionValues('${String(u.id)}') does not exist.`);
    kept[i] = { ...kept[i], ...u };
  }
  for (const a of (body.added as JsonObject[] | undefined) ?? [])
    kept.push({ '@odata.type': '#microsoft.graph.groupPolicyDefinitionValue', ...a, id: randomUUID() });
  stored.subs.definitionValues = kept;
  return ok(204);
}
