/**
 * The Graph simulator of `npm run bench:backup`, in its own process so the benchmark's RSS is the worker's alone:
 * seeds a synthetic tenant with a realistic mix of types, starts the simulator with Intune-shaped throttling, and
 * prints one JSON line (URL, tenant, app credentials, a user token, the contracts' minimum request count).
 */
import 'reflect-metadata';
import { seedSyntheticCollection, startGraphSimulator } from '../src/graph-simulator';
import type { JsonObject } from '../src/graph-simulator/simulator-state';
import { GRAPH_CONTRACTS, GRAPH_TYPE_KEYS } from '../src/infrastructure/graph';

const OBJECTS = Number(process.env.BENCH_OBJECTS ?? 10_000);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 2_000);
const MAX_REQUESTS = Number(process.env.BENCH_MAX_REQUESTS ?? 1_000);
const PAGE_SIZE = Number(process.env.BENCH_PAGE_SIZE ?? 100);
const AUDIENCE = process.env.BENCH_AUDIENCE ?? 'api://tenantatlas-bench';
/** Objects the benchmark changes (through the simulator's control route) before its third backup. */
const CHANGED = Number(process.env.BENCH_CHANGED ?? 100);

/** Share of each collection in a typical managed tenant (sums to 1). */
const MIX: Record<string, number> = {
  'deviceManagement/configurationPolicies': 0.3,
  'deviceManagement/deviceConfigurations': 0.2,
  'deviceManagement/groupPolicyConfigurations': 0.1,
  'deviceAppManagement/mobileApps': 0.1,
  'deviceManagement/deviceManagementScripts': 0.08,
  'deviceManagement/deviceCompliancePolicies': 0.06,
  'deviceManagement/deviceHealthScripts': 0.04,
  'deviceAppManagement/iosManagedAppProtections': 0.03,
  'deviceAppManagement/androidManagedAppProtections': 0.03,
  'deviceManagement/assignmentFilters': 0.02,
  'deviceManagement/windowsAutopilotDeploymentProfiles': 0.01,
  'deviceManagement/roleScopeTags': 0.005,
  'deviceManagement/roleDefinitions': 0.005,
  'deviceManagement/roleAssignments': 0.005,
  'deviceManagement/windowsFeatureUpdateProfiles': 0.0025,
  'deviceManagement/windowsDriverUpdateProfiles': 0.0025,
};

/** A settings-catalog setting of realistic size (a choice with a child value). */
function setting(policy: number, n: number): JsonObject {
  const definitionId = `device_vendor_msft_policy_config_bench_area${policy % 40}_setting${n}`;
  return {
    '@odata.type': '#microsoft.graph.deviceManagementConfigurationSetting',
    id: String(n),
    settingInstance: {
      '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance',
      settingDefinitionId: definitionId,
      settingInstanceTemplateReference: null,
      choiceSettingValue: {
        '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingValue',
        settingValueTemplateReference: null,
        value: `${definitionId}_${(policy + n) % 3}`,
        children: [
          {
            '@odata.type': '#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance',
            settingDefinitionId: `${definitionId}_value`,
            settingInstanceTemplateReference: null,
            simpleSettingValue: {
              '@odata.type': '#microsoft.graph.deviceManagementConfigurationIntegerSettingValue',
              settingValueTemplateReference: null,
              value: (policy * 7 + n) % 100,
            },
          },
        ],
      },
    },
  };
}

async function main(): Promise<void> {
  const throttle = {
    enabled: true,
    windowMs: WINDOW_MS,
    maxRequests: MAX_REQUESTS,
    maxWrites: Math.max(1, Math.floor(MAX_REQUESTS / 10)),
    retryAfterMode: 'header' as const,
  };
  const sim = await startGraphSimulator({ port: 0, apiAudience: AUDIENCE, tenants: [], throttle });
  const home = sim.addTenant({ displayName: 'MSP home', users: [{ upn: 'bench@msp.test', password: 'pw' }] });
  const managed = sim.addTenant({ displayName: 'Bench tenant' });
  const tenant = sim.tenant(managed.tenantId);
  let seeded = 0;
  const entries = Object.entries(MIX);
  for (const [i, [collection, share]] of entries.entries()) {
    const count = i === entries.length - 1 ? OBJECTS - seeded : Math.round(OBJECTS * share);
    seeded += seedSyntheticCollection(tenant, collection, count);
  }
  // Settings catalog policies with 20–200 settings (deterministic).
  for (const [p, stored] of tenant.list('deviceManagement/configurationPolicies').entries()) {
    const count = 20 + ((p * 37) % 181);
    stored.subs.settings = Array.from({ length: count }, (_, n) => setting(p, n));
    stored.entity.settingCount = count;
  }
  // The minimum the contracts require: list pages, one GET per object, and per admin template its definition
  // values plus one presentation-values read per value.
  let minRequests = 0;
  for (const typeKey of GRAPH_TYPE_KEYS) {
    const objects = tenant.list(GRAPH_CONTRACTS[typeKey].collectionPath.slice(1));
    minRequests += Math.max(1, Math.ceil(objects.length / PAGE_SIZE)) + objects.length;
    if (typeKey === 'groupPolicyConfiguration')
      for (const o of objects) minRequests += 1 + (o.subs.definitionValues?.length ?? 0);
  }
  // The changes an admin would make between two backups, spread over the mix: one setting's value of a settings
  // catalog policy (the whole collection is sent, as the control route replaces it), else a property of the object.
  const changes: Array<{ path: string; body: JsonObject }> = [];
  for (const [collection, share] of entries) {
    const objects = tenant.list(collection);
    const count = Math.min(objects.length, Math.max(1, Math.round(CHANGED * share)));
    for (let k = 0; k < count && changes.length < CHANGED; k++) {
      const stored = objects[Math.floor((k * objects.length) / count)];
      const path = `${collection}/${encodeURIComponent(String(stored.entity.id))}`;
      if (collection === 'deviceManagement/configurationPolicies') {
        const settings = structuredClone(stored.subs.settings ?? []);
        const value = (settings[0]?.settingInstance as JsonObject | undefined)?.choiceSettingValue as JsonObject;
        value.value = `${String(value.value)}_changed`;
        changes.push({ path, body: { subs: { settings } } });
      } else {
        changes.push({ path, body: { entity: { description: `changed by bench:backup ${k}` } } });
      }
    }
  }
  const token = await sim.issueUserToken(home.tenantId, 'bench@msp.test', { audience: AUDIENCE });
  const app0 = managed.apps[0];
  console.log(
    JSON.stringify({
      url: sim.url,
      token,
      seeded,
      minRequests,
      changes,
      tenant: {
        entraTenantId: managed.tenantId,
        displayName: managed.displayName,
        clientId: app0.clientId,
        clientSecret: app0.clientSecret,
      },
    }),
  );
}

main().catch((error: Error) => {
  console.error(`bench simulator failed: ${error.message}`);
  process.exit(1);
});
