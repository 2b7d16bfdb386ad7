import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { startScenario, waitForRun, type Scenario } from '../../support/scenario';

const ROOT = join(__dirname, '../../..');

interface RunningCli {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** `npm run watch -- …` from source (src/cli/watch.ts through @swc-node/register), token from TOKEN. */
function watchCli(args: string[], env: Record<string, string> = {}): RunningCli {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'src/cli/watch.ts'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until(condition: () => boolean, what: () => string, timeoutMs = 60000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The README's "watch it live" as written: the CLI prints each operationRunUpdated event of a run or a tenant. */
describe('npm run watch', () => {
  let s: Scenario;
  let tenantId: string;
  const children: ChildProcess[] = [];
  const start = (args: string[], env: Record<string, string> = { TOKEN: s.adminToken }) => {
    const cli = watchCli(args, env);
    children.push(cli.child);
    return cli;
  };
  const verify = async () =>
    (
      await s.call<{ verifyTenant: { id: string } }>(`mutation($t: ID!) { verifyTenant(tenantId: $t) { id } }`, {
        t: tenantId,
      })
    ).data!.verifyTenant.id;

  beforeAll(async () => {
    s = await startScenario();
    tenantId = (await s.addManagedTenant()).tenantId;
  }, 90000);
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await s.close();
  });

  it('follows one run to its end, one line per event, and exits 0 when it succeeded', async () => {
    const runId = await verify();
    const cli = start([runId, '--url', s.url]);
    expect(await cli.exited).toBe(0);
    const lines = cli.output().trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) expect(line).toMatch(new RegExp(`^\\S+Z  ${runId}  tenant\\.verify\\s`));
    expect(lines.at(-1)).toMatch(/COMPLETED SUCCEEDED/);
  });

  it('follows every run of a tenant until stopped, reading the token from --token', async () => {
    const cli = start([tenantId, '--url', s.url, '--token', s.adminToken], {});
    await until(() => cli.output().includes('watching every run of tenant'), cli.output);
    const runId = await verify();
    await waitForRun(s, runId);
    await until(() => new RegExp(`${runId}\\s+tenant\\.verify\\s+COMPLETED SUCCEEDED`).test(cli.output()), cli.output);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
  });

  it('prints JSON lines with --json', async () => {
    const runId = await verify();
    await waitForRun(s, runId);
    const cli = start([runId, '--url', s.url, '--json']);
    expect(await cli.exited).toBe(0);
    expect(JSON.parse(cli.output().trim().split('\n').at(-1)!)).toMatchObject({
      id: runId,
      type: 'tenant.verify',
      status: 'COMPLETED',
      outcome: 'SUCCEEDED',
    });
  });

  it.each([
    ['no token', () => [randomUUID(), '--url', s.url], {}, /no token: pass --token or set TOKEN/],
    [
      'an id nobody may see',
      () => [randomUUID(), '--url', s.url],
      undefined,
      /no run or tenant .* that this token may see/,
    ],
    ['a bad token', () => [randomUUID(), '--url', s.url], { TOKEN: 'nope' }, /UNAUTHENTICATED/],
    ['something that is not an id', () => ['latest', '--url', s.url], undefined, /not a run or tenant id/],
  ])('exits 1 with one line for %s', async (_, args, env, message) => {
    const cli = start(args(), env ?? { TOKEN: s.adminToken });
    expect(await cli.exited).toBe(1);
    expect(cli.output().trim()).toMatch(message);
    expect(cli.output().trim().split('\n')).toHaveLength(1);
  });
});
