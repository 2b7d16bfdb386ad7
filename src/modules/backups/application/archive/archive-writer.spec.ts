import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import * as yauzl from 'yauzl';
import { canonicalPolicyFile } from '../../../../../test/support/zips';
import { ArchiveReader } from './archive-reader';
import { writeBackupArchive, type ExportableItem } from './archive-writer';

const FIXTURES = resolve(__dirname, '../../../../../../shared/fixtures/openintunebaseline');
const HEADER = {
  tenantId: 'tenant-1',
  tenantName: 'Contoso',
  backupId: 'backup-1',
  backupCreatedAt: '2026-12-01T10:00:00.000Z',
  source: 'import',
};

const item = (sourceId: string, displayName: string, extra: Partial<ExportableItem> = {}): ExportableItem => ({
  typeKey: 'settingsCatalogPolicy',
  sourceId,
  displayName,
  odataType: '#microsoft.graph.deviceManagementConfigurationPolicy',
  payload: { '@odata.type': '#microsoft.graph.deviceManagementConfigurationPolicy', id: sourceId, name: displayName },
  assignments: [],
  payloadHash: `p-${sourceId}`,
  assignmentsHash: `a-${sourceId}`,
  needsSecretReentry: false,
  ...extra,
});

async function* from<T>(items: T[]): AsyncGenerator<T> {
  for (const x of items) yield x;
}

async function writeToFile(items: AsyncIterable<ExportableItem>): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'ta-export-')), 'export.zip');
  await writeBackupArchive(HEADER, items, createWriteStream(path), () => new Date('2026-12-02T00:00:00.000Z'));
  return path;
}

async function entriesOf(zipPath: string): Promise<Map<string, string>> {
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true });
  const out = new Map<string, string>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(c);
    out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
  }
  return out;
}

describe('writeBackupArchive', () => {
  it('exports the 72 OpenIntuneBaseline policies back into the same files (byte-equal after canonicalisation)', async () => {
    const reader = new ArchiveReader({ kind: 'directory', path: FIXTURES }, 'path');
    async function* items(): AsyncGenerator<ExportableItem> {
      for await (const s of reader.snapshots()) {
        yield { ...s, payloadHash: 'p', assignmentsHash: 'a', needsSecretReentry: false };
      }
    }
    const entries = await entriesOf(await writeToFile(items()));

    const expected = new Map<string, string>();
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name.endsWith('.json')) {
          // The export keeps IntuneManagement's type folder and file name; the repo's outer folders are not ours.
          const rel = relative(FIXTURES, full).split('/').slice(-2).join('/');
          expected.set(rel, canonicalPolicyFile(readFileSync(full, 'utf8')));
        }
      }
    };
    walk(FIXTURES);

    expect(entries.size).toBe(73);
    expect([...entries.keys()].filter((k) => k !== 'manifest.json').sort()).toEqual([...expected.keys()].sort());
    for (const [path, text] of expected) expect(canonicalPolicyFile(entries.get(path)!)).toBe(text);
  });

  it('writes a manifest with the tenant, the time and every file with its hashes', async () => {
    const entries = await entriesOf(await writeToFile(from([item('a', 'A'), item('b', 'B')])));
    expect(JSON.parse(entries.get('manifest.json')!)).toEqual({
      format: 'tenantatlas.backup-export',
      formatVersion: 1,
      ...HEADER,
      exportedAt: '2026-12-02T00:00:00.000Z',
      objectCount: 2,
      files: [
        expect.objectContaining({
          path: 'SettingsCatalog/A.json',
          sourceId: 'a',
          payloadHash: 'p-a',
          assignmentsHash: 'a-a',
        }),
        expect.objectContaining({ path: 'SettingsCatalog/B.json', sourceId: 'b', payloadHash: 'p-b' }),
      ],
    });
  });

  it('disambiguates equal names (case-insensitively) and replaces unsafe characters', async () => {
    const entries = await entriesOf(
      await writeToFile(
        from([
          item('a', 'Baseline'),
          item('b', 'baseline'),
          item('c', 'Baseline'),
          item('d', '../../etc/passwd'),
          item('e', 'CON'),
          item('f', 'a:b*c?'),
          item('g', ''),
          item('h', 'manifest', {
            typeKey: 'deviceConfiguration',
            odataType: '#microsoft.graph.windowsUpdateForBusinessConfiguration',
          }),
        ]),
      ),
    );
    expect([...entries.keys()]).toEqual([
      'SettingsCatalog/Baseline.json',
      'SettingsCatalog/baseline (2).json',
      'SettingsCatalog/Baseline (3).json',
      'SettingsCatalog/.._.._etc_passwd.json',
      'SettingsCatalog/_CON.json',
      'SettingsCatalog/a_b_c_.json',
      'SettingsCatalog/g.json',
      'UpdatePolicies/manifest.json',
      'manifest.json',
    ]);
  });

  it('pulls the next item only as the zip drains, and stops pulling when the download goes away', async () => {
    let pulled = 0;
    async function* many(): AsyncGenerator<ExportableItem> {
      for (let i = 0; i < 10_000; i++) {
        pulled++;
        // Incompressible, about 8 KB per file: a stalled client fills its buffers within a few files.
        yield item(`id-${i}`, `Policy ${i}`, { payload: { id: `id-${i}`, pad: randomBytes(6000).toString('base64') } });
      }
    }
    // A client that stops reading after 64 KB, then hangs up.
    const out = new PassThrough({ highWaterMark: 16 * 1024 });
    let read = 0;
    const stalled = new Promise<void>((resolve) => {
      const onData = (c: Buffer) => {
        read += c.length;
        if (read > 64 * 1024) {
          out.pause();
          out.off('data', onData);
          resolve();
        }
      };
      out.on('data', onData);
    });
    const writing = writeBackupArchive(HEADER, many(), out as unknown as Writable);
    writing.catch(() => undefined);
    await stalled;
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
    const pulledWhileStalled = pulled;
    expect(pulledWhileStalled).toBeLessThan(40);

    out.destroy(new Error('client went away'));
    await expect(writing).rejects.toThrow();
    expect(pulled).toBeLessThanOrEqual(pulledWhileStalled + 1);
  });
});
