/**
 * `npm run bench:restore`: restores 500 objects with group assignments from a backup into an empty simulator tenant
 * under Intune's write limit (scaled: 100 writes / 20 s becomes BENCH_MAX_WRITES per BENCH_WINDOW_MS, so the run takes
 * well under two minutes). Prints the run's time against the write-bound minimum, the 429s, the objects a re-run of
 * the same restore creates (target 0) and the objects duplicated by a kill -9 of the worker at 30 % of the writes plus
 * the resumed attempt (target 0). Runs execute in a spawned worker process; the last line is one JSON object.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createApp } from '../src/bootstrap';
import { startGraphSimulator, type SimTenant } from '../src/graph-simulator';
import { validateEnvironment } from '../src/infrastructure/config/environment';
import { dropDatabase } from '../src/infrastructure/database/database-url';
import { deleteKeysWithPrefix } from '../src/infrastructure/redis/redis.module';
import { startSpawnedApp, type SpawnedApp } from '../test/support/spawn-app';
import { benchDatabase } from './bench-database';

const OBJECTS = Number(process.env.BENCH_OBJECTS ?? 500);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 1_000);
const MAX_WRITES = Number(process.env.BENCH_MAX_WRITES ?? 20);
const GROUPS = 10;
const AUDIENCE = 'api://tenantatlas-bench';
const ADMIN = 'bench@msp.test';

type Gql = (query: string, variables?: Record<string, unknown>) => Promise<any>;

/** 500 objects over four families, each assigned to one of the tenant's groups. */
function seedSource(tenant: SimTenant): void {
  const groups = tenant.groups;
  for (let i = 0; i < OBJECTS; i++) {
    const id = randomUUID();
    const assignments = [
      {
        id: `${id}_a`,
        target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: groups[i % GROUPS].id },
      },
    ];
    const stamp = { createdDateTime: '2026-01-01T00:00:00Z', lastModifiedDateTime: '2026-01-01T00:00:00Z' };
    const name = `Bench ${String(i).padStart(3, '0')}`;
    switch (i % 4) {
      case 0:
        tenant.put('deviceManagement/deviceConfigurations', {
          entity: {
            '@odata.type': '#microsoft.graph.windows10CustomConfiguration',
            id,
            displayName: name,
            description: 'bench',
            version: 1,
            roleScopeTagIds: ['0'],
            omaSettings: [
              {
                '@odata.type': '#microsoft.graph.omaSettingInteger',
                displayName: 'x',
                omaUri: `./Device/Vendor/MSFT/Policy/Config/Bench/Setting${i}`,
                value: i,
              },
            ],
            ...stamp,
          },
          subs: { assignments },
        });
        break;
      case 1:
        tenant.put('deviceManagement/configurationPolicies', {
          entity: {
            '@odata.type': '#microsoft.graph.deviceManagementConfigurationPolicy',
            id,
            name,
            description: 'bench',
            platforms: 'windows10',
            technologies: 'mdm',
            roleScopeTagIds: ['0'],
            settingCount: 1,
            ...stamp,
          },
          subs: {
            assignments,
            settings: [
              {
                '@odata.type': '#microsoft.graph.deviceManagementConfigurationSetting',
                id: '0',
                settingInstance: {
                  '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance',
                  settingDefinitionId: `bench_setting_${i}`,
                  choiceSettingValue: { value: `bench_setting_${i}_1`, children: [] },
                },
              },
            ],
          },
        });
        break;
      case 2:
        tenant.put('deviceManagement/deviceCompliancePolicies', {
          entity: {
            '@odata.type': '#microsoft.graph.windows10CompliancePolicy',
            id,
            displayName: name,
            version: 1,
            roleScopeTagIds: ['0'],
            passwordRequired: true,
            ...stamp,
          },
          subs: {
            assignments,
            scheduledActionsForRule: [
              {
                id,
                ruleName: 'PasswordRequired',
                scheduledActionConfigurations: [
                  { id: randomUUID(), actionType: 'block', gracePeriodHours: 0, notificationTemplateId: '' },
                ],
              },
            ],
          },
        });
        break;
      default:
        tenant.put('deviceManagement/deviceManagementScripts', {
          entity: {
            '@odata.type': '#microsoft.graph.deviceManagementScript',
            id,
            displayName: name,
            fileName: `bench${i}.ps1`,
            runAsAccount: 'system',
            scriptContent: Buffer.from(`Write-Output ${i}`).toString('base64'),
            roleScopeTagIds: ['0'],
            ...stamp,
          },
          subs: { assignments },
        });
    }
  }
}

