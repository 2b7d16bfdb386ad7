/**
 * `npm run bench:flood`: one signed-in user floods `tenants` at 1,000 requests/s for 10 s against the api in its own
 * process (spawned like `npm start` runs it, default rate limits), while a second client polls `/health/live` every
 * 100 ms and a second user makes normal requests (5/s). The flood runs in a worker thread so the probes' latencies
 * are the server's, not the load generator's. The same probes run for 5 s before the flood, as the reference this
 * (shared) machine gives at the time. Prints requests answered 429, p95 of `/health/live` (target < 50 ms),
 * p95 of the second user's requests (target < 100 ms) and the api process's RSS growth (target < 100 MB); the last
 * line is one JSON object.
 *   BENCH_RATE (requests/s, default 1000), BENCH_SECONDS (default 10), BENCH_CONNECTIONS (the flood's keep-alive
 *   sockets, default 64), BENCH_TENANTS (rows `tenants` returns, default 20), BENCH_APP_NODE_OPTIONS (the api's).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { dropDatabase } from '../src/infrastructure/database/database-url';
import { deleteKeysWithPrefix } from '../src/infrastructure/redis/redis.module';
import { startSpawnedApp } from '../test/support/spawn-app';
import { TEST_AUDIENCE, TestIssuer } from '../test/support/test-issuer';
import { benchDatabase } from './bench-database';

const RATE = Number(process.env.BENCH_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const TENANTS = Number(process.env.BENCH_TENANTS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const HOME_TID = randomUUID();
const FLOODER = 'flooder@msp.test';
const OTHER = 'other@msp.test';
const TENANTS_QUERY = JSON.stringify({ query: '{ tenants { id displayName status myRole } }' });

/**
 * The load generator: open loop (a request every 1/RATE s whatever the answers) over a keep-alive pool of
 * BENCH_CONNECTIONS sockets, as a load tool or a misbehaving client would send them; counts answers by status.
 */
