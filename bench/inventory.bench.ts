/**
 * `npm run bench:inventory`: one inventory.sync of a 10,000-object synthetic tenant behind the Graph simulator
 * enforcing Intune's sliding-window throttle (scaled: the same shape, a shorter window, so the run takes well under
 * a minute). Prints objects/s, the run's time against the throttle-bound minimum the limit allows, 429s, and RSS
 * growth; the last line is one JSON object.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createApp } from '../src/bootstrap';
import { seedSynthetic, startGraphSimulator } from '../src/graph-simulator';
import { validateEnvironment } from '../src/infrastructure/config/environment';
import { dropDatabase, ensureDatabaseExists, withDatabaseName } from '../src/infrastructure/database/database-url';
import { runMigrations } from '../src/infrastructure/database/run-migrations';
import { Client } from 'pg';
import { graphql } from './bench-graphql';

const OBJECTS = Number(process.env.BENCH_OBJECTS ?? 10_000);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 2_000);
const MAX_REQUESTS = Number(process.env.BENCH_MAX_REQUESTS ?? 50);
const PAGE_SIZE = Number(process.env.BENCH_PAGE_SIZE ?? 20);
const AUDIENCE = 'api://tenantatlas-bench';

async function main(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const databaseUrl = withDatabaseName(
    process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    `ta_bench_${runId}`,
  );
  await ensureDatabaseExists(databaseUrl);
  await runMigrations(databaseUrl);

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
  const collections = 16;
  seedSynthetic(sim.tenant(managed.tenantId), Math.ceil(OBJECTS / collections));

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

  global.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  sim.resetStats();

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
  let row:
    | { status: string; outcome: string; started_at: Date; finished_at: Date; summary_counts: Record<string, number> }
    | undefined;
  for (;;) {
    [row] = (
      await db.query(
        `SELECT status, outcome, started_at, finished_at, summary_counts FROM operation_runs WHERE id = $1`,
        [startInventorySync.id],
      )
    ).rows;
    if (row?.status === 'completed') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  clearInterval(sampler);
  const { rows: counted } = await db.query(`SELECT count(*)::int AS n FROM inventory_items WHERE tenant_id = $1`, [
    registerTenant.id,
  ]);
  await db.end();

  const stats = sim.stats(managed.tenantId);
  const elapsedMs = row.finished_at.getTime() - row.started_at.getTime();
  const minimumMs = (Math.ceil(stats.requests / MAX_REQUESTS) - 1) * WINDOW_MS;
  const objects = counted[0].n as number;
  const result = {
    objects,
    objectsPerSec: Math.round((objects / elapsedMs) * 1000),
    throttleBoundRatio: Number((elapsedMs / minimumMs).toFixed(3)),
    throttled429: stats.throttled429,
    rssGrowthMb: Math.round(((peakRss - baselineRss) / 1024 / 1024) * 10) / 10,
  };
  console.log(`outcome:            ${row.outcome}`);
  console.log(`objects synced:     ${objects} (${stats.requests} Graph requests, page size ${PAGE_SIZE})`);
  console.log(`throttle:           ${MAX_REQUESTS} requests / ${WINDOW_MS} ms per app per tenant (sliding window)`);
  console.log(
    `time:               ${elapsedMs} ms vs throttle-bound minimum ${minimumMs} ms → ratio ${result.throttleBoundRatio} (target ≤ 1.15)`,
  );
  console.log(`throughput:         ${result.objectsPerSec} objects/s`);
  console.log(`429s received:      ${stats.throttled429}`);
  console.log(
    `RSS:                baseline ${Math.round(baselineRss / 1048576)} MB, peak ${Math.round(peakRss / 1048576)} MB, growth ${result.rssGrowthMb} MB (target < 100)`,
  );
  console.log(JSON.stringify(result));

  await app.close();
  await sim.close();
  await dropDatabase(databaseUrl);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench:inventory failed: ${error.message}`);
    process.exit(1);
  },
);
