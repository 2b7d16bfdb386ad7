/**
 * `npm run bench:run-list`: the monitoring list (GraphQL `operationRuns`, DB only) at 1,000 runs against 1,000,000
 * runs, side by side in one process: two databases seeded with SQL (generate_series, then VACUUM ANALYZE), two apps
 * (APP_ROLE=api, so no reconciler or reaper touches the seeded open runs), one platform-admin token. Per filter case,
 * after a warm-up, the two sizes alternate in rounds of sequential requests (latency, not throughput) so both see the
 * same machine. Prints p50/p95 per case at both sizes and the ratio 1M / 1k; the last line is one JSON object.
 *   BENCH_ROWS_SMALL, BENCH_ROWS_LARGE, BENCH_REQUESTS (per case and size), BENCH_WARMUP, BENCH_KEEP=1 (keep the
 *   databases for EXPLAIN ANALYZE; their names are printed).
 * Data like the EXPLAIN setup in specs/003-operation-runs/spec.md "Write cost": 200 tenants, 5 types, 500
 * initiators, created_at spread over 90 days, the newest runs open (500 queued + 500 running at 1M, n/20 each below
 * 20k rows so a status page is full at 1k too), the rest completed (≈ 2 % failed, a few other outcomes).
 */
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createApp } from '../src/bootstrap';
import { validateEnvironment } from '../src/infrastructure/config/environment';
import { dropDatabase, ensureDatabaseExists, withDatabaseName } from '../src/infrastructure/database/database-url';
import { runMigrations } from '../src/infrastructure/database/run-migrations';
import { deleteKeysWithPrefix } from '../src/infrastructure/redis/redis.module';
import { TEST_AUDIENCE, TestIssuer } from '../test/support/test-issuer';

const ROWS_SMALL = Number(process.env.BENCH_ROWS_SMALL ?? 1_000);
const ROWS_LARGE = Number(process.env.BENCH_ROWS_LARGE ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
const ROUNDS = 5; // REQUESTS per size are split into this many alternating rounds
const PAGE = 50;
const DAYS = 90;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ADMIN_UPN = 'bench@msp.test';
const HOME_TID = randomUUID();

/** The uuid PostgreSQL's md5(text)::uuid gives, so filter values match the seeded rows. */
const md5Uuid = (text: string) =>
  createHash('md5')
    .update(text)
    .digest('hex')
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function seed(databaseUrl: string, rows: number, anchor: Date): Promise<void> {
  const open = Math.min(500, Math.floor(rows / 20)); // queued, and as many running
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(`SELECT setseed(0.42)`);
    // The subquery keeps one random() per column per row (PostgreSQL does not flatten volatile target lists).
    await db.query(
      `INSERT INTO operation_runs (tenant_id, type, status, outcome, initiator_user_id, created_at, queued_at, started_at, finished_at, heartbeat_at)
       SELECT tenant, type, status,
              CASE WHEN status <> 'completed' THEN NULL WHEN r < 0.02 THEN 'failed' WHEN r < 0.03 THEN 'partially_succeeded'
                   WHEN r < 0.035 THEN 'cancelled' WHEN r < 0.037 THEN 'timed_out' ELSE 'succeeded' END,
              initiator, created, created,
              CASE WHEN status <> 'queued' THEN created + interval '1 second' END,
              CASE WHEN status = 'completed' THEN created + interval '1 second' + r2 * interval '120 seconds' END,
              CASE WHEN status = 'running' THEN $1::timestamptz END
       FROM (
         SELECT md5('tenant-' || floor(random() * 200)::int)::uuid::text AS tenant,
                (ARRAY['inventory.sync', 'tenant.verify', 'directory.groups.sync', 'restore.execute', 'backup.create'])[1 + floor(random() * 5)::int] AS type,
                $2 || ':' || md5('user-' || floor(random() * 500)::int)::uuid AS initiator,
                CASE WHEN i > ${rows - open} THEN 'queued' WHEN i > ${rows - 2 * open} THEN 'running' ELSE 'completed' END AS status,
                $1::timestamptz - (${rows} - i) * (interval '${DAYS} days' / ${rows}) AS created,
                random() AS r, random() AS r2
         FROM generate_series(1, ${rows}) AS i
       ) s`,
      [anchor, HOME_TID],
    );
    await db.query(`VACUUM ANALYZE operation_runs`);
  } finally {
    await db.end();
  }
}

