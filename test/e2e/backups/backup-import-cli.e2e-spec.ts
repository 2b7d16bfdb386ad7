import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAccessHarness, type AccessHarness } from '../tenants/access-fixture';
import { directoryEntries, tempFile, zipBuffer } from '../../support/zips';

const ROOT = join(__dirname, '../../..');
const FIXTURES = join(ROOT, '../shared/fixtures/openintunebaseline');
const ADMIN = 'cli.admin@msp.test';

/** `npm run backup:import -- …` from source (through @swc-node/register), token from TOKEN. */
function importCli(args: string[], token: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(ROOT, 'src/modules/backups/import-backup.cli.ts'), ...args],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'), TOKEN: token },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('npm run backup:import', () => {
  let h: AccessHarness;
  let tenantId: string;
  let token: string;

  beforeAll(async () => {
    h = await startAccessHarness();
    tenantId = (await h.registerTenant()).id;
    await h.grant(tenantId, ADMIN, 'ADMIN');
    token = await h.token(ADMIN);
  });
  afterAll(() => h.close());

  it('imports a folder (zipped on the fly) and prints the backup and its counts', async () => {
    const { code, output } = await importCli(['--url', h.app.url, '--tenant', tenantId, FIXTURES], token);
    expect(output).toMatch(/backup:import: backup [0-9a-f-]{36} with 72 object\(s\) \(.*settingsCatalogPolicy 59/);
    expect(code).toBe(0);
  });

  it('imports a .zip and lists the files it did not import', async () => {
    const zip = tempFile(
      await zipBuffer([
        ...directoryEntries(join(FIXTURES, 'BYOD')),
        { name: 'Groups/All staff.json', data: '{"@odata.type":"#microsoft.graph.group","id":"g1"}' },
      ]),
    );
    const { code, output } = await importCli(['--url', h.app.url, '--tenant', tenantId, '--label', 'BYOD', zip], token);
    expect(output).toContain('with 2 object(s)');
    expect(output).toContain('not imported: Groups/All staff.json (UNKNOWN_TYPE, #microsoft.graph.group)');
    expect(code).toBe(0);
  });

  it("prints the server's reason and exits 2 for a refused archive", async () => {
    const bad = tempFile(await zipBuffer([{ name: 'SettingsCatalog/x.json', data: '{ nope' }]));
    const { code, output } = await importCli(['--url', h.app.url, '--tenant', tenantId, bad], token);
    expect(output).toContain('refused (BAD_USER_INPUT, INVALID_JSON)');
    expect(code).toBe(2);
  });

  it('refuses a folder with a symbolic link before sending anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ta-cli-'));
    mkdirSync(join(dir, 'SettingsCatalog'));
    writeFileSync(join(dir, 'SettingsCatalog/a.json'), '{}');
    symlinkSync('/etc/passwd', join(dir, 'SettingsCatalog/b.json'));
    const { code, output } = await importCli(['--url', h.app.url, '--tenant', tenantId, dir], token);
    expect(output).toContain('refusing the symbolic link SettingsCatalog/b.json');
    expect(code).toBe(1);
  });

  it('explains its usage', async () => {
    const { code, output } = await importCli([FIXTURES], token);
    expect(output).toContain('usage: npm run backup:import -- --tenant <tenantId>');
    expect(code).toBe(1);
  });
});
