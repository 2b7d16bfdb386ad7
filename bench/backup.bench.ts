/**
 * `npm run bench:backup`: two backups of a 10,000-object synthetic tenant (a realistic mix: settings catalog policies
 * with 20–200 settings, admin templates with definition and presentation values, scripts, app protection with apps,
 * assignments on most objects) behind the Graph simulator enforcing Intune's sliding-window throttle (scaled: the
 * same shape, a shorter window). Prints the Graph requests against the minimum the contracts require, the first
 * backup's time against the throttle-bound minimum, worker RSS growth (the simulator runs in a child process,
 * `backup-simulator.ts`), the database growth of the first backup and of a second one of the unchanged tenant, and
 * the time of `diffBackups` between the second and a third backup taken after 100 objects changed in the simulator;
 * the last line is one JSON object. `BENCH_MEMORY_TRACE=<file>` writes memory samples of the first backup (CSV).
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { createApp } from '../src/bootstrap';
import { validateEnvironment } from '../src/infrastructure/config/environment';
import { dropDatabase } from '../src/infrastructure/database/database-url';
import { benchDatabase } from './bench-database';
import { graphql } from './bench-graphql';

const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 2_000);
const MAX_REQUESTS = Number(process.env.BENCH_MAX_REQUESTS ?? 1_000);
const PAGE_SIZE = Number(process.env.BENCH_PAGE_SIZE ?? 100);
const AUDIENCE = 'api://tenantatlas-bench';
/** diffBackups calls timed after the first one. */
const DIFF_REPEAT = Number(process.env.BENCH_DIFF_REPEAT ?? 5);

const mb = (bytes: number) => Math.round((bytes / 1048576) * 100) / 100;

