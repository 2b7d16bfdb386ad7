/**
 * `npm run bench:backup-diff`: the diff part of the backup benchmark (issue 11). Two backups of a 10,000-object
 * synthetic tenant (a realistic mix: settings catalog policies with 20–200 settings, device configurations with
 * dozens of properties, compliance policies; assignments on most) recorded through BackupsFacade, the second with
 * 100 objects changed; then `diffBackups` between them over GraphQL (HTTP, access checks and JSON included).
 * Target: < 1 s, because unchanged objects are skipped by hash. Last line: one JSON object.
 */
import 'reflect-metadata';
import { createApp } from '../src/bootstrap';
import { startGraphSimulator } from '../src/graph-simulator';
import { validateEnvironment } from '../src/infrastructure/config/environment';
import { dropDatabase } from '../src/infrastructure/database/database-url';
import { BackupsFacade, type SnapshotInput } from '../src/modules/backups';
import { benchDatabase } from './bench-database';
import { graphql } from './bench-graphql';

const OBJECTS = Number(process.env.BENCH_OBJECTS ?? 10_000);
const CHANGED = Number(process.env.BENCH_CHANGED ?? 100);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const AUDIENCE = 'api://tenantatlas-bench';

/** A deterministic pseudo-random number in [0, 1) per (i, salt). */
const rand = (i: number, salt: number) => {
  const x = Math.sin(i * 9301 + salt * 49297) * 233280;
  return x - Math.floor(x);
};

const GROUPS = Array.from({ length: 50 }, (_, g) => `6b0c0000-0000-4000-8000-${String(g).padStart(12, '0')}`);

function assignments(i: number): Record<string, unknown>[] {
  if (i % 5 === 0) return [];
  return Array.from({ length: 1 + (i % 3) }, (_, k) => ({
    id: `a-${i}-${k}`,
    target: {
      '@odata.type':
        k === 2 ? '#microsoft.graph.exclusionGroupAssignmentTarget' : '#microsoft.graph.groupAssignmentTarget',
      groupId: GROUPS[(i + k * 7) % GROUPS.length],
      deviceAndAppManagementAssignmentFilterType: 'none',
    },
  }));
}

function settingsCatalog(i: number, changed: boolean): SnapshotInput {
  const count = 20 + Math.floor(rand(i, 1) * 181);
  const settings = Array.from({ length: count }, (_, s) => {
    const id = `device_vendor_msft_policy_config_bench_area${s % 40}_setting${s}`;
    const value = `${id}_${changed && s === 0 ? 2 : 1}`;
    return {
      id: String(s),
      settingInstance: {
        '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance',
        settingDefinitionId: id,
        settingInstanceTemplateReference: null,
        choiceSettingValue: {
          '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingValue',
          value,
          settingValueTemplateReference: null,
          children: [],
        },
      },
    };
  });
  const name = `Bench SC ${i}`;
  return {
    typeKey: 'settingsCatalogPolicy',
    sourceId: `sc-${i}`,
    displayName: name,
    odataType: '#microsoft.graph.deviceManagementConfigurationPolicy',
    payload: {
      '@odata.type': '#microsoft.graph.deviceManagementConfigurationPolicy',
      id: `sc-${i}`,
      name,
      description: '',
      platforms: 'windows10',
      technologies: 'mdm',
      roleScopeTagIds: ['0'],
      settingCount: count,
      createdDateTime: '2026-01-01T00:00:00Z',
      lastModifiedDateTime: '2026-02-01T00:00:00Z',
      settings,
    },
    assignments: assignments(i),
  };
}

function deviceConfiguration(i: number, changed: boolean): SnapshotInput {
  const props = Object.fromEntries(
    Array.from({ length: 60 }, (_, p) => [`setting${p}`, p % 3 === 0 ? rand(i, p) > 0.5 : p % 3 === 1 ? p : `v${p}`]),
  );
  const name = `Bench DC ${i}`;
  return {
    typeKey: i % 2 ? 'deviceConfiguration' : 'deviceCompliancePolicy',
    sourceId: `dc-${i}`,
    displayName: name,
    odataType: '#microsoft.graph.windows10GeneralConfiguration',
    payload: {
      '@odata.type': '#microsoft.graph.windows10GeneralConfiguration',
      id: `dc-${i}`,
      displayName: name,
      version: 3,
      roleScopeTagIds: ['0'],
      ...props,
      passwordMinimumLength: changed ? 14 : 8,
    },
    assignments: assignments(i),
  };
}

async function* snapshots(changedEvery: number | null): AsyncIterable<SnapshotInput> {
  for (let i = 0; i < OBJECTS; i++) {
    const changed = changedEvery !== null && i % changedEvery === 0;
    yield i % 3 === 0 ? settingsCatalog(i, changed) : deviceConfiguration(i, changed);
  }
}

async function main(): Promise<void> {
  const { databaseUrl, redisPrefix } = await benchDatabase();
  const sim = await startGraphSimulator({ port: 0, apiAudience: AUDIENCE, tenants: [] });
  const home = sim.addTenant({ displayName: 'MSP home', users: [{ upn: 'bench@msp.test', password: 'pw' }] });
  const managed = sim.addTenant({ displayName: 'Bench tenant' });
  const env = validateEnvironment({
    APP_ROLE: 'api',
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
  const facade = app.get(BackupsFacade);

  const changedEvery = Math.max(1, Math.floor(OBJECTS / CHANGED));
  let started = Date.now();
  const first = await facade.recordBackup({ tenantId, source: 'import', label: 'bench 1' }, snapshots(null));
  const firstMs = Date.now() - started;
  started = Date.now();
  const second = await facade.recordBackup({ tenantId, source: 'import', label: 'bench 2' }, snapshots(changedEvery));
  const secondMs = Date.now() - started;

  const query = `query ($l: ID!, $r: ID!) { diffBackups(leftBackupId: $l, rightBackupId: $r) {
    added removed changed unchanged truncated
    objects { kind typeKey name rows { path label kind left right } } } }`;
  const times: number[] = [];
  let diff: any;
  for (let n = 0; n <= REPEAT; n++) {
    started = performance.now();
    ({ diffBackups: diff } = await graphql(url, token, query, { l: first.id, r: second.id }));
    times.push(performance.now() - started);
  }
  const [cold, ...warm] = times;
  warm.sort((a, b) => a - b);
  const median = warm[Math.floor(warm.length / 2)];
  const rows = diff.objects.reduce((n: number, o: { rows: unknown[] }) => n + o.rows.length, 0);
  const result = {
    objects: OBJECTS,
    changedObjects: diff.changed,
    unchanged: diff.unchanged,
    rows,
    diffMs: Math.round(median),
    diffMsCold: Math.round(cold),
    firstBackupRecordMs: firstMs,
    secondBackupRecordMs: secondMs,
    secondBackupNewPayloads: second.newPayloads,
  };
  console.log(
    `backups:     2 × ${OBJECTS} objects recorded in ${firstMs} ms and ${secondMs} ms (second: ${second.newPayloads} new payloads)`,
  );
  console.log(
    `diffBackups: ${diff.changed} changed, ${diff.unchanged} unchanged, ${diff.added} added, ${diff.removed} removed; ${rows} rows`,
  );
  console.log(
    `time:        median ${result.diffMs} ms of ${REPEAT} (first call ${result.diffMsCold} ms), target < 1000 ms`,
  );
  console.log(JSON.stringify(result));

  await app.close();
  await sim.close();
  await dropDatabase(databaseUrl);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench:backup-diff failed: ${error.message}`);
    process.exit(1);
  },
);