const FLOOD_WORKER = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { url, token, body, rate, seconds, connections } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const statuses = {};
let sent = 0;
let inFlight = 0;
let maxInFlight = 0;
const started = Date.now();
const finish = () => { if (sent >= rate * seconds && inFlight === 0) parentPort.postMessage({ sent, statuses, maxInFlight }); };
const count = (key) => { statuses[key] = (statuses[key] ?? 0) + 1; inFlight -= 1; finish(); };
const send = () => {
  sent += 1;
  inFlight += 1;
  maxInFlight = Math.max(maxInFlight, inFlight);
  const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: 'Bearer ' + token } }, (res) => {
    res.resume();
    res.on('end', () => count(res.statusCode));
  });
  req.on('error', () => count('error'));
  req.end(body);
};
const timer = setInterval(() => {
  const due = Math.min(rate * seconds, Math.floor(((Date.now() - started) / 1000) * rate));
  while (sent < due) send();
  if (sent >= rate * seconds) clearInterval(timer);
}, 5);
`;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** User + system CPU seconds the process has used (Linux /proc; clock ticks are 100 per second there). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

async function timed(request: () => Promise<Response>): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await request();
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

/** Calls `probe` every `everyMs` until `stop` resolves; returns each call's latency and status. */
async function poll(
  everyMs: number,
  stop: Promise<unknown>,
  probe: () => Promise<{ ms: number; status: number }>,
): Promise<Array<{ ms: number; status: number }>> {
  const results: Array<{ ms: number; status: number }> = [];
  let done = false;
  void stop.then(() => (done = true));
  while (!done) {
    const next = Date.now() + everyMs;
    results.push(await probe().catch(() => ({ ms: Number.POSITIVE_INFINITY, status: 0 })));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
  }
  return results;
}

async function main(): Promise<void> {
  const { databaseUrl, redisPrefix: prefix } = await benchDatabase();
  const issuer = await TestIssuer.start();
  const app = await startSpawnedApp({
    NODE_ENV: 'test',
    APP_ROLE: 'api',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    DATABASE_AUTO_CREATE: 'false',
    MIGRATIONS_RUN: 'false',
    REDIS_URL,
    REDIS_PREFIX: prefix,
    AUTH_JWKS_URL: issuer.jwksUrl,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    ADMIN_UPNS: `${FLOODER},${OTHER}`,
    NODE_OPTIONS: process.env.BENCH_APP_NODE_OPTIONS, // e.g. --cpu-prof --cpu-prof-dir=/tmp/flood-profile
  });
  try {
    const flooder = await issuer.userToken({ tid: HOME_TID, upn: FLOODER }, { expiresIn: '1h' });
    const other = await issuer.userToken({ tid: HOME_TID, upn: OTHER }, { expiresIn: '1h' });
    const graphql = (token: string, body: string) =>
      fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
    for (let i = 0; i < TENANTS; i++) {
      const response = await graphql(
        other,
        JSON.stringify({
          query: 'mutation($i: RegisterTenantInput!) { registerTenant(input: $i) { id } }',
          variables: {
            i: {
              entraTenantId: randomUUID(),
              displayName: `Bench ${i}`,
              clientId: randomUUID(),
              clientSecret: 'bench',
            },
          },
        }),
      );
      if (response.status !== 200) throw new Error(`registerTenant: HTTP ${response.status}`);
    }
    // Warm up both users' tokens and the query path, then let the process settle.
    for (let i = 0; i < 5; i++) {
      await (await graphql(flooder, TENANTS_QUERY)).arrayBuffer();
      await (await graphql(other, TENANTS_QUERY)).arrayBuffer();
      await (await fetch(`${app.url}/health/live`)).arrayBuffer();
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));

    // The same probes for 5 s without the flood: what this machine gives right now (other processes share its cores).
    const quietFor = new Promise((resolve) => setTimeout(resolve, 5000));
    const [quietLive, quietNormal] = await Promise.all([
      poll(100, quietFor, () => timed(() => fetch(`${app.url}/health/live`))),
      poll(200, quietFor, () => timed(() => graphql(other, TENANTS_QUERY))),
    ]);

    const pid = app.child.pid!;
    const baselineRss = rssMb(pid);
    const cpuBefore = cpuSeconds(pid);
    const floodStarted = performance.now();
    let peakRss = baselineRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(pid))), 100);

    const worker = new Worker(FLOOD_WORKER, {
      eval: true,
      workerData: {
        url: `${app.url}/graphql`,
        token: flooder,
        body: TENANTS_QUERY,
        rate: RATE,
        seconds: SECONDS,
        connections: CONNECTIONS,
      },
    });
    const flood = new Promise<{ sent: number; statuses: Record<string, number>; maxInFlight: number }>(
      (resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      },
    );
    const [live, normal, result] = await Promise.all([
      poll(100, flood, () => timed(() => fetch(`${app.url}/health/live`))),
      poll(200, flood, () => timed(() => graphql(other, TENANTS_QUERY))),
      flood,
    ]);
    clearInterval(sampler);
    const floodSeconds = (performance.now() - floodStarted) / 1000;
    const apiCpu = cpuSeconds(pid) - cpuBefore;
    await worker.terminate();

    const liveMs = live.map((r) => r.ms);
    const otherMs = normal.map((r) => r.ms);
    const summary = {
      requests: result.sent,
      limited429: result.statuses['429'] ?? 0,
      liveP95Ms: round(percentile(liveMs, 95)),
      otherUserP95Ms: round(percentile(otherMs, 95)),
      rssGrowthMb: round(peakRss - baselineRss),
    };
    console.log(
      `flood:              ${result.sent} requests in ${SECONDS} s at ${RATE}/s from one token (tenants), ${CONNECTIONS} connections`,
    );
    console.log(`answers:            ${JSON.stringify(result.statuses)}; at most ${result.maxInFlight} in flight`);
    console.log(`limited (429):      ${summary.limited429}`);
    console.log(
      `without the flood:  /health/live p95 ${round(
        percentile(
          quietLive.map((r) => r.ms),
          95,
        ),
      )} ms, second user p95 ${round(
        percentile(
          quietNormal.map((r) => r.ms),
          95,
        ),
      )} ms (load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`,
    );
    console.log(
      `/health/live:       ${live.length} probes, p50 ${round(percentile(liveMs, 50))} ms, p95 ${summary.liveP95Ms} ms, max ${round(Math.max(...liveMs))} ms (target p95 < 50); non-200: ${live.filter((r) => r.status !== 200).length}`,
    );
    console.log(
      `second user:        ${normal.length} requests, p50 ${round(percentile(otherMs, 50))} ms, p95 ${summary.otherUserP95Ms} ms (target p95 < 100); non-200: ${normal.filter((r) => r.status !== 200).length}`,
    );
    console.log(
      `api RSS:            baseline ${round(baselineRss)} MB, peak ${round(peakRss)} MB, growth ${summary.rssGrowthMb} MB (target < 100)`,
    );
    console.log(
      `api CPU:            ${round(apiCpu)} s over ${round(floodSeconds)} s (${Math.round((apiCpu / floodSeconds) * 100)} % of one core)`,
    );
    console.log(JSON.stringify(summary));
  } finally {
    await app.stop();
    await issuer.close();
    await dropDatabase(databaseUrl);
    await deleteKeysWithPrefix(REDIS_URL, prefix);
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench:flood failed: ${error.message}`);
    process.exit(1);
  },
);
