/**
 * `npm run bench:graph-outage`: one inventory.sync of a tenant whose Graph never answers (every request outlives
 * GRAPH_REQUEST_TIMEOUT_MS), at the production defaults (30 s timeout, 6 attempts, circuit after 5 failures). Prints
 * how long the run took to end `failed` with `graph_unavailable` (target ≤ 180 s), the calls that went out and the
 * ones the open circuit refused; the last line is one JSON object. BENCH_REQUEST_TIMEOUT_MS scales the timeout down
 * for a quick look; BENCH_CIRCUIT_FAILURES=1000000 shows the outage limit alone (no breaker).
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { createApp } from '../src/bootstrap';
import { startGraphSimulator } from '../src/graph-simulator';
import { validateEnvironment } from '../src/infrastructure/config/environment';
import { dropDatabase } from '../src/infrastructure/database/database-url';
import { deleteKeysWithPrefix } from '../src/infrastructure/redis/redis.module';
import { benchDatabase } from './bench-database';
import { graphql } from './bench-graphql';

const TIMEOUT_MS = Number(process.env.BENCH_REQUEST_TIMEOUT_MS ?? 30_000);
const CIRCUIT_FAILURES = Number(process.env.BENCH_CIRCUIT_FAILURES ?? 5);
const AUDIENCE = 'api://tenantatlas-bench';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function main(): Promise<void> {
  const { databaseUrl, redisPrefix } = await benchDatabase();
  const sim = await startGraphSimulator({ port: 0, apiAudience: AUDIENCE, tenants: [] });
  const home = sim.addTenant({ displayName: 'MSP home', users: [{ upn: 'bench@msp.test', password: 'pw' }] });
  const managed = sim.addTenant({ displayName: 'Dead Graph tenant' });
  const app = await createApp(
    validateEnvironment({
      APP_ROLE: 'all',
      PORT: '0',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
      DATABASE_URL: databaseUrl,
      DATABASE_AUTO_CREATE: 'false',
      REDIS_URL,
      REDIS_PREFIX: redisPrefix,
      AUTH_JWKS_URL: `${sim.url}/{tid}/discovery/v2.0/keys`,
      AUTH_AUDIENCE: AUDIENCE,
      ADMIN_UPNS: 'bench@msp.test',
      GRAPH_BASE_URL: sim.url,
      GRAPH_TOKEN_ENDPOINT_BASE_URL: sim.url,
      GRAPH_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS),
      GRAPH_CIRCUIT_FAILURES: String(CIRCUIT_FAILURES),
    }),
  );
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
    {
      i: {
        entraTenantId: managed.tenantId,
        displayName: managed.displayName,
        clientId: managed.apps[0].clientId,
        clientSecret: managed.apps[0].clientSecret,
      },
    },
  );
  // Graph "hangs": every answer comes long after the client gave up on it (tokens still come: Entra is up).
  sim.setFaults(managed.tenantId, { latencyMs: 30 * 60_000 });

  const { startInventorySync } = await graphql(
    url,
    token,
    `
      mutation ($t: ID!) {
        startInventorySync(tenantId: $t) {
          id
        }
      }
    `,
    { t: registerTenant.id },
  );
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  let row: { status: string; outcome: string; started_at: Date; finished_at: Date; failures: any[]; result: any };
  for (;;) {
    [row] = (
      await db.query(
        `SELECT status, outcome, started_at, finished_at, failures, result FROM operation_runs WHERE id = $1`,
        [startInventorySync.id],
      )
    ).rows;
    if (row?.status === 'completed') break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await db.end();

  const seconds = (row.finished_at.getTime() - row.started_at.getTime()) / 1000;
  const codes = [...new Set(row.failures.map((f: { code: string }) => f.code))];
  const graph = row.result?.graph ?? {};
  const result = {
    seconds: Number(seconds.toFixed(1)),
    outcome: row.outcome,
    failureCodes: codes,
    timedOutCalls: graph.unreachable ?? null,
    refusedCalls: graph.refused ?? null,
    requestTimeoutMs: TIMEOUT_MS,
    circuitFailures: CIRCUIT_FAILURES,
  };
  console.log(`outcome:        ${row.outcome} (${codes.join(', ')}) on ${row.failures.length} types`);
  console.log(`time to fail:   ${seconds.toFixed(1)} s (target ≤ 180 s; request timeout ${TIMEOUT_MS / 1000} s)`);
  console.log(`Graph calls:    ${graph.unreachable} timed out, ${graph.refused} refused without going out`);
  console.log(JSON.stringify(result));

  await app.close();
  await sim.close();
  await dropDatabase(databaseUrl);
  await deleteKeysWithPrefix(REDIS_URL, redisPrefix);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench:graph-outage failed: ${error.message}`);
    process.exit(1);
  },
);
