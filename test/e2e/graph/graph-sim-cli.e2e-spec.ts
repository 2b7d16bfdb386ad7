/**
 * The newcomer path: start the Graph simulator CLI as a separate process, seeded from the fixture exports, and
 * use it with nothing but HTTP (what the curl lines in docs/graph.md do).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../support/free-port';

const ROOT = join(__dirname, '../../..');
const FIXTURES = join(__dirname, '../../../../shared/fixtures/openintunebaseline');

/** Resolves with the URL the CLI prints once it listens; rejects if it exits or stays silent. */
function waitForUrl(child: ChildProcess, timeoutMs: number): Promise<{ url: string; stdout: () => string }> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "listening on" line within ${timeoutMs} ms; stderr: ${stderr}`)),
      timeoutMs,
    );
    const check = () => {
      const url = /Graph simulator listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      // Wait for the whole banner (it ends with the curl hint) before reading it in the test.
      if (url && /\$top=5/.test(stdout)) {
        clearTimeout(timer);
        resolve({ url, stdout: () => stdout });
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`simulator exited with ${code}; stderr: ${stderr}`));
    });
  });
}

describe('graph simulator CLI (src/graph-simulator/main.ts)', () => {
  let child: ChildProcess;

  afterAll(async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill();
    await exited;
  });

  it('starts seeded, serves /_sim/tenants, a client-credentials token and Graph reads, and stops on SIGTERM', async () => {
    const port = await freePort();
    child = spawn(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        join(ROOT, 'src/graph-simulator/main.ts'),
        '--port',
        String(port),
        '--seed',
        FIXTURES,
        '--groups',
        '30',
      ],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const { url, stdout } = await waitForUrl(child, 45_000);
    expect(url).toBe(`http://127.0.0.1:${port}`);
    expect(stdout()).toMatch(/72 objects, 30 groups/);

    const tenants = (await (await fetch(`${url}/_sim/tenants`)).json()) as Array<{
      tenantId: string;
      apps: Array<{ clientId: string; clientSecret: string }>;
    }>;
    expect(tenants).toHaveLength(1);
    const [{ tenantId, apps }] = tenants;

    const tokenRes = await fetch(`${url}/${tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: apps[0].clientId,
        client_secret: apps[0].clientSecret,
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    expect(tokenRes.status).toBe(200);
    const { access_token: token } = (await tokenRes.json()) as { access_token: string };

    const policies = await fetch(`${url}/beta/deviceManagement/configurationPolicies?$top=5&$select=name`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(policies.status).toBe(200);
    const page = (await policies.json()) as { value: Array<Record<string, unknown>>; '@odata.nextLink'?: string };
    expect(page.value).toHaveLength(5);
    expect(page.value.every((p) => typeof p.name === 'string' && !('settings' in p))).toBe(true);
    expect(page['@odata.nextLink']).toContain(`${url}/beta/deviceManagement/configurationPolicies?`);

    const groups = await fetch(
      `${url}/v1.0/groups?$search=${encodeURIComponent('"displayName:intune"')}&$select=id,displayName&$count=true`,
      {
        headers: { authorization: `Bearer ${token}`, ConsistencyLevel: 'eventual' },
      },
    );
    expect(groups.status).toBe(200);
    const found = (await groups.json()) as { '@odata.count': number; value: Array<{ displayName: string }> };
    expect(found['@odata.count']).toBeGreaterThan(0);
    expect(found.value.every((g) => g.displayName.startsWith('SG-Intune-'))).toBe(true);

    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    child.kill();
    // The CLI closes the server on SIGTERM and exits 0.
    expect(await exited).toEqual({ code: 0, signal: null });
  });
});
