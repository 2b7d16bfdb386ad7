import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from '../../domain/archive-rejection';
import { ArchiveReader } from './archive-reader';
import { renameEntry, tempFile, understateSizes, zipBuffer, type ZipEntrySpec } from '../../../../../test/support/zips';

const FIXTURES = resolve(__dirname, '../../../../../../shared/fixtures/openintunebaseline');

const policy = (id: string, name = `Policy ${id}`): string =>
  JSON.stringify({
    '@odata.type': '#microsoft.graph.deviceManagementConfigurationPolicy',
    id,
    name,
    settings: [],
    assignments: [{ target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } }],
  });

async function zipReader(entries: ZipEntrySpec[], limits?: Partial<ArchiveLimits>): Promise<ArchiveReader> {
  return readerOf(await zipBuffer(entries), limits);
}
function readerOf(zip: Buffer, limits?: Partial<ArchiveLimits>): ArchiveReader {
  return new ArchiveReader({ kind: 'zip', path: tempFile(zip) }, 'upload', { ...DEFAULT_ARCHIVE_LIMITS, ...limits });
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('ArchiveReader on the OpenIntuneBaseline folder (IntuneManagement layout)', () => {
  const reader = new ArchiveReader({ kind: 'directory', path: FIXTURES }, 'path');

  it('finds all 72 policies with their types from @odata.type, and lists README and LICENSE as skipped', async () => {
    const scan = await reader.scan();
    expect(scan.objects).toBe(72);
    expect(scan.byType).toEqual({
      settingsCatalogPolicy: 59,
      deviceCompliancePolicy: 4,
      deviceConfiguration: 4,
      windowsDriverUpdateProfile: 3,
      iosManagedAppProtection: 1,
      androidManagedAppProtection: 1,
    });
    expect(scan.unknownCount).toBe(0);
    expect(scan.skipped.sort()).toEqual(['LICENSE', 'README.md']);
  });

  it('keeps each file as read: payload is the JSON without assignments, assignments raw, name from the name field', async () => {
    const snapshots = await collect(reader.snapshots());
    const file = join(
      FIXTURES,
      'WINDOWS/IntuneManagement/SettingsCatalog/Win - OIB - SC - Microsoft Edge - D - Security - v3.7.json',
    );
    const raw = JSON.parse(readFileSync(file, 'utf8'));
    const found = snapshots.find((s) => s.sourceId === raw.id)!;
    const { assignments, ...payload } = raw;
    expect(found).toEqual({
      typeKey: 'settingsCatalogPolicy',
      sourceId: raw.id,
      displayName: 'Win - OIB - SC - Microsoft Edge - D - Security - v3.7',
      odataType: '#microsoft.graph.deviceManagementConfigurationPolicy',
      payload,
      assignments: assignments ?? [],
    });
    expect(found.payload.settings).toEqual(raw.settings);
  });
});

describe('ArchiveReader on zips', () => {
  it('reads nested folders, backslash separators, a BOM and UTF-16 files', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(policy('c'), 'utf16le')]);
    const reader = await zipReader([
      { name: 'a/SettingsCatalog/A.json', data: policy('a') },
      { name: 'SettingsCatalog\\B.json', data: `\uFEFF${policy('b')}` },
      { name: 'SettingsCatalog/C.json', data: utf16 },
    ]);
    const ids = (await collect(reader.snapshots())).map((s) => s.sourceId);
    expect(ids).toEqual(['a', 'b', 'c']);
  });

  it('reports a file of an unknown type per file and imports the rest', async () => {
    const reader = await zipReader([
      { name: 'Groups/Admins.json', data: JSON.stringify({ '@odata.type': '#microsoft.graph.group', id: 'g' }) },
      { name: 'MigrationTable.json', data: JSON.stringify({ TenantId: 't', Objects: [] }) },
      { name: 'list.json', data: '[1,2]' },
      { name: 'SettingsCatalog/A.json', data: policy('a') },
      { name: 'PowerShellScripts/x.ps1', data: 'Write-Host hi' },
    ]);
    const scan = await reader.scan();
    expect(scan.objects).toBe(1);
    expect(scan.unknown).toEqual([
      { path: 'Groups/Admins.json', odataType: '#microsoft.graph.group', reason: 'UNKNOWN_TYPE' },
      { path: 'MigrationTable.json', odataType: null, reason: 'UNKNOWN_TYPE' },
      { path: 'list.json', odataType: null, reason: 'NOT_AN_OBJECT' },
    ]);
    expect(scan.skipped).toEqual(['PowerShellScripts/x.ps1']);
  });
});

