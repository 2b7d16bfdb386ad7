import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FAST_RUN_SETTINGS, killHard, spawnWorker } from '../e2e/operation-runs/run-test-kit';
import { freePort } from './free-port';
import { startSpawnedApp, type SpawnedApp } from './spawn-app';
import { startTestApp, type RunningTestApp } from './test-app';
import { TEST_AUDIENCE, TestIssuer } from './test-issuer';

/**
 * A PostgreSQL cluster and a redis-server of the test's own, on free ports in a temp dir, for the reliability suite:
 * it stops, kills and restarts them, and must never touch the shared services on 5432/6379.
 */
export interface OwnPostgres {
  url: string;
  port: number;
  /** `pg_ctl stop -m fast`: connections are cut, new ones refused, until start(). */
  stop(): void;
  start(): void;
  close(): void;
}

export interface OwnRedis {
  url: string;
  port: number;
  /** kill -9: the data (no persistence) is gone; restart() brings an empty server back on the same port. */
  kill(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** The installed PostgreSQL's bin directory (initdb and pg_ctl). */
function pgBin(): string {
  for (const dir of ['/usr/lib/postgresql'].filter(existsSync)) {
    const versions = readdirSync(dir).sort((a, b) => Number(b) - Number(a));
    for (const version of versions)
      if (existsSync(join(dir, version, 'bin', 'pg_ctl'))) return join(dir, version, 'bin');
  }
  return ''; // on PATH
}

/** initdb refuses to run as root: run the cluster as the `postgres` user then (as Debian's own cluster does). */
function asClusterOwner(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = pgBin();
  const tool = (name: string) => (bin ? join(bin, name) : name);
  const dir = mkdtempSync(join(tmpdir(), 'ta-reliability-pg-'));
  if (process.getuid?.() === 0) {
    chmodSync(dir, 0o700);
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  const run = (name: string, args: string[]) => {
    const [command, argv] = asClusterOwner(tool(name), args);
    execFileSync(command, argv, { stdio: 'pipe' });
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c full_page_writes=off`;
  const start = () => run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/tenantatlas_reliability`,
    port,
    stop,
    start,
    close() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ta-reliability-redis-'));
  let child: ChildProcess | null = null;
  const launch = async () => {
    const spawned = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = spawned;
    let output = '';
    spawned.stdout?.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 10_000;
    while (!output.includes('Ready to accept connections')) {
      if (spawned.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not start: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const kill = async () => {
    const current = child;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    const exited = new Promise((resolve) => current.once('exit', resolve));
    current.kill('SIGKILL');
    await exited;
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    restart: launch,
    async close() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The whole stack on services of the test's own, as production runs it: its PostgreSQL and redis-server, a spawned
 * api process (GraphQL, audited mutations) and spawned worker processes, plus an in-process api-role app through which
 * the test starts internal runs and reads rows. Run timings are test-scaled (FAST_RUN_SETTINGS).
 */
export interface OwnStack {
  pg: OwnPostgres;
  redis: OwnRedis;
  prefix: string;
  control: RunningTestApp;
  api: SpawnedApp;
  workers: ChildProcess[];
  /** Spawns one more worker (appended to `workers`). */
  addWorker(): Promise<ChildProcess>;
  /** Registers a tenant through the spawned api's GraphQL (one audit row each). */
  registerTenant(): Promise<string>;
  /** The rows of `audit_events`, as `seq action target_id` strings in order, to compare before and after a fault. */
  auditRows(): Promise<string[]>;
  close(): Promise<void>;
}

const STACK_ADMIN = 'reliability.admin@msp.test';

export async function startOwnStack(
  name: string,
  { workers = 2, workerConcurrency = 3 }: { workers?: number; workerConcurrency?: number } = {},
): Promise<OwnStack> {
  const [pg, redis, issuer] = await Promise.all([startOwnPostgres(), startOwnRedis(), TestIssuer.start()]);
  const prefix = `reliability-${name}`;
  const shared = { DATABASE_URL: pg.url, REDIS_URL: redis.url, REDIS_PREFIX: prefix, ...FAST_RUN_SETTINGS };
  const control = await startTestApp({
    ...shared,
    APP_ROLE: 'api',
    DATABASE_AUTO_CREATE: true,
    MIGRATIONS_RUN: true,
  });
  const api = await startSpawnedApp({
    ...shared,
    APP_ROLE: 'api',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    AUTH_JWKS_URL: issuer.jwksUrl,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    ADMIN_UPNS: STACK_ADMIN,
  });
  const spawned = await Promise.all(
    Array.from({ length: workers }, () => spawnWorker(prefix, { ...shared, WORKER_CONCURRENCY: workerConcurrency })),
  );
  const token = await issuer.userToken({ tid: randomUUID(), upn: STACK_ADMIN });
  return {
    pg,
    redis,
    prefix,
    control,
    api,
    workers: spawned,
    async addWorker() {
      const worker = await spawnWorker(prefix, { ...shared, WORKER_CONCURRENCY: workerConcurrency });
      spawned.push(worker);
      return worker;
    },
    async registerTenant() {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: `mutation($i: RegisterTenantInput!) { registerTenant(input: $i) { id } }`,
          variables: {
            i: { entraTenantId: randomUUID(), displayName: 'Reliability', clientId: randomUUID(), clientSecret: 'x' },
          },
        }),
      });
      const body = (await response.json()) as { data?: { registerTenant: { id: string } }; errors?: unknown };
      if (!body.data) throw new Error(`registerTenant failed: ${JSON.stringify(body.errors)}`);
      return body.data.registerTenant.id;
    },
    async auditRows() {
      const rows: { row: string }[] = await control.app
        .get(DataSource)
        .query(`SELECT seq || ' ' || action || ' ' || coalesce(target_id, '') AS row FROM audit_events ORDER BY seq`);
      return rows.map(({ row }) => row);
    },
    async close() {
      await Promise.all(spawned.map((worker) => killHard(worker)));
      await api.stop(0);
      await control.close();
      await issuer.close();
      await redis.close();
      pg.close();
    },
  };
}