const QUERY = `query($f: OperationRunFilterInput, $after: String) {
  operationRuns(first: ${PAGE}, filter: $f, after: $after) {
    edges { cursor node { id type status outcome tenantId initiatorUserId attempt createdAt startedAt finishedAt summaryCounts { total processed failed } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Page {
  edges: unknown[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function list(url: string, token: string, variables: Record<string, unknown>): Promise<Page> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY, variables }),
  });
  const body = (await response.json()) as { data?: { operationRuns: Page }; errors?: Array<{ message: string }> };
  if (!body.data || body.errors?.length)
    throw new Error(body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${response.status}`);
  return body.data.operationRuns;
}

interface Side {
  label: string;
  rows: number;
  databaseUrl: string;
  app?: INestApplication;
  url: string;
}

async function main(): Promise<void> {
  const id = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const prefix = `ta-bench-${id}`;
  const anchor = new Date();
  const sides: Side[] = [
    { label: '1k', rows: ROWS_SMALL, databaseUrl: withDatabaseName(base, `ta_bench_${id}_small`), url: '' },
    { label: '1M', rows: ROWS_LARGE, databaseUrl: withDatabaseName(base, `ta_bench_${id}_large`), url: '' },
  ];
  const issuer = await TestIssuer.start();
  try {
    for (const side of sides) {
      const started = performance.now();
      await ensureDatabaseExists(side.databaseUrl);
      await runMigrations(side.databaseUrl);
      await seed(side.databaseUrl, side.rows, anchor);
      console.log(
        `seeded ${side.rows} runs + VACUUM ANALYZE in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      side.app = await createApp(
        validateEnvironment({
          NODE_ENV: 'test',
          APP_ROLE: 'api',
          PORT: '0',
          LOG_LEVEL: 'silent',
          DATABASE_URL: side.databaseUrl,
          DATABASE_AUTO_CREATE: 'false',
          MIGRATIONS_RUN: 'false',
          REDIS_URL,
          REDIS_PREFIX: `${prefix}-${side.label}`,
          AUTH_JWKS_URL: issuer.jwksUrl,
          AUTH_AUDIENCE: TEST_AUDIENCE,
          ADMIN_UPNS: ADMIN_UPN,
        }),
      );
      await side.app.listen(0, '127.0.0.1');
      side.url = `http://127.0.0.1:${(side.app.getHttpServer().address() as { port: number }).port}`;
    }
    const token = await issuer.userToken({ tid: HOME_TID, upn: ADMIN_UPN }, { expiresIn: '1h' });

    const tenant = md5Uuid('tenant-7');
    const day = 24 * 3600 * 1000;
    const cases: Array<{ name: string; filter: Record<string, unknown>; page2?: boolean }> = [
      { name: 'none', filter: {} },
      { name: 'tenantId', filter: { tenantId: tenant } },
      { name: 'type', filter: { type: 'restore.execute' } },
      { name: 'initiatorUserId', filter: { initiatorUserId: `${HOME_TID}:${md5Uuid('user-7')}` } },
      { name: 'status QUEUED', filter: { status: 'QUEUED' } },
      { name: 'status RUNNING', filter: { status: 'RUNNING' } },
      { name: 'status COMPLETED', filter: { status: 'COMPLETED' } },
      { name: 'outcome FAILED', filter: { outcome: 'FAILED' } },
      { name: 'tenant+COMPLETED page 2', filter: { tenantId: tenant, status: 'COMPLETED' }, page2: true },
      {
        name: 'created window (1 day)',
        filter: {
          createdAfter: new Date(anchor.getTime() - 31 * day).toISOString(),
          createdBefore: new Date(anchor.getTime() - 30 * day).toISOString(),
        },
      },
    ];

    console.log(
      `${REQUESTS} sequential requests per case and size (after ${WARMUP} warm-up), first: ${PAGE}, sizes alternating in ${ROUNDS} rounds`,
    );
    const header = ['case', 'rows 1k/1M', 'p50 1k', 'p50 1M', 'p95 1k', 'p95 1M', 'ratio p50', 'ratio p95'];
    const table: string[][] = [];
    const all: Record<string, number[]> = { '1k': [], '1M': [] };
    let worst = { name: '', ratio: 0 };
    let worstP95Ms1m = 0;
    for (const testCase of cases) {
      const variables = new Map<Side, Record<string, unknown>>();
      const returned = new Map<Side, number>();
      for (const side of sides) {
        let vars: Record<string, unknown> = { f: testCase.filter };
        if (testCase.page2) vars = { ...vars, after: (await list(side.url, token, vars)).pageInfo.endCursor };
        variables.set(side, vars);
        for (let i = 0; i < WARMUP; i++) returned.set(side, (await list(side.url, token, vars)).edges.length);
      }
      const latencies = new Map<Side, number[]>(sides.map((side) => [side, []]));
      for (let round = 0; round < ROUNDS; round++) {
        for (const side of sides) {
          for (let i = 0; i < REQUESTS / ROUNDS; i++) {
            const started = performance.now();
            await list(side.url, token, variables.get(side) as Record<string, unknown>);
            latencies.get(side)?.push(performance.now() - started);
          }
        }
      }
      const [small, large] = sides.map((side) => latencies.get(side) as number[]);
      all['1k'].push(...small);
      all['1M'].push(...large);
      const ratioP50 = percentile(large, 50) / percentile(small, 50);
      const ratioP95 = percentile(large, 95) / percentile(small, 95);
      if (ratioP50 > worst.ratio) worst = { name: testCase.name, ratio: ratioP50 };
      worstP95Ms1m = Math.max(worstP95Ms1m, percentile(large, 95));
      table.push([
        testCase.name,
        sides.map((side) => returned.get(side)).join('/'),
        ...[percentile(small, 50), percentile(large, 50), percentile(small, 95), percentile(large, 95)].map((ms) =>
          ms.toFixed(1),
        ),
        ratioP50.toFixed(2),
        ratioP95.toFixed(2),
      ]);
    }
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
    for (const row of [header, ...table])
      console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
    const p50Ms1k = percentile(all['1k'], 50);
    const p50Ms1m = percentile(all['1M'], 50);
    console.log(
      `all cases: p50 ${p50Ms1k.toFixed(1)} ms at ${ROWS_SMALL} runs, ${p50Ms1m.toFixed(1)} ms at ${ROWS_LARGE} runs (ms per request, HTTP + GraphQL + PostgreSQL)`,
    );
    const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
    console.log(
      JSON.stringify({
        rows1k: ROWS_SMALL,
        rows1m: ROWS_LARGE,
        p50Ms1k: round(p50Ms1k),
        p50Ms1m: round(p50Ms1m),
        p95Ms1k: round(percentile(all['1k'], 95)),
        p95Ms1m: round(percentile(all['1M'], 95)),
        ratioP50: round(p50Ms1m / p50Ms1k, 3),
        worstFilter: worst.name,
        worstRatioP50: round(worst.ratio, 3),
        worstP95Ms1m: round(worstP95Ms1m),
      }),
    );
  } finally {
    for (const side of sides) await side.app?.close();
    await issuer.close();
    if (process.env.BENCH_KEEP === '1')
      console.error(`kept databases: ${sides.map((side) => side.databaseUrl).join(' ')}`);
    else for (const side of sides) await dropDatabase(side.databaseUrl);
    await deleteKeysWithPrefix(REDIS_URL, prefix);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