describe('ArchiveReader refuses hostile archives with a coded error', () => {
  const rejected = (reason: string, entry?: string) =>
    expect.objectContaining({
      code: 'BAD_USER_INPUT',
      details: expect.objectContaining({ field: 'upload', reason, ...(entry ? { entry } : {}) }),
    });

  it('a file that is not a zip', async () => {
    await expect(readerOf(Buffer.from('PK but not really a zip file at all')).scan()).rejects.toEqual(
      rejected('NOT_A_ZIP'),
    );
  });

  it.each([
    ['../evil.json', 'xx/evil.json'],
    ['/etc/evil.json', 'etc/xevil.json'],
    ['C:/evil.json', 'Cx/evil.json'],
    ['..\\evil.json', 'xxxevil.json'],
    ['a/../../b.json', 'a/xx/xx/b.json'],
  ])('an entry named %s (path traversal)', async (hostile, harmless) => {
    const zip = renameEntry(await zipBuffer([{ name: harmless, data: policy('a') }]), harmless, hostile);
    await expect(readerOf(zip).scan()).rejects.toEqual(rejected('UNSAFE_PATH', hostile));
  });

  it('a bomb: one entry inflating past the 5 MB file cap', async () => {
    const reader = await zipReader([{ name: 'bomb.json', data: Buffer.alloc(6 * 1024 * 1024, 0x20) }]);
    await expect(reader.scan()).rejects.toEqual(rejected('FILE_TOO_LARGE', 'bomb.json'));
  });

  it('a bomb whose headers lie about its size: the inflated bytes are counted, not the claim', async () => {
    const honest = await zipBuffer([{ name: 'bomb.json', data: Buffer.alloc(6 * 1024 * 1024, 0x20) }]);
    await expect(readerOf(understateSizes(honest, 100)).scan()).rejects.toEqual(
      rejected('FILE_TOO_LARGE', 'bomb.json'),
    );
  });

  it('many small files adding up past the total cap', async () => {
    const entries = Array.from({ length: 5 }, (_, i) => ({
      name: `SettingsCatalog/p${i}.json`,
      data: JSON.stringify({ ...JSON.parse(policy(`p${i}`)), pad: 'x'.repeat(1000) }),
    }));
    const reader = await zipReader(entries, { maxTotalBytes: 3000 });
    await expect(reader.scan()).rejects.toEqual(rejected('TOO_MUCH_DATA'));
  });

  it('more entries than the cap', async () => {
    const entries = Array.from({ length: 11 }, (_, i) => ({
      name: `SettingsCatalog/p${i}.json`,
      data: policy(`${i}`),
    }));
    await expect((await zipReader(entries, { maxEntries: 10 })).scan()).rejects.toEqual(rejected('TOO_MANY_FILES'));
  });

  it('an archive larger than the upload cap', async () => {
    const reader = await zipReader([{ name: 'SettingsCatalog/a.json', data: policy('a') }], { maxArchiveBytes: 10 });
    await expect(reader.scan()).rejects.toEqual(rejected('ARCHIVE_TOO_LARGE'));
  });

  it('invalid JSON, even as the last entry after valid ones', async () => {
    const reader = await zipReader([
      { name: 'SettingsCatalog/a.json', data: policy('a') },
      { name: 'SettingsCatalog/b.json', data: '{"id": "b",' },
    ]);
    await expect(reader.scan()).rejects.toEqual(rejected('INVALID_JSON', 'SettingsCatalog/b.json'));
  });

  it('two files holding the same object', async () => {
    const reader = await zipReader([
      { name: 'SettingsCatalog/a.json', data: policy('a') },
      { name: 'Copy/a.json', data: policy('a') },
    ]);
    await expect(reader.scan()).rejects.toEqual(rejected('DUPLICATE_OBJECT', 'Copy/a.json'));
  });

  it('an archive with nothing importable in it', async () => {
    const reader = await zipReader([{ name: 'README.json', data: '{"hello": "world"}' }]);
    await expect(reader.scan()).rejects.toEqual(rejected('NO_OBJECTS'));
  });
});

describe('ArchiveReader on a folder', () => {
  it('refuses a symbolic link (the folder form of a path leaving the archive)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ta-dir-'));
    mkdirSync(join(dir, 'SettingsCatalog'));
    writeFileSync(join(dir, 'SettingsCatalog/a.json'), policy('a'));
    symlinkSync('/etc/hostname', join(dir, 'SettingsCatalog/b.json'));
    const reader = new ArchiveReader({ kind: 'directory', path: dir }, 'path');
    await expect(reader.scan()).rejects.toEqual(
      expect.objectContaining({ details: expect.objectContaining({ reason: 'UNSAFE_PATH' }) }),
    );
  });

  it('refuses a file over the cap before reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ta-dir-'));
    writeFileSync(join(dir, 'big.json'), Buffer.alloc(2048, 0x20));
    const reader = new ArchiveReader({ kind: 'directory', path: dir }, 'path', {
      ...DEFAULT_ARCHIVE_LIMITS,
      maxFileBytes: 1024,
    });
    await expect(reader.scan()).rejects.toEqual(
      expect.objectContaining({ details: expect.objectContaining({ reason: 'FILE_TOO_LARGE', entry: 'big.json' }) }),
    );
  });
});