async function main(): Promise<void> {
  const { databaseUrl, redisPrefix } = await benchDatabase();
  // The simulator (and its 10,000 objects) runs in a child process: the RSS measured here is the worker's.
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'backup-simulator.ts')], {
    env: { ...process.env, BENCH_AUDIENCE: AUDIENCE },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const simInfo = await new Promise<{
    url: string;
    token: string;
    seeded: number;
    minRequests: number;
    changes: Array<{ path: string; body: Record<string, unknown> }>;
    tenant: { entraTenantId: string; displayName: string; clientId: string; clientSecret: string };
  }>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
    child.once('exit', (code) => reject(new Error(`the bench simulator exited (${code})`)));
  });
  const { seeded, minRequests, token } = simInfo;
  const simCall = async (path: string, method = 'GET') =>
    (await fetch(`${simInfo.url}/_sim/${path}`, { method })).json() as Promise<any>;

  const env = validateEnvironment({
    APP_ROLE: 'all',
    PORT: '0',
    LOG_LEVEL: 'error',
    DATABASE_URL: databaseUrl,
    DATABASE_AUTO_CREATE: 'false',
    REDIS_PREFIX: redisPrefix,
    AUTH_JWKS_URL: `${simInfo.url}/{tid}/discovery/v2.0/keys`,
    AUTH_AUDIENCE: AUDIENCE,
    ADMIN_UPNS: 'bench@msp.test',
    GRAPH_BASE_URL: simInfo.url,
    GRAPH_TOKEN_ENDPOINT_BASE_URL: simInfo.url,
    GRAPH_BUDGET_WINDOW_MS: String(WINDOW_MS),
    GRAPH_BUDGET_MAX_REQUESTS: String(MAX_REQUESTS),
    GRAPH_BUDGET_MAX_WRITES: String(Math.max(1, Math.floor(MAX_REQUESTS / 10))),
    INVENTORY_PAGE_SIZE: String(PAGE_SIZE),
  });
  const app = await createApp(env);
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
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
    { i: simInfo.tenant },
  );
  const tenantId = registerTenant.id as string;
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const backupTablesBytes = async () =>
    Number(
      (
        await db.query(
          `SELECT sum(pg_total_relation_size(t))::bigint AS n
             FROM unnest(ARRAY['backups', 'backup_set_refs', 'backup_item_sets', 'backup_items', 'backup_payloads',
                               'policy_versions']::regclass[]) t`,
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
  let peakHeapUsed = baselineHeap;
  // BENCH_MEMORY_TRACE=<file>: one CSV line per sample (MB), to tell live heap from heap reserved and native memory.
  const trace = process.env.BENCH_MEMORY_TRACE;
  const t0 = Date.now();
  if (trace) writeFileSync(trace, 'ms,rss,heapTotal,heapUsed,external,arrayBuffers\n');
  let samples = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeapUsed = Math.max(peakHeapUsed, m.heapUsed);
    if (trace && samples++ % 5 === 0)
      appendFileSync(
        trace,
        `${Date.now() - t0},${[m.rss, m.heapTotal, m.heapUsed, m.external, m.arrayBuffers].map(mb).join(',')}\n`,
      );
  }, 50);
  await simCall('stats/reset', 'POST');

  const before = await backupTablesBytes();
  const first = await backup();
  clearInterval(sampler);
  // What the first backup left behind once garbage is collected: flat memory means this stays near zero whatever the
  // tenant size (peak RSS also counts garbage not yet collected).
  global.gc?.();
  const retainedHeapMb = Math.round(((process.memoryUsage().heapUsed - baselineHeap) / 1048576) * 10) / 10;
  const stats = (await simCall(`stats?tenantId=${simInfo.tenant.entraTenantId}`)) as {
    requests: number;
    throttled429: number;
  };
  await db.query('VACUUM ANALYZE backup_set_refs, backup_item_sets, backup_items, backup_payloads, policy_versions');
  const afterFirst = await backupTablesBytes();
  const second = await backup();
  await db.query('VACUUM ANALYZE backup_set_refs, backup_item_sets, backup_items, backup_payloads, policy_versions');
  const afterSecond = await backupTablesBytes();

  // diffBackups between two 10,000-object backups with 100 changed objects: change them in the simulator (the control
  // route, as an admin in the portal), back up a third time, and diff the second against the third over GraphQL, the
  // path the API serves (HTTP, access checks, JSON included): the first call, then the median of the next ones.
  for (const change of simInfo.changes) {
    const res = await fetch(`${simInfo.url}/_sim/tenants/${simInfo.tenant.entraTenantId}/objects/${change.path}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(change.body),
    });
    if (!res.ok) throw new Error(`changing ${change.path} in the simulator: HTTP ${res.status}`);
  }
  const third = await backup();
  const diffQuery = `
    query ($l: ID!, $r: ID!) {
      diffBackups(leftBackupId: $l, rightBackupId: $r) {
        added
        removed
        changed
        unchanged
        truncated
        objects {
          kind
          typeKey
          name
          rows {
            path
            label
            kind
            left
            right
          }
        }
      }
    }
  `;
  const diffTimes: number[] = [];
  let diff: { added: number; removed: number; changed: number; unchanged: number; objects: { rows: unknown[] }[] };
  for (let n = 0; n <= DIFF_REPEAT; n++) {
    const started = performance.now();
    ({ diffBackups: diff } = await graphql(url, token, diffQuery, {
      l: second.result.backupId,
      r: third.result.backupId,
    }));
    diffTimes.push(performance.now() - started);
  }
  const [diffColdMs, ...diffWarm] = diffTimes;
  diffWarm.sort((a, b) => a - b);
  const diffMs = Math.round(diffWarm[Math.floor(diffWarm.length / 2)]);

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
    diffMs,
  };
  const diffRows = diff!.objects.reduce((n, o) => n + o.rows.length, 0);
  console.log(`outcome:            ${first.outcome} / ${second.outcome} / ${third.outcome}`);
  console.log(`objects:            ${result.objects} (seeded ${seeded}), page size ${PAGE_SIZE}`);
  console.log(
    `requests:           ${requests} (minimum the contracts require: ${minRequests}); 429s: ${stats.throttled429}`,
  );
  console.log(`throttle:           ${MAX_REQUESTS} requests / ${WINDOW_MS} ms per app per tenant (sliding window)`);
  console.log(
    `time:               ${elapsedMs} ms vs throttle-bound minimum ${minimumMs} ms → ratio ${result.throttleBoundRatio} (target ≤ 1.15)`,
  );
  console.log(
    `RSS:                baseline ${Math.round(baselineRss / 1048576)} MB, peak ${Math.round(peakRss / 1048576)} MB, growth ${result.rssGrowthMb} MB (target < 150); heap used peak +${mb(peakHeapUsed - baselineHeap)} MB, retained after GC ${retainedHeapMb} MB`,
  );
  console.log(
    `database:           first backup +${result.firstBackupMb} MB, second (unchanged) +${result.secondBackupMb} MB = ${((100 * result.secondBackupMb) / result.firstBackupMb).toFixed(1)} % (target < 2 %); new payload rows ${backups[1].new_payload_count}, new versions ${backups[1].new_version_count}`,
  );
  console.log(
    `diffBackups:        second vs third backup (${simInfo.changes.length} objects changed in the simulator; third backup: ${backups[2].new_version_count} new versions): ${diff!.changed} changed, ${diff!.unchanged} unchanged, ${diff!.added} added, ${diff!.removed} removed, ${diffRows} rows; median ${diffMs} ms of ${DIFF_REPEAT} (first call ${Math.round(diffColdMs)} ms), target < 1000 ms`,
  );
  console.log(JSON.stringify(result));

  await app.close();
  child.kill('SIGTERM');
  await dropDatabase(databaseUrl);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench:backup failed: ${error.message}`);
    process.exit(1);
  },
);
