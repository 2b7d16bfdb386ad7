/**
 * `npm run bench:backup-archive`: a 10,000-object IntuneManagement-layout archive (a realistic mix: settings catalog
 * with 20–200 settings, device configurations, compliance with scheduled actions, scripts with content, app
 * protection with apps; assignments on most) uploaded to `POST /api/tenants/{id}/backups/import`, then the backup
 * downloaded from `GET /api/backups/{id}/export`. Prints time and peak RSS growth of the (in-process) server for
 * each; the last line is one JSON object. Not a timed test: figures for the closing note.
 */
import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, statSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { createApp } from '../src/bootstrap';
import { startGraphSimulator } from '../src/graph-simulator';
import { validateEnvironment } from '../src/infrastructure/config/environment';
import { dropDatabase, ensureDatabaseExists, withDatabaseName } from '../src/infrastructure/database/database-url';
import { runMigrations } from '../src/infrastructure/database/run-migrations';
import { graphql } from './bench-graphql';

const OBJECTS = Number(process.env.BENCH_OBJECTS ?? 10_000);
const AUDIENCE = 'api://tenantatlas-bench';
const MB = 1024 * 1024;

const assignments = (i: number) =>
  i % 10 < 7
    ? [
        {
          id: `${randomUUID()}_0`,
          target: {
            '@odata.type': '#microsoft.graph.groupAssignmentTarget',
            groupId: randomUUID(),
            deviceAndAppManagementAssignmentFilterType: 'none',
          },
        },
      ]
    : [];

/** One synthetic object per index, shaped like the type's Graph export (ids random, so nothing dedupes). */
function object(i: number): { folder: string; name: string; body: Record<string, unknown> } {
  const id = randomUUID();
  const kind = i % 20;
  if (kind < 8) {
    const count = 20 + ((i * 37) % 181);
    return {
      folder: 'SettingsCatalog',
      name: `SC policy ${i}`,
      body: {
        '@odata.type': '#microsoft.graph.deviceManagementConfigurationPolicy',
        id,
        name: `SC policy ${i}`,
        description: '',
        platforms: 'windows10',
        technologies: 'mdm',
        roleScopeTagIds: ['0'],
        settings: Array.from({ length: count }, (_, s) => ({
          id: String(s),
          settingInstance: {
            '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance',
            settingDefinitionId: `device_vendor_msft_policy_config_area${s % 40}_setting${s}`,
            choiceSettingValue: {
              value: `device_vendor_msft_policy_config_area${s % 40}_setting${s}_${(i + s) % 3}`,
              children: [],
            },
          },
        })),
        assignments: assignments(i),
      },
    };
  }
  if (kind < 12) {
    return {
      folder: 'DeviceConfiguration',
      name: `Device config ${i}`,
      body: {
        '@odata.type': '#microsoft.graph.windows10GeneralConfiguration',
        id,
        displayName: `Device config ${i}`,
        version: 3,
        ...Object.fromEntries(Array.from({ length: 60 }, (_, f) => [`setting${f}`, (i + f) % 2 === 0])),
        assignments: assignments(i),
      },
    };
  }
  if (kind < 15) {
    return {
      folder: 'CompliancePolicies',
      name: `Compliance ${i}`,
      body: {
        '@odata.type': '#microsoft.graph.windows10CompliancePolicy',
        id,
        displayName: `Compliance ${i}`,
        passwordRequired: true,
        passwordMinimumLength: 8 + (i % 6),
        scheduledActionsForRule: [
          {
            id: randomUUID(),
            ruleName: 'PasswordRequired',
            scheduledActionConfigurations: [{ id: randomUUID(), actionType: 'block', gracePeriodHours: i % 48 }],
          },
        ],
        assignments: assignments(i),
      },
    };
  }
  if (kind < 18) {
    return {
      folder: 'PowerShellScripts',
      name: `Script ${i}`,
      body: {
        '@odata.type': '#microsoft.graph.deviceManagementScript',
        id,
        displayName: `Script ${i}`,
        runAsAccount: 'system',
        fileName: `script${i}.ps1`,
        scriptContent: randomBytes(1500 + (i % 4000)).toString('base64'),
        assignments: assignments(i),
      },
    };
  }
  return {
    folder: 'AppProtection',
    name: `App protection ${i}`,
    body: {
      '@odata.type':
        i % 2 ? '#microsoft.graph.iosManagedAppProtection' : '#microsoft.graph.androidManagedAppProtection',
      id: `T_${id}`,
      displayName: `App protection ${i}`,
      pinRequired: true,
      apps: Array.from({ length: 25 }, (_, a) => ({
        id: `com.example.app${a}.${i}`,
        mobileAppIdentifier: {
          '@odata.type': '#microsoft.graph.iosMobileAppIdentifier',
          bundleId: `com.example.app${a}`,
        },
      })),
      assignments: assignments(i),
    },
  };
}

