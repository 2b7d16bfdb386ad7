import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DataSource } from 'typeorm';
import { BackupsFacade } from '../../../src/modules/backups';
import { startAccessHarness, type AccessHarness } from '../tenants/access-fixture';
import {
  canonicalPolicyFile,
  directoryEntries,
  renameEntry,
  understateSizes,
  unzipBuffer,
  zipBuffer,
} from '../../support/zips';

const SHARED = join(__dirname, '../../../../shared');
const FIXTURES = join(SHARED, 'fixtures/openintunebaseline');

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? fixtureFiles(path) : name.endsWith('.json') ? [path] : [];
  });
}

const ADMIN_A = 'alpha.admin@msp.test';
const VIEWER_A = 'alpha.viewer@msp.test';
const ADMIN_B = 'bravo.admin@msp.test';

describe('backup import and export (IntuneManagement layout)', () => {
  let h: AccessHarness;
  let db: DataSource;
  let facade: BackupsFacade;
  let alpha: string;
  let bravo: string;
  let fixtureZip: Buffer;

  beforeAll(async () => {
    h = await startAccessHarness({ BACKUP_IMPORT_DIR: SHARED });
    db = h.app.app.get(DataSource);
    facade = h.app.app.get(BackupsFacade);
    alpha = (await h.registerTenant({ displayName: 'Alpha' })).id;
    bravo = (await h.registerTenant({ displayName: 'Bravo' })).id;
    await h.grant(alpha, ADMIN_A, 'ADMIN');
    await h.grant(alpha, VIEWER_A, 'VIEWER');
    await h.grant(bravo, ADMIN_B, 'ADMIN');
    fixtureZip = await zipBuffer(directoryEntries(FIXTURES));
  });
  afterAll(() => h.close());

  async function upload(tenantId: string, body: Buffer, upn = ADMIN_A, contentType = 'application/zip') {
    const res = await fetch(`${h.app.url}/api/tenants/${tenantId}/backups/import?label=OIB`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await h.token(upn)}`, 'content-type': contentType },
      body: new Uint8Array(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  async function download(backupId: string, upn = ADMIN_A) {
    const res = await fetch(`${h.app.url}/api/backups/${backupId}/export`, {
      headers: { authorization: `Bearer ${await h.token(upn)}` },
    });
    return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
  }

  const stored = async (tenantId: string) => {
    const [row] = await db.query(
      `SELECT (SELECT count(*)::int FROM backups WHERE tenant_id = $1) AS backups,
              (SELECT count(*)::int FROM backup_payloads WHERE tenant_id = $1) AS payloads,
              (SELECT count(*)::int FROM policy_versions WHERE tenant_id = $1) AS versions`,
      [tenantId],
    );
    return row as { backups: number; payloads: number; versions: number };
  };

  let importedId = '';

  it('imports the OpenIntuneBaseline zip into a backup whose items match the files', async () => {
    const { status, body } = await upload(alpha, fixtureZip);
    expect(status).toBe(201);
    expect(body).toMatchObject({
      backup: { tenantId: alpha, source: 'import', status: 'completed', itemCount: 72 },
      objectCount: 72,
      unknownCount: 0,
      skippedFiles: expect.arrayContaining(['LICENSE', 'README.md']),
    });
    importedId = body.backup.id;

    const items = new Map<string, { typeKey: string; payload: unknown; assignments: unknown; displayName: string }>();
    for await (const item of facade.itemsOf(importedId)) items.set(item.sourceId, item);
    expect(items.size).toBe(72);
    for (const file of fixtureFiles(FIXTURES)) {
      const { assignments, ...payload } = JSON.parse(readFileSync(file, 'utf8'));
      const item = items.get(payload.id)!;
      expect(item.payload).toEqual(payload);
      expect(item.assignments).toEqual(assignments ?? []);
      expect(`${item.displayName}.json`).toBe(file.slice(file.lastIndexOf('/') + 1));
    }
    const audit = await db.query(
      `SELECT actor_id FROM audit_events WHERE action = 'backup.imported' AND target_id = $1`,
      [importedId],
    );
    expect(audit).toHaveLength(1);
  });

  it('exports that backup back into the same files, byte-equal after canonicalisation, plus a manifest', async () => {
    const { status, type, bytes } = await download(importedId, VIEWER_A);
    expect(status).toBe(200);
    expect(type).toBe('application/zip');
    const entries = await unzipBuffer(bytes);
    const expected = new Map(
      fixtureFiles(FIXTURES).map((f) => [
        relative(FIXTURES, f).split('/').slice(-2).join('/'),
        canonicalPolicyFile(readFileSync(f, 'utf8')),
      ]),
    );
    expect([...entries.keys()].filter((k) => k !== 'manifest.json').sort()).toEqual([...expected.keys()].sort());
    for (const [path, text] of expected) expect(canonicalPolicyFile(entries.get(path)!.toString('utf8'))).toBe(text);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    expect(manifest).toMatchObject({ tenantId: alpha, tenantName: 'Alpha', backupId: importedId, objectCount: 72 });
    expect(manifest.files[0]).toEqual(
      expect.objectContaining({ payloadHash: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    );
  });

  it('re-importing our own export adds a backup and no new payload or version', async () => {
    const before = await stored(alpha);
    const { bytes } = await download(importedId);
    const { status, body } = await upload(alpha, bytes);
    expect(status).toBe(201);
    expect(body.backup).toMatchObject({ itemCount: 72, newPayloads: 0, newVersions: 0 });
    expect(await stored(alpha)).toEqual({ ...before, backups: before.backups + 1 });
  });

  describe('refuses hostile archives with a coded error and stores nothing', () => {
    const policy = JSON.stringify({
      '@odata.type': '#microsoft.graph.deviceManagementConfigurationPolicy',
      id: randomUUID(),
      name: 'Fine',
      settings: [],
    });
    const cases: Array<[string, () => Promise<Buffer>, string]> = [
      ['not a zip', async () => Buffer.from('just some text, no zip here'), 'NOT_A_ZIP'],
      [
        'path traversal',
        async () =>
          renameEntry(await zipBuffer([{ name: 'xx/evil.json', data: policy }]), 'xx/evil.json', '../evil.json'),
        'UNSAFE_PATH',
      ],
      [
        'a zip bomb lying about its size',
        async () =>
          understateSizes(await zipBuffer([{ name: 'bomb.json', data: Buffer.alloc(6 * 1024 * 1024, 0x20) }]), 10),
        'FILE_TOO_LARGE',
      ],
      [
        'invalid JSON after a valid file',
        async () =>
          zipBuffer([
            { name: 'SettingsCatalog/Fine.json', data: policy },
            { name: 'SettingsCatalog/Broken.json', data: '{"id":' },
          ]),
        'INVALID_JSON',
      ],
      [
        'only files of an unknown type',
        async () => zipBuffer([{ name: 'Groups/g.json', data: '{"@odata.type":"#microsoft.graph.group","id":"g"}' }]),
        'NO_OBJECTS',
      ],
    ];
    it.each(cases)('%s', async (_name, build, reason) => {
      const before = await stored(bravo);
      const { status, body } = await upload(bravo, await build(), ADMIN_B);
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'upload', reason });
      expect(await stored(bravo)).toEqual(before);
    });

    it('a multipart form instead of the zip itself', async () => {
      const { status, body } = await upload(bravo, fixtureZip, ADMIN_B, 'multipart/form-data; boundary=x');
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_A_ZIP' });
    });
  });

  describe('access', () => {
    it("a viewer of tenant A gets 404 for tenant B's export, exactly as for a backup that does not exist", async () => {
      const { body } = await upload(bravo, fixtureZip, ADMIN_B);
      const bravoBackup = body.backup.id as string;
      const missingId = randomUUID();
      const foreign = await download(bravoBackup, VIEWER_A);
      const missing = await download(missingId, VIEWER_A);
      expect(foreign.status).toBe(404);
      expect(missing.status).toBe(404);
      const shape = (bytes: Buffer, id: string) => bytes.toString('utf8').replaceAll(id, '<id>');
      expect(shape(foreign.bytes, bravoBackup)).toBe(shape(missing.bytes, missingId));
      expect(JSON.parse(foreign.bytes.toString('utf8')).error.code).toBe('NOT_FOUND');
      expect(foreign.bytes.toString()).not.toContain(bravo);
    });

    it('a viewer may not import (403), a non-member gets 404, no token gets 401', async () => {
      expect((await upload(alpha, fixtureZip, VIEWER_A)).body.error).toMatchObject({ code: 'FORBIDDEN' });
      const foreign = await upload(bravo, fixtureZip, VIEWER_A);
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.code).toBe('NOT_FOUND');
      const anonymous = await fetch(`${h.app.url}/api/backups/${importedId}/export`);
      expect(anonymous.status).toBe(401);
    });
  });

  describe('importBackup over GraphQL (server path below BACKUP_IMPORT_DIR)', () => {
    const IMPORT = `mutation($t: ID!, $p: String!) {
      importBackup(tenantId: $t, path: $p) { backup { id source itemCount } objectCount unknownCount skippedCount }
    }`;

    it('imports a folder in IntuneManagement layout', async () => {
      const res = await h.call(ADMIN_A, IMPORT, { t: alpha, p: 'fixtures/openintunebaseline' });
      expect(res.errors).toBeUndefined();
      expect(res.data!.importBackup).toMatchObject({ backup: { source: 'import', itemCount: 72 }, objectCount: 72 });
    });

    it('refuses a path leaving the folder', async () => {
      const res = await h.call(ADMIN_A, IMPORT, { t: alpha, p: '../shared/fixtures' });
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'UNSAFE_PATH',
        field: 'path',
      });
    });

    it('is an admin operation', async () => {
      const res = await h.call(VIEWER_A, IMPORT, { t: alpha, p: 'fixtures/openintunebaseline' });
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });
});
