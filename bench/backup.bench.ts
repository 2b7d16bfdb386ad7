/**
 * `npm run bench:backup`: two backups of a 10,000-object synthetic tenant (a realistic mix: settings catalog policies
 * with 20–200 settings, admin templates with definition and presentation values, scripts, app protection with apps,
 * assignments on most objects) behind the Graph simulator enforcing Intune's sliding-window throttle (scaled: the
 * same shape, a shorter window). Prints the Graph requests against the minimum the contracts require, the first
 * backup's time against the throttle-bound minimum, worker RSS growth, and the database growth of the first backup
 * and of a second one of the unchanged tenant; the last line is one JSON object.
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { createApp } from '../src/bootstrap';
import { seedSyntheticCollection, startGraphSimulator } from '../src/graph-simulator';
import type { JsonObject } from '../src/graph-simulator/simulator-state';
import { validateEnvironment } from '../src/infrastructure/config/environment';
import { dropDatabase } from '../src/infrastructure/database/database-url';
import { GRAPH_CONTRACTS, GRAPH_TYPE_KEYS } from '../src/infrastructure/graph';
import { benchDatabase } from './bench-database';

const OBJECTS = Number(process.env.BENCH_OBJECTS ?? 10_000);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 2_000);
const MAX_REQUESTS = Number(process.env.BENCH_MAX_REQUESTS ?? 1_000);
const PAGE_SIZE = Number(process.env.BENCH_PAGE_SIZE ?? 100);
const AUDIENCE = 'api://tenantatlas-bench';

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

async function graphql(url: string, token: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 100) / 100;

async function main(): Promise<void> {
  const { databaseUrl, redisPrefix } = await benchDatabase();
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

  const env = validateEnvironment({
    APP_ROLE: 'all',
    PORT: '0',
    LOG_LEVEL: 'error',
    DATABASE_URL: databaseUrl,
    DATABASE_AUTO_CREATE: 'false',
    REDIS_PREFIX: redisPrefix,
    AUTH_JWKS_URL: `${sim.url}/{tid}/discovery/v2.0/keys`,
    AUTH_AUDIENCE: AUDIENCE,
    ADMIN_UPNS: 'bench@msp.test',
    GRAPH_BASE_URL: sim.url,
    GRAPH_TOKEN_ENDPOINT_BASE_URL: sim.url,
    GRAPH_BUDGET_WINDOW_MS: String(WINDOW_MS),
    GRAPH_BUDGET_MAX_REQUESTS: String(MAX_REQUESTS),
    GRAPH_BUDGET_MAX_WRITES: String(throttle.maxWrites),
    INVENTORY_PAGE_SIZE: String(PAGE_SIZE),
  });
  const app = await createApp(env);
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const token = await sim.issueUserToken(home.tenantId, 'bench@msp.test', { audience: AUDIENCE });
  const app0 = managed.apps[0];
  const { registerTenant } = await graphql(
    url,
    token,
    `
      mutation ($i: RegisterTenantInput!) {
        registerTenant(input: $i) {
          id
        }
      }
    `,
    {
      i: {
        entraTenantId: managed.tenantId,
        displayName: managed.displayName,
        clientId: app0.clientId,
        clientSecret: app0.clientSecret,
      },
    },
  );
  const tenantId = registerTenant.id as string;
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const backupTablesBytes = async () =>
    Number(
      (
        await db.query(
          `SELECT sum(pg_total_relation_size(t))::bigint AS n
             FROM unnest(ARRAY['backups', 'backup_items', 'backup_payloads', 'policy_versions']::regclass[]) t`,
        )
      ).rows[0].n,
    );

  async function backup() {
    const { startBackup } = await graphql(
      url,
      token,
      `
        mutation ($t: ID!) {
          startBackup(tenantId: $t) {
            id
          }
        }
      `,
      {
        t: tenantId,
      },
    );
    for (;;) {
      const { rows } = await db.query(
        `SELECT status, outcome, started_at, finished_at, result FROM operation_runs WHERE id = $1`,
        [startBackup.id],
      );
      if (rows[0]?.status === 'completed') return rows[0];
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  global.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const baselineRss = process.memoryUsage().rss;
  const baselineHeap = process.memoryUsage().heapUsed;
  let peakRss = baselineRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  sim.resetStats();

  const before = await backupTablesBytes();
  const first = await backup();
  clearInterval(sampler);
  // What the first backup left behind once garbage is collected: flat memory means this stays near zero whatever the
  // tenant size (peak RSS also counts the in-process simulator and garbage not yet collected).
  global.gc?.();
  const retainedHeapMb = Math.round(((process.memoryUsage().heapUsed - baselineHeap) / 1048576) * 10) / 10;
  const stats = sim.stats(managed.tenantId);
  await db.query('VACUUM ANALYZE backup_items, backup_payloads, policy_versions');
  const afterFirst = await backupTablesBytes();
  const second = await backup();
  await db.query('VACUUM ANALYZE backup_items, backup_payloads, policy_versions');
  const afterSecond = await backupTablesBytes();
  const { rows: backups } = await db.query(
    `SELECT item_count, new_payload_count, new_version_count FROM backups WHERE tenant_id = $1 ORDER BY created_at`,
    [tenantId],
  );
  await db.end();

  const requests = first.result.graph.requests as number;
  const elapsedMs = first.finished_at.getTime() - first.started_at.getTime();
  const minimumMs = (Math.ceil(stats.requests / MAX_REQUESTS) - 1) * WINDOW_MS;
  const result = {
    objects: backups[0].item_count as number,
    requests,
    minRequests,
    throttleBoundRatio: Number((elapsedMs / minimumMs).toFixed(3)),
    rssGrowthMb: Math.round(((peakRss - baselineRss) / 1048576) * 10) / 10,
    firstBackupMb: mb(afterFirst - before),
    secondBackupMb: mb(afterSecond - afterFirst),
    secondBackupNewPayloads: backups[1].new_payload_count as number,
    diffMs: null as number | null,
  };
  console.log(`outcome:            ${first.outcome} / ${second.outcome}`);
  console.log(`objects:            ${result.objects} (seeded ${seeded}), page size ${PAGE_SIZE}`);
  console.log(
    `requests:           ${requests} (minimum the contracts require: ${minRequests}); 429s: ${stats.throttled429}`,
  );
  console.log(`throttle:           ${MAX_REQUESTS} requests / ${WINDOW_MS} ms per app per tenant (sliding window)`);
  console.log(
    `time:               ${elapsedMs} ms vs throttle-bound minimum ${minimumMs} ms → ratio ${result.throttleBoundRatio} (target ≤ 1.15)`,
  );
  console.log(
    `RSS:                baseline ${Math.round(baselineRss / 1048576)} MB, peak ${Math.round(peakRss / 1048576)} MB, growth ${result.rssGrowthMb} MB (target < 150); heap retained after GC ${retainedHeapMb} MB`,
  );
  console.log(
    `database:           first backup +${result.firstBackupMb} MB, second (unchanged) +${result.secondBackupMb} MB = ${((100 * result.secondBackupMb) / result.firstBackupMb).toFixed(1)} % (target < 2 %); new payload rows ${backups[1].new_payload_count}, new versions ${backups[1].new_version_count}`,
  );
  console.log(`diffBackups:        not measured here (diffMs null until the diff is merged)`);
  console.log(JSON.stringify(result));

  await app.close();
  await sim.close();
  await dropDatabase(databaseUrl);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench:backup failed: ${error.message}`);
    process.exit(1);
  },
);
