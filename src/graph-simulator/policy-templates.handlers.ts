import { badRequest, notFound } from './graph-errors';
import type { GraphResponse, HandlerContext } from './graph-context';
import { assertCanRead } from './permissions';

/**
 * `GET /beta/deviceManagement/configurationPolicyTemplates/{id}`: the settings-catalog templates (Endpoint
 * security, baselines) a templated policy refers to by versioned id (`<guid>_<version>`). Graph knows them all; the
 * simulator offers every well-formed id as `active`, unless the tenant's `templateStates` says otherwise (a test
 * retiring a version, or removing it: 404), which is what restore's pre-flight check reads.
 */
const COLLECTION = 'deviceManagement/configurationPolicyTemplates';
const TEMPLATE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}_\d+$/i;

export function handlePolicyTemplates(ctx: HandlerContext, rest: string[]): GraphResponse {
  assertCanRead(ctx, COLLECTION);
  const [id, ...extra] = rest;
  if (ctx.req.method.toUpperCase() !== 'GET' || !id || extra.length) throw badRequest('No method match route template');
  if (ctx.req.version !== 'beta')
    throw badRequest(`Resource not found for the segment 'configurationPolicyTemplates'.`);
  const state = ctx.tenant.templateStates.get(id) ?? 'active';
  if (!TEMPLATE_ID.test(id) || state === 'missing')
    throw notFound(`Resource not found: ${COLLECTION}('${id}') does not exist.`);
  const [templateId, version] = id.split('_');
  return {
    status: 200,
    headers: {},
    body: {
      '@odata.context': `${ctx.req.baseUrl}/${ctx.req.version}/$metadata#${COLLECTION}/$entity`,
      '@odata.type': '#microsoft.graph.deviceManagementConfigurationPolicyTemplate',
      id,
      baseId: templateId,
      version: Number(version),
      displayName: `Simulated template ${templateId}`,
      lifecycleState: state,
      templateFamily: 'endpointSecurityAntivirus',
    },
  };
}
