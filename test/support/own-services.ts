import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

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