async function writeArchive(path: string): Promise<number> {
  const zip = new ZipFile();
  const done = pipeline(zip.outputStream, createWriteStream(path));
  let bytes = 0;
  for (let i = 0; i < OBJECTS; i++) {
    const { folder, name, body } = object(i);
    const data = Buffer.from(JSON.stringify(body, null, 2));
    bytes += data.length;
    zip.addBuffer(data, `${folder}/${name}.json`);
    if (i % 500 === 499) await new Promise((r) => setImmediate(r));
  }
  zip.end();
  await done;
  return bytes;
}

/** Samples RSS every 50 ms while `work` runs; growth = peak − the RSS just before. */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; rssGrowthMb: number }> {
  global.gc?.();
  await new Promise((r) => setTimeout(r, 300));
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = Date.now();
  try {
    const value = await work();
    return { value, ms: Date.now() - started, rssGrowthMb: Math.round(((peak - baseline) / MB) * 10) / 10 };
  } finally {
    clearInterval(sampler);
  }
}

async function main(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const databaseUrl = withDatabaseName(
    process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    `ta_bench_${runId}`,
  );
  await ensureDatabaseExists(databaseUrl);
  await runMigrations(databaseUrl);
  const dir = mkdtempSync(join(tmpdir(), 'ta-bench-archive-'));
  const archive = join(dir, 'tenant.zip');
  const jsonBytes = await writeArchive(archive);
  const zipBytes = statSync(archive).size;

  const sim = await startGraphSimulator({ port: 0, apiAudience: AUDIENCE, tenants: [] });
  const home = sim.addTenant({ displayName: 'MSP home', users: [{ upn: 'bench@msp.test', password: 'pw' }] });
  const env = validateEnvironment({
    APP_ROLE: 'all',
    PORT: '0',
    LOG_LEVEL: 'error',
    DATABASE_URL: databaseUrl,
    DATABASE_AUTO_CREATE: 'false',
    REDIS_PREFIX: `ta-bench-${runId}`,
    AUTH_JWKS_URL: `${sim.url}/{tid}/discovery/v2.0/keys`,
    AUTH_AUDIENCE: AUDIENCE,
    ADMIN_UPNS: 'bench@msp.test',
    RATE_LIMIT_ENABLED: 'false',
  });
  const app = await createApp(env);
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const token = await sim.issueUserToken(home.tenantId, 'bench@msp.test', { audience: AUDIENCE });
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
    { i: { entraTenantId: randomUUID(), displayName: 'Bench', clientId: randomUUID(), clientSecret: 'bench' } },
  );

  const imported = await measured(async () => {
    const res = await fetch(`${url}/api/tenants/${registerTenant.id}/backups/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/zip' },
      body: Readable.toWeb(createReadStream(archive)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    const body = (await res.json()) as any;
    if (res.status !== 201) throw new Error(`import: HTTP ${res.status} ${JSON.stringify(body)}`);
    return body as { backup: { id: string; itemCount: number } };
  });

  const exported = await measured(async () => {
    const res = await fetch(`${url}/api/backups/${imported.value.backup.id}/export`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.status !== 200 || !res.body) throw new Error(`export: HTTP ${res.status}`);
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
    return bytes;
  });

  const result = {
    objects: imported.value.backup.itemCount,
    archiveMb: Math.round((zipBytes / MB) * 10) / 10,
    jsonMb: Math.round((jsonBytes / MB) * 10) / 10,
    importMs: imported.ms,
    importRssGrowthMb: imported.rssGrowthMb,
    exportMs: exported.ms,
    exportMb: Math.round((exported.value / MB) * 10) / 10,
    exportRssGrowthMb: exported.rssGrowthMb,
  };
  console.log(`archive:   ${OBJECTS} objects, ${result.jsonMb} MB of JSON in a ${result.archiveMb} MB zip`);
  console.log(
    `import:    ${result.objects} objects in ${result.importMs} ms, peak RSS growth ${result.importRssGrowthMb} MB`,
  );
  console.log(
    `export:    ${result.exportMb} MB zip in ${result.exportMs} ms, peak RSS growth ${result.exportRssGrowthMb} MB`,
  );
  console.log(JSON.stringify(result));

  await app.close();
  await sim.close();
  await dropDatabase(databaseUrl);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench:backup-archive failed: ${error.message}`);
    process.exit(1);
  },
);
