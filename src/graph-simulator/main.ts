/**
 * `npm run graph:sim -- --port 4010 --seed ../shared/fixtures/openintunebaseline --synthetic-per-type 50 --groups 500`
 * Starts a standalone simulator and prints how to reach it; stops on SIGINT/SIGTERM.
 */
import { join } from 'node:path';
import { startGraphSimulator, type GraphSimulatorOptions } from './simulator';
import { DEMO_TENANT } from './tenants';

/** Where the standalone simulator and the demo keep their signing key, so printed tokens survive a restart (gitignored). */
export const DEFAULT_SIM_KEY_FILE = join('.sim', 'signing-key.json');

export function parseArgs(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
): GraphSimulatorOptions {
  const options: GraphSimulatorOptions = {
    port: 4010,
    host: '127.0.0.1',
    seedDirs: [],
    keyFile: env.GRAPH_SIM_KEY_FILE || DEFAULT_SIM_KEY_FILE,
  };
  const throttle: NonNullable<GraphSimulatorOptions['throttle']> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port':
        options.port = Number(value());
        break;
      case '--host':
        options.host = value();
        break;
      case '--seed':
        options.seedDirs!.push(value());
        break;
      case '--synthetic-per-type':
        options.syntheticPerType = Number(value());
        break;
      case '--groups':
        options.groups = Number(value());
        break;
      case '--page-size':
        options.pageSize = Number(value());
        break;
      case '--api-audience':
        options.apiAudience = value();
        break;
      case '--throttle-window-ms':
        throttle.windowMs = Number(value());
        break;
      case '--no-throttle':
        throttle.enabled = false;
        break;
      case '--key-file':
        options.keyFile = value();
        break;
      case '--ephemeral-key':
        options.keyFile = undefined;
        break;
      case '--help':
      case '-h':
        process.stdout.write(
          'graph-sim [--port 4010] [--host 127.0.0.1] [--seed DIR]... [--synthetic-per-type N] [--groups N] [--page-size N] [--api-audience AUD] [--throttle-window-ms MS] [--no-throttle] [--key-file FILE | --ephemeral-key]\n',
        );
        process.exit(0);
      // eslint-disable-next-line no-fallthrough
      default:
        throw new Error(`Unknown argument ${flag}`);
    }
  }
  if (Object.keys(throttle).length) options.throttle = throttle;
  return options;
}

async function main(): Promise<void> {
  const sim = await startGraphSimulator(parseArgs(process.argv.slice(2)));
  const lines = [`Graph simulator listening on ${sim.url}`, `  control: ${sim.url}/_sim/tenants`];
  if (sim.tenants().some((t) => t.tenantId === DEMO_TENANT.tenantId))
    lines.push(
      `  console sign-in: authority ${sim.authority(DEMO_TENANT.tenantId)}, client id ${DEMO_TENANT.consoleClientId}`,
    );
  for (const t of sim.tenants()) {
    const tenant = sim.tenant(t.tenantId);
    lines.push(`tenant ${t.tenantId} (${t.displayName}): ${tenant.count()} objects, ${tenant.groups.length} groups`);
    for (const a of t.apps)
      lines.push(`  app    client_id=${a.clientId} client_secret=${a.clientSecret ?? '(certificate)'}`);
    for (const u of t.users) lines.push(`  user   ${u.upn} / ${u.password} (oid ${u.oid})`);
    const a = t.apps[0];
    if (a?.clientSecret) {
      lines.push(
        `  try:   TOKEN=$(curl -s ${sim.url}/${t.tenantId}/oauth2/v2.0/token -d grant_type=client_credentials -d client_id=${a.clientId} -d client_secret=${a.clientSecret} -d scope=https://graph.microsoft.com/.default | node -pe 'JSON.parse(require("fs").readFileSync(0)).access_token')`,
        `         curl -s -H "Authorization: Bearer $TOKEN" '${sim.url}/beta/deviceManagement/configurationPolicies?$top=5&$select=name'`,
      );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
