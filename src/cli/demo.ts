import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApp } from '../bootstrap';
import { startGraphSimulator } from '../graph-simulator';
import { DEFAULT_SIM_KEY_FILE } from '../graph-simulator/main';
import { DEMO_TENANT } from '../graph-simulator/tenants';
import { validateEnvironment } from '../infrastructure/config/environment';

/**
 * `npm run demo`: a local Graph simulator seeded with the OpenIntuneBaseline exports, the app in the `all` role
 * pointed at it, a registered and verified demo tenant with a first backup, and a token to try the API with. Safe to
 * re-run. `--seed <dir>` seeds the simulator from another IntuneManagement-layout folder; `--json` prints, once
 * ready, only one JSON line (for scripts: URLs, token, tenant, the console's sign-in).
 */
// `../shared` next to the repository, whether this runs from dist/src/cli (`npm run demo`) or from src/cli (swc).
const FIXTURES = [join(__dirname, '..', '..', '..', '..'), join(__dirname, '..', '..', '..')]
  .map((root) => join(root, 'shared', 'fixtures', 'openintunebaseline'))
  .find((dir) => existsSync(dir));
const API_AUDIENCE = 'api://tenantatlas';

interface DemoArgs {
  seedDir: string | undefined;
  json: boolean;
}

function parseArgs(argv: string[]): DemoArgs {
  const args: DemoArgs = { seedDir: FIXTURES, json: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') args.json = true;
    else if (argv[i] === '--seed') {
      const dir = argv[++i];
      if (!dir || !existsSync(dir)) throw new Error(`--seed needs an existing folder (got ${dir ?? 'nothing'})`);
      args.seedDir = resolve(dir);
    } else throw new Error(`unknown argument ${argv[i]} (use --seed <dir>, --json)`);
  }
  return args;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const simPort = Number(process.env.DEMO_SIM_PORT ?? 4010);
  const seeded = args.seedDir !== undefined;
  const sim = await startGraphSimulator({
    port: simPort,
    apiAudience: API_AUDIENCE,
    seedDirs: args.seedDir ? [args.seedDir] : [],
    syntheticPerType: seeded ? 0 : 20,
    groups: 250,
    // The same signing key across restarts: a printed token and a signed-in console survive a re-run.
    keyFile: process.env.GRAPH_SIM_KEY_FILE || DEFAULT_SIM_KEY_FILE,
  });
  const env = validateEnvironment({
    ...process.env,
    APP_ROLE: 'all',
    DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tenantatlas_demo',
    REDIS_PREFIX: process.env.REDIS_PREFIX ?? 'ta-demo',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    AUTH_JWKS_URL: `${sim.url}/{tid}/discovery/v2.0/keys`,
    AUTH_AUDIENCE: API_AUDIENCE,
    ADMIN_UPNS: DEMO_TENANT.upn,
    GRAPH_BASE_URL: sim.url,
    GRAPH_TOKEN_ENDPOINT_BASE_URL: sim.url,
    CONSOLE_CLIENT_ID: DEMO_TENANT.consoleClientId,
    CONSOLE_AUTHORITY: sim.authority(DEMO_TENANT.tenantId),
  });
  const app = await createApp(env);
  await app.listen(env.PORT, env.HOST);
  const api = `http://${env.HOST}:${env.PORT}/graphql`;
  const token = await sim.issueUserToken(DEMO_TENANT.tenantId, DEMO_TENANT.upn, {
    audience: API_AUDIENCE,
    expiresInSec: 12 * 3600,
  });
  const call = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(api, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
    if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data as T;
  };

  const { tenants } = await call<{ tenants: Array<{ id: string; entraTenantId: string }> }>(
    `{ tenants(includeArchived: true) { id entraTenantId } }`,
  );
  let tenantId = tenants.find((t) => t.entraTenantId === DEMO_TENANT.tenantId)?.id;
  if (!tenantId) {
    const { registerTenant } = await call<{ registerTenant: { id: string } }>(
      `mutation($input: RegisterTenantInput!) { registerTenant(input: $input) { id } }`,
      {
        input: {
          entraTenantId: DEMO_TENANT.tenantId,
          displayName: 'Contoso (demo)',
          clientId: DEMO_TENANT.clientId,
          clientSecret: DEMO_TENANT.clientSecret,
        },
      },
    );
    tenantId = registerTenant.id;
  }
  await call(`mutation($t: ID!, $u: String!) { grantTenantAccess(tenantId: $t, userUpn: $u, role: ADMIN) { role } }`, {
    t: tenantId,
    u: DEMO_TENANT.upn,
  });
  const { verifyTenant } = await call<{ verifyTenant: { id: string } }>(
    `mutation($t: ID!) { verifyTenant(tenantId: $t) { id } }`,
    { t: tenantId },
  );
  await call(`mutation($t: ID!) { startDirectoryGroupsSync(tenantId: $t) { id } }`, { t: tenantId });

  // A backup of the demo tenant, so the backup, diff and restore walk-throughs start from real data.
  const waitForRun = async (id: string) => {
    for (let waited = 0; waited < 120_000; waited += 250) {
      const { operationRun } = await call<{ operationRun: { status: string; outcome: string | null } }>(
        `query($id: ID!) { operationRun(id: $id) { status outcome } }`,
        { id },
      );
      if (operationRun.status === 'COMPLETED') return operationRun;
      await sleep(250);
    }
    throw new Error(`run ${id} did not complete within 2 minutes`);
  };
  await waitForRun(verifyTenant.id);
  const { startBackup } = await call<{ startBackup: { id: string } }>(
    `mutation($t: ID!) { startBackup(tenantId: $t) { id } }`,
    { t: tenantId },
  );
  const backupRun = await waitForRun(startBackup.id);
  const { backups } = await call<{ backups: { edges: Array<{ node: { id: string; itemCount: number } }> } }>(
    `query($t: ID!) { backups(tenantId: $t, first: 2) { edges { node { id itemCount } } } }`,
    { t: tenantId },
  );
  const [latest, previous] = backups.edges.map((e) => e.node);
  if (!latest) throw new Error(`the demo backup (run ${startBackup.id}) stored nothing: ${backupRun.outcome}`);
  const consoleUrl = `http://${env.HOST}:${env.PORT}/`;

  if (args.json) {
    console.log(
      JSON.stringify({
        graphqlUrl: api,
        token,
        tenantId,
        simulatorUrl: sim.url,
        consoleUrl,
        userUpn: DEMO_TENANT.upn,
        userPassword: DEMO_TENANT.password,
        backupId: latest.id,
      }),
    );
    const stopQuietly = async () => {
      await app.close();
      await sim.close();
      process.exit(0);
    };
    process.once('SIGINT', stopQuietly);
    process.once('SIGTERM', stopQuietly);
    return;
  }

  const line = '─'.repeat(78);
  console.log(`\n${line}\nTenantAtlas demo is running (Ctrl-C to stop)\n${line}`);
  console.log(`Console:                       ${consoleUrl}`);
  console.log(`Console sign-in:               ${DEMO_TENANT.upn} / ${DEMO_TENANT.password}`);
  console.log(`GraphQL (HTTP and graphql-ws): ${api}`);
  console.log(
    `Graph simulator:               ${sim.url} (${seeded ? 'OpenIntuneBaseline fixtures' : 'synthetic objects'} + 250 groups)`,
  );
  console.log(`Demo tenant id:                ${tenantId} (verify run ${verifyTenant.id})`);
  console.log(`Signed in as:                  ${DEMO_TENANT.upn} (platform admin, tenant admin)`);
  console.log(`\nBearer token (12 h):\n${token}\n`);
  console.log(`export TOKEN=${token}\n`);
  console.log('1) Start an inventory sync:');
  console.log(
    `curl -s ${api} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\\n  -d '{"query":"mutation { startInventorySync(tenantId: \\"${tenantId}\\") { id status } }"}'\n`,
  );
  console.log('2) Watch it live (every run of the tenant, one line per operationRunUpdated event; Ctrl-C to stop):');
  const urlFlag = env.PORT === 3000 && env.HOST === '127.0.0.1' ? '' : ` --url http://${env.HOST}:${env.PORT}`;
  console.log(`npm run watch -- ${tenantId}${urlFlag}\n`);
  console.log(
    `   (or a single run: npm run watch -- <run id>; any graphql-ws client works too: subscription { operationRunUpdated(tenantId: "${tenantId}") { id status } } with connection_init {"authorization":"Bearer $TOKEN"})\n`,
  );
  console.log('3) List the inventory:');
  console.log(
    `curl -s ${api} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\\n  -d '{"query":"{ inventoryItems(tenantId: \\"${tenantId}\\", first: 5) { edges { node { typeKey name platform lastModifiedAt } } } inventorySummary(tenantId: \\"${tenantId}\\") { totalPresent } }"}'`,
  );
  console.log(
    `\n4) Backups: backup ${latest.id} holds ${latest.itemCount} policies with their assignments. Compare two backups`,
  );
  console.log(
    `   (change a policy in the simulator, PATCH ${sim.url}/_sim/tenants/${DEMO_TENANT.tenantId}/objects/<collection>/<id>, then startBackup again):`,
  );
  console.log(
    `curl -s ${api} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\\n  -d '{"query":"{ diffBackups(leftBackupId: \\"${(previous ?? latest).id}\\", rightBackupId: \\"${latest.id}\\") { added removed changed unchanged objects { name typeKey kind rows { label kind left right } } } }"}'`,
  );
  console.log(`${line}\nReady.`);

  const stop = async () => {
    await app.close();
    await sim.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(`demo failed: ${error.message}`);
  process.exit(1);
});
