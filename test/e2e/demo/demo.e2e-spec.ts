/**
 * `npm run demo` end to end, from source (src/cli/demo.ts through @swc-node/register, no build): the demo boots the
 * Graph simulator and the app against a database of its own (it creates it), prints a token and the demo tenant id,
 * and the printed token drives an inventory sync over GraphQL. A second start against the same database is safe
 * and finds the same tenant.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dropDatabase, withDatabaseName } from '../../../src/infrastructure/database/database-url';
import { gql } from '../../support/graphql-client';
import { freePort } from '../../support/free-port';

const ROOT = join(__dirname, '../../..');
const FIXTURES = join(ROOT, '../shared/fixtures/openintunebaseline');
const READY_TIMEOUT_MS = 90_000;

interface RunningDemo {
  child: ChildProcess;
  api: string;
  token: string;
  tenantId: string;
  output: () => string;
}

/** Spawns the demo and resolves once it prints `Ready.`; rejects if it exits first or stays silent. */
async function startDemo(databaseUrl: string, args: string[] = []): Promise<RunningDemo> {
  const [port, simPort] = [await freePort(), await freePort()];
  const json = args.includes('--json');
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'src/cli/demo.ts'), ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
      PORT: String(port),
      DEMO_SIM_PORT: String(simPort),
      DATABASE_URL: databaseUrl,
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
      REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? 'ta-test'}-demo`,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `no "Ready." within ${READY_TIMEOUT_MS} ms; stdout: ${stdout.slice(-2000)} stderr: ${stderr.slice(-2000)}`,
          ),
        ),
      READY_TIMEOUT_MS,
    );
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(
        new Error(
          `demo exited with ${code} before "Ready."; stdout: ${stdout.slice(-2000)} stderr: ${stderr.slice(-2000)}`,
        ),
      );
    };
    child.once('exit', onExit);
    child.stdout!.on('data', () => {
      if (!(json ? /^\{.*\}$/m : /^Ready\.$/m).test(stdout)) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve();
    });
  });
  if (json) {
    const line = JSON.parse(stdout.trim()) as { graphqlUrl: string; token: string; tenantId: string };
    return {
      child,
      api: line.graphqlUrl.replace(/\/graphql$/, ''),
      token: line.token,
      tenantId: line.tenantId,
      output: () => stdout + stderr,
    };
  }
  const token = /^export TOKEN=(\S+)$/m.exec(stdout)?.[1];
  const tenantId = /^Demo tenant id:\s+([0-9a-f-]{36}) /m.exec(stdout)?.[1];
  const api = /^GraphQL \(HTTP and graphql-ws\): (http:\/\/\S+)\/graphql$/m.exec(stdout)?.[1];
  if (!token || !tenantId || !api)
    throw new Error(`could not read token, tenant id and URL from the demo output:\n${stdout}`);
  return { child, api, token, tenantId, output: () => stdout + stderr };
}

/** SIGTERM, then the exit: 0 from the demo's own handler, or SIGTERM re-raised by Nest's shutdown hooks after closing. */
async function stop(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode };
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  child.kill('SIGTERM');
  return exited;
}
const stoppedCleanly = (exit: { code: number | null; signal: NodeJS.Signals | null }) =>
  exit.code === 0 || (exit.code === null && exit.signal === 'SIGTERM');

const children: ChildProcess[] = [];

describe('npm run demo (src/cli/demo.ts in a child process)', () => {
  let databaseUrl: string;

  beforeAll(() => {
    // A database of the demo's own, next to this file's (test/support/per-file-isolation.ts); the demo creates it.
    const base = new URL(process.env.DATABASE_URL!);
    databaseUrl = withDatabaseName(base.toString(), `${base.pathname.slice(1)}_demo`);
  });

  afterAll(async () => {
    for (const child of children) await stop(child);
    await dropDatabase(databaseUrl);
  }, 60_000);

  it('prints a token and tenant that run an inventory sync, and a second start finds the same tenant', async () => {
    const first = await startDemo(databaseUrl);
    expect(first.output()).toMatch(/Bearer token \(12 h\):/);
    // The console's address and the demo user's sign-in for its login form.
    expect(first.output()).toMatch(new RegExp(`^Console:\\s+${first.api.replace(/[.]/g, '\\.')}/$`, 'm'));
    expect(first.output()).toMatch(/^Console sign-in:\s+admin@demo\.tenantatlas\.test \/ demo-password$/m);
    const call = (demo: RunningDemo, query: string, variables: Record<string, unknown> = {}) =>
      gql(demo.api, query, variables, demo.token);

    // "Watch it live" exactly as printed: `npm run watch -- <tenant id> [--url …]`, from source, with the printed token.
    const watchArgs = /^npm run watch -- (.+)$/m.exec(first.output())?.[1].trim().split(/\s+/);
    expect(watchArgs?.[0]).toBe(first.tenantId);
    const watch = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'src/cli/watch.ts'), ...watchArgs!], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'), TOKEN: first.token },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(watch);
    let watched = '';
    watch.stdout!.on('data', (chunk: Buffer) => (watched += chunk.toString('utf8')));
    watch.stderr!.on('data', (chunk: Buffer) => (watched += chunk.toString('utf8')));
    for (let waited = 0; !watched.includes('watching every run of tenant'); waited += 100) {
      if (waited > 60_000) throw new Error(`watch did not start: ${watched}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const started = await call(first, `mutation($t: ID!) { startInventorySync(tenantId: $t) { id type } }`, {
      t: first.tenantId,
    });
    expect(started.errors).toBeUndefined();
    const runId = started.data!.startInventorySync.id as string;
    const deadline = Date.now() + 60_000;
    let run: Record<string, any> | undefined;
    for (;;) {
      const res = await call(
        first,
        `query($id: ID!) { operationRun(id: $id) { status outcome failures { item code message } } }`,
        { id: runId },
      );
      expect(res.errors).toBeUndefined();
      run = res.data!.operationRun;
      if (run?.status === 'COMPLETED' || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(run).toMatchObject({ status: 'COMPLETED', outcome: 'SUCCEEDED', failures: [] });
    const finished = new RegExp(`${runId}\\s+inventory\\.sync\\s+COMPLETED SUCCEEDED`);
    for (let waited = 0; !finished.test(watched); waited += 100) {
      if (waited > 30_000) throw new Error(`watch printed no completion of ${runId}: ${watched}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    watch.kill('SIGINT');

    const summaryQuery = `query($t: ID!) { inventorySummary(tenantId: $t) { totalPresent lastRunId } }`;
    const summary = await call(first, summaryQuery, { t: first.tenantId });
    expect(summary.errors).toBeUndefined();
    expect(summary.data!.inventorySummary.lastRunId).toBe(runId);
    // The demo seeds the simulator with the 72 OpenIntuneBaseline exports when they sit next to the repository.
    if (existsSync(FIXTURES)) expect(summary.data!.inventorySummary.totalPresent).toBe(72);
    else expect(summary.data!.inventorySummary.totalPresent).toBeGreaterThan(0);

    expect(stoppedCleanly(await stop(first.child))).toBe(true);

    // Re-run against the same database: no duplicate registration, same tenant, the inventory is still there.
    const second = await startDemo(databaseUrl);
    expect(second.tenantId).toBe(first.tenantId);
    const again = await call(second, summaryQuery, { t: second.tenantId });
    expect(again.errors).toBeUndefined();
    expect(again.data!.inventorySummary).toEqual(summary.data!.inventorySummary);

    // Each start took a backup; the printed diff operation compares the last two: nothing changed in between.
    const printed = /-d '(\{"query":"\{ diffBackups.*\})'$/m.exec(second.output())?.[1];
    if (!printed) throw new Error(`no diffBackups operation in the demo output:\n${second.output()}`);
    const diff = await call(second, (JSON.parse(printed) as { query: string }).query);
    expect(diff.errors).toBeUndefined();
    expect(diff.data!.diffBackups).toMatchObject({ added: 0, removed: 0, changed: 0, objects: [] });
    expect(diff.data!.diffBackups.unchanged).toBe(summary.data!.inventorySummary.totalPresent);
    const [left, right] = [...printed.matchAll(/BackupId: \\"([0-9a-f-]{36})\\"/g)].map((m) => m[1]);
    expect(left).toBeDefined();
    expect(left).not.toBe(right);
    expect(stoppedCleanly(await stop(second.child))).toBe(true);

    // For scripts: --json prints exactly one JSON line once ready; --seed takes another IntuneManagement folder.
    if (existsSync(FIXTURES)) {
      const scripted = await startDemo(databaseUrl, ['--json', '--seed', FIXTURES]);
      const line = JSON.parse(scripted.output().trim());
      expect(Object.keys(line).sort()).toEqual(
        ['backupId', 'consoleUrl', 'graphqlUrl', 'simulatorUrl', 'tenantId', 'token', 'userPassword', 'userUpn'].sort(),
      );
      expect(line).toMatchObject({
        tenantId: first.tenantId,
        consoleUrl: `${scripted.api}/`,
        userUpn: 'admin@demo.tenantatlas.test',
        userPassword: 'demo-password',
      });
      const backup = await call(scripted, `query($id: ID!) { backup(id: $id) { itemCount } }`, { id: line.backupId });
      expect(backup.data!.backup.itemCount).toBe(72);
      expect(stoppedCleanly(await stop(scripted.child))).toBe(true);
    }
  }, 360_000);
});