function copiesByName(tenant: SimTenant): Map<string, number> {
  const copies = new Map<string, number>();
  for (const collection of tenant.collections())
    for (const o of tenant.list(collection)) {
      const key = `${collection}|${String(o.entity.displayName ?? o.entity.name)}`;
      copies.set(key, (copies.get(key) ?? 0) + 1);
    }
  return copies;
}

async function main(): Promise<void> {
  const { databaseUrl, redisPrefix } = await benchDatabase();
  const sim = await startGraphSimulator({
    port: 0,
    apiAudience: AUDIENCE,
    tenants: [],
    throttle: { enabled: true, windowMs: WINDOW_MS, maxRequests: MAX_WRITES * 10, maxWrites: MAX_WRITES },
  });
  const home = sim.addTenant({ displayName: 'MSP home', users: [{ upn: ADMIN, password: 'pw' }] });
  const groupNames = Array.from({ length: GROUPS }, (_, i) => ({ displayName: `Bench group ${i}` }));
  const source = sim.addTenant({ displayName: 'Bench source', groups: groupNames });
  const target = sim.addTenant({ displayName: 'Bench target', groups: groupNames });
  const crash = sim.addTenant({ displayName: 'Bench crash target', groups: groupNames });
  seedSource(sim.tenant(source.tenantId));

  const settings = {
    DATABASE_URL: databaseUrl,
    DATABASE_AUTO_CREATE: 'false',
    MIGRATIONS_RUN: 'false',
    REDIS_PREFIX: redisPrefix,
    AUTH_JWKS_URL: `${sim.url}/{tid}/discovery/v2.0/keys`,
    AUTH_AUDIENCE: AUDIENCE,
    ADMIN_UPNS: ADMIN,
    GRAPH_BASE_URL: sim.url,
    GRAPH_TOKEN_ENDPOINT_BASE_URL: sim.url,
    // The client budget knows the (scaled) limit, as it knows Intune's in production.
    GRAPH_BUDGET_WINDOW_MS: String(WINDOW_MS),
    GRAPH_BUDGET_MAX_REQUESTS: String(MAX_WRITES * 10),
    GRAPH_BUDGET_MAX_WRITES: String(MAX_WRITES),
    RUN_HEARTBEAT_INTERVAL_MS: '300',
    RUN_HEARTBEAT_TIMEOUT_MS: '2000',
    REAPER_INTERVAL_MS: '1000',
    RUN_LOCK_RETRY_MS: '50',
  };
  const api = await createApp(validateEnvironment({ ...settings, APP_ROLE: 'api', PORT: '0', LOG_LEVEL: 'error' }));
  await api.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(api.getHttpServer().address() as { port: number }).port}`;
  const workers: SpawnedApp[] = [];
  const worker = async () => {
    const w = await startSpawnedApp({ ...settings, APP_ROLE: 'worker', LOG_LEVEL: 'error', NODE_ENV: 'test' });
    workers.push(w);
    return w;
  };
  const token = await sim.issueUserToken(home.tenantId, ADMIN, { audience: AUDIENCE });
  const gql: Gql = async (query, variables = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: Array<{ message: string }> };
    if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data;
  };
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const phase = (what: string) => console.error(`[${new Date().toISOString()}] ${what}`);
  const waitRun = async (id: string) => {
    const deadline = Date.now() + 10 * 60_000;
    for (;;) {
      if (Date.now() > deadline) throw new Error(`run ${id} did not complete`);
      const [row] = (
        await db.query(
          `SELECT status, outcome, started_at, finished_at, summary_counts, result, failures, attempt FROM operation_runs WHERE id = $1`,
          [id],
        )
      ).rows;
      if (row?.status === 'completed') return row;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const startAndWait = async (mutation: string, variables: Record<string, unknown>) =>
    waitRun((Object.values(await gql(mutation, variables))[0] as { id: string }).id);
  const register = async (t: {
    tenantId: string;
    displayName: string;
    apps: Array<{ clientId: string; clientSecret: string | null }>;
  }) =>
    (
      await gql(`mutation($i: RegisterTenantInput!) { registerTenant(input: $i) { id } }`, {
        i: {
          entraTenantId: t.tenantId,
          displayName: t.displayName,
          clientId: t.apps[0].clientId,
          clientSecret: t.apps[0].clientSecret,
        },
      })
    ).registerTenant.id as string;
  const preview = async (backupId: string, targetTenantId: string) => {
    const run = await startAndWait(
      `mutation($i: StartRestorePreviewInput!) { startRestorePreview(input: $i) { id } }`,
      {
        i: { backupId, targetTenantId },
      },
    );
    if (run.outcome !== 'succeeded') throw new Error(`preview ${run.outcome}`);
    return (
      await gql(`query($id: ID!) { restorePlan(id: $id) { id planHash counts { create update skip blocked } } }`, {
        id: run.result.planId,
      })
    ).restorePlan;
  };
  const confirm = async (plan: { id: string; planHash: string }, name: string) =>
    (
      await gql(
        `mutation($p: ID!, $h: String!, $n: String!) { confirmRestorePlan(planId: $p, planHash: $h, typedTenantName: $n) { id } }`,
        {
          p: plan.id,
          h: plan.planHash,
          n: name,
        },
      )
    ).confirmRestorePlan.id as string;

  try {
    let current = await worker();
    const [a, b, c] = [await register(source), await register(target), await register(crash)];
    for (const t of [a, b, c])
      await startAndWait(`mutation($t: ID!) { startDirectoryGroupsSync(tenantId: $t) { id } }`, { t });
    const backup = await startAndWait(`mutation($t: ID!) { startBackup(tenantId: $t) { id } }`, { t: a });
    const backupId = backup.result.backupId as string;

    phase('backup done');
    // 1. The restore itself, timed against the write-bound minimum.
    const plan = await preview(backupId, b);
    sim.resetStats();
    const executed = await waitRun(await confirm(plan, target.displayName));
    const stats = sim.stats(target.tenantId);
    const elapsedMs = executed.finished_at.getTime() - executed.started_at.getTime();
    // Writes Graph admitted (a 429 is answered without taking a slot of the window).
    const admittedWrites = stats.writes - stats.throttled429;
    const minimumMs = (Math.ceil(admittedWrites / MAX_WRITES) - 1) * WINDOW_MS;

    phase('restore done');
    // 2. The same restore again: the ledger finds every object.
    const before = sim.tenant(target.tenantId).count();
    const again = await preview(backupId, b);
    const rerun = await waitRun(await confirm(again, target.displayName));
    const rerunCreated = Number(rerun.summary_counts.created ?? 0) + (sim.tenant(target.tenantId).count() - before);

    phase('re-run done');
    // 3. kill -9 of the worker at 30 % of the writes, then another worker resumes the run.
    const crashPlan = await preview(backupId, c);
    sim.resetStats();
    const crashRunId = await confirm(crashPlan, crash.displayName);
    while (sim.stats(crash.tenantId).writes < Math.ceil(stats.writes * 0.3)) {
      const [row] = (await db.query(`SELECT status FROM operation_runs WHERE id = $1`, [crashRunId])).rows;
      if (row?.status === 'completed') throw new Error('the crash run completed before 30 % of its writes');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    phase('killing the worker');
    current.child.kill('SIGKILL');
    await current.stop(0);
    current = await worker();
    const crashed = await waitRun(crashRunId);
    if (crashed.outcome !== 'succeeded')
      console.log(`crash run: attempt ${crashed.attempt}, failures ${JSON.stringify(crashed.failures).slice(0, 600)}`);
    const duplicatesAfterCrash = [...copiesByName(sim.tenant(crash.tenantId)).values()].reduce((n, k) => n + k - 1, 0);

    const result = {
      items: Number(executed.summary_counts.total),
      writes: admittedWrites,
      writeBoundRatio: Number((elapsedMs / minimumMs).toFixed(3)),
      throttled429: stats.throttled429,
      rerunCreated,
      duplicatesAfterCrash,
    };
    console.log(`outcome:              ${executed.outcome} (plan: ${JSON.stringify(plan.counts)})`);
    console.log(`write limit:          ${MAX_WRITES} writes / ${WINDOW_MS} ms per app per tenant (Intune: 100 / 20 s)`);
    console.log(
      `time:                 ${elapsedMs} ms for ${admittedWrites} writes vs write-bound minimum ${minimumMs} ms → ratio ${result.writeBoundRatio} (target ≤ 1.2)`,
    );
    console.log(`429s received:        ${stats.throttled429}`);
    console.log(
      `re-run:               ${rerun.outcome}, ${JSON.stringify(again.counts)}, new objects ${rerunCreated} (target 0)`,
    );
    console.log(
      `kill -9 at 30 %:      ${crashed.outcome} after ${crashed.summary_counts.total} items, duplicates ${duplicatesAfterCrash} (target 0)`,
    );
    console.log(JSON.stringify(result));
  } finally {
    await db.end();
    await Promise.all(workers.map((w) => w.stop(2000)));
    await api.close();
    await sim.close();
    await dropDatabase(databaseUrl);
    await deleteKeysWithPrefix(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', redisPrefix).catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench:restore failed: ${error.message}`);
    process.exit(1);
  },
);
