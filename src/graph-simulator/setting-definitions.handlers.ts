import { badRequest, notFound } from './graph-errors';
import type { GraphResponse, HandlerContext } from './graph-context';
import { assertCanRead } from './permissions';

/**
 * `GET /beta/deviceManagement/configurationSettings/{id}`: the settings catalog's setting definitions, which
 * backups read to label settings in diffs. Graph knows thousands; the simulator knows every id and derives the
 * display name from it (`device_vendor_msft_laps_policies_backupdirectory` → "Laps Policies Backupdirectory"),
 * so tests can predict labels. Ids that cannot be definition ids are 404.
 */
const COLLECTION = 'deviceManagement/configurationSettings';
const VENDOR_PREFIX = /^(device|user)_vendor_msft_(policy_config_)?|^vendor_msft_/;
const DEFINITION_ID = /^[A-Za-z0-9_.{}~-]{1,400}$/;

export function settingDefinitionDisplayName(id: string): string {
  return id
    .replace(VENDOR_PREFIX, '')
    .split(/[_.]/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

export function handleSettingDefinitions(ctx: HandlerContext, rest: string[]): GraphResponse {
  assertCanRead(ctx, COLLECTION);
  const [id, ...extra] = rest;
  if (ctx.req.method.toUpperCase() !== 'GET' || !id || extra.length) throw badRequest('No method match route template');
  if (!DEFINITION_ID.test(id)) throw notFound(`Resource not found: ${COLLECTION}('${id}') does not exist.`);
  return {
    status: 200,
    headers: {},
    body: {
      '@odata.context': `${ctx.req.baseUrl}/${ctx.req.version}/$metadata#${COLLECTION}/$entity`,
      '@odata.type': '#microsoft.graph.deviceManagementConfigurationSettingDefinition',
      id,
      name: id.split('_').pop() ?? id,
      displayName: settingDefinitionDisplayName(id),
      description: `Simulated definition of ${id}`,
    },
  };
}
