/**
 * Run lifecycle throughput against raw BullMQ, side by side on the same Redis with the same worker concurrency, plus
 * start() latency at 50 concurrent callers. Its own database and Redis prefix; last line is one JSON object.
 *   npm run bench:runs   (BENCH_JOBS per side per round, BENCH_ROUNDS, BENCH_CONCURRENCY, BENCH_CALLERS to tune)
 * The two sides alternate in rounds (raw, runs, raw, runs, …) so both see the same machine: on a shared box the speed
 * drifts by ±30 % within a minute, and one long phase per side measured that drift more than the difference.
 * Concurrency defaults to 64 for both sides: raw no-op jobs do not gain from it (CPU-bound), runs do (their writes are
 * group-committed, so more jobs in flight share statements); see specs/003-operation-runs/spec.md "Write cost".
 */
import 'reflect-metadata';
import { deleteKeysWithPrefix } from '../src/infrastructure/redis/redis.module';
import { Queue, Worker } from 'bullmq';
import { createApp } from '../src/bootstrap';
import { validateEnvironment } from '../src/infrastructure/config/environment';
import { dropDatabase } from '../src/infrastructure/database/database-url';
import { EventBus } from '../src/infrastructure/events';
import { redisConnectionOptions } from '../src/infrastructure/queue/queue.module';
import { OperationRunsFacade } from '../src/modules/operation-runs';
import { benchDatabase } from './bench-database';

const JOBS = Number(process.env.BENCH_JOBS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const CALLERS = Number(process.env.BENCH_CALLERS ?? 50);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** `callers` concurrent loops share `total` calls; returns each call's latency in ms. */
async function drive(total: number, callers: number, call: () => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (next < total) {
        next++;
        const t = performance.now();
        await call();
        latencies.push(performance.now() - t);
      }
    }),
  );
  return latencies;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function rawBullmq(prefix: string, jobs: number): Promise<number> {
  const connection = redisConnectionOptions(REDIS_URL);
  const queue = new Queue('raw-noop', { connection, prefix });
  let done = 0;
  let resolveAll: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (resolveAll = resolve));
  const worker = new Worker('raw-noop', async () => undefined, { connection, prefix, concurrency: CONCURRENCY });
  worker.on('completed', () => {
    if (++done === jobs) resolveAll();
  });
  const started = performance.now();
  await drive(jobs, CALLERS, () => queue.add('noop', {}, { removeOnComplete: true }));
  await all;
  const seconds = (performance.now() - started) / 1000;
  await worker.close();
  await queue.close();
  return jobs / seconds;
}

async function runs(
  service: OperationRunsFacade,
  bus: EventBus,
  jobs: number,
): Promise<{ perSec: number; latencies: number[] }> {
  let done = 0;
  let resolveAll: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (resolveAll = resolve));
  const off = bus.on('operation-run.completed', () => {
    if (++done === jobs) resolveAll();
  });
  const started = performance.now();
  const latencies = await drive(jobs, CALLERS, () => service.start('system.noop', {}));
  await all;
  const seconds = (performance.now() - started) / 1000;
  off();
  return { perSec: jobs / seconds, latencies };
}

async function main(): Promise<void> {
  const { databaseUrl, redisPrefix: prefix } = await benchDatabase();
  const app = await createApp(
    validateEnvironment({
      NODE_ENV: 'test',
      APP_ROLE: 'all',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: databaseUrl,
      DATABASE_AUTO_CREATE: 'false',
      MIGRATIONS_RUN: 'false',
      DATABASE_POOL_SIZE: '20',
      REDIS_URL,
      REDIS_PREFIX: prefix,
      WORKER_CONCURRENCY: String(CONCURRENCY),
    }),
  );
  try {
    await app.listen(0, '127.0.0.1');
    const service = app.get(OperationRunsFacade);
    const bus = app.get(EventBus);
    console.log(
      `warming up (${ROUNDS} rounds of ${JOBS} jobs per side, worker concurrency=${CONCURRENCY}, callers=${CALLERS})`,
    );
    // Both sides reach steady speed only after a few thousand jobs (JIT, connection pools, Redis scripts loaded).
    for (let i = 0; i < 3; i++) {
      await rawBullmq(`${prefix}:raw`, JOBS);
      await runs(service, bus, JOBS);
    }

    let rawSeconds = 0;
    let runSeconds = 0;
    const latencies: number[] = [];
    const ratios: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const raw = await rawBullmq(`${prefix}:raw`, JOBS);
      const lifecycle = await runs(service, bus, JOBS);
      rawSeconds += JOBS / raw;
      runSeconds += JOBS / lifecycle.perSec;
      latencies.push(...lifecycle.latencies);
      ratios.push(lifecycle.perSec / raw);
      console.log(
        `round ${round}: raw BullMQ ${raw.toFixed(0)}/s, runs ${lifecycle.perSec.toFixed(0)}/s, ratio ${(lifecycle.perSec / raw).toFixed(3)}`,
      );
    }
    const rawPerSec = (ROUNDS * JOBS) / rawSeconds;
    const runsPerSec = (ROUNDS * JOBS) / runSeconds;
    console.log(`raw BullMQ no-op jobs: ${rawPerSec.toFixed(0)}/s`);
    console.log(`no-op runs, full lifecycle (start → worker → completed): ${runsPerSec.toFixed(0)}/s`);
    console.log(
      `ratio over all rounds ${(runsPerSec / rawPerSec).toFixed(3)} (median round ${percentile(ratios, 50).toFixed(3)}, range ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)})`,
    );
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    console.log(`start() latency at ${CALLERS} concurrent callers: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
    const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
    console.log(
      JSON.stringify({
        runsPerSec: round(runsPerSec),
        rawBullmqPerSec: round(rawPerSec),
        ratio: round(runsPerSec / rawPerSec, 3),
        startP50Ms: round(p50, 2),
        startP95Ms: round(p95, 2),
      }),
    );
  } finally {
    await app.close();
    await dropDatabase(databaseUrl);
    await deleteKeysWithPrefix(REDIS_URL, prefix);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
