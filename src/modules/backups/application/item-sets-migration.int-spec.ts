import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../../infrastructure/database/data-source-options';
import { itemSetHash, itemSetLine, type ItemSetEntry } from '../domain/item-set-hash';
import { BackupItemReader } from './backup-item-reader';
import { BackupRecorder } from './backup-recorder';
import type { SnapshotInput } from './backup-views';

/** Names and ids that JSON escaping and byte-order sorting must agree on, in TypeScript and in PostgreSQL. */
const AWKWARD = [
  ['a', 'plain'],
  ['B', 'quote " and backslash \\'],
  ['\uE000-private-use', 'new\nline\ttab\u0001control'],
  ['\u{1F600}-astral', 'emoji \u{1F600} and \u2028 separator'],
  ['é', 'accent é'],
  ['A', '/slash/ <tag> & amp'],
];

const snapshot = (sourceId: string, displayName: string, value: string): SnapshotInput => ({
  typeKey: 'settingsCatalogPolicy',
  sourceId,
  displayName,
  odataType: null,
  payload: { id: sourceId, name: displayName, settings: [{ id: '0', value }] },
  assignments: [],
});

async function* stream(items: SnapshotInput[]): AsyncIterable<SnapshotInput> {
  for (const item of items) yield await Promise.resolve(item);
}

const tenantSnapshot = (changed = false) => [
  ...AWKWARD.map(([id, name]) => snapshot(id, name, changed && id === 'a' ? 'off' : 'on')),
  {
    typeKey: 'mobileApp',
    sourceId: 'app',
    displayName: 'App',
    odataType: '#microsoft.graph.win32LobApp',
    payload: { id: 'app' },
    assignments: [],
  },
];

describe('migration 1764240000000 (item sets) on a database with backups', () => {
  let db: DataSource;
  let recorder: BackupRecorder;

  beforeAll(async () => {
    db = await new DataSource(buildDataSourceOptions(process.env.DATABASE_URL!)).initialize();
    recorder = new BackupRecorder(db);
  });
  afterAll(() => db.destroy());

  it('the SQL line function and the recorder write the same text', async () => {
    const entries: ItemSetEntry[] = AWKWARD.map(([sourceId, displayName], i) => ({
      sourceId,
      displayName,
      odataType: i % 2 ? null : '#microsoft.graph.x',
      payloadHash: 'a'.repeat(64),
      assignmentsHash: 'b'.repeat(64),
      versionId: randomUUID(),
      secretPaths: i % 2 ? [] : ['settings[0].value', 'path "with" quotes\n'],
    }));
    for (const e of entries) {
      const [row] = await db.query(`SELECT backup_item_set_line($1, $2, $3, $4, $5, $6::uuid, $7::text[]) AS line`, [
        e.sourceId,
        e.displayName,
        e.odataType,
        e.payloadHash,
        e.assignmentsHash,
        e.versionId,
        e.secretPaths,
      ]);
      expect(row.line).toBe(itemSetLine(e));
    }
    // Byte order: what PostgreSQL's "C" collation sorts, the recorder sorts alike.
    const sorted: Array<{ id: string }> = await db.query(
      `SELECT id FROM unnest($1::text[]) AS id ORDER BY id COLLATE "C"`,
      [AWKWARD.map(([id]) => id)],
    );
    itemSetHash(entries);
    expect(entries.map((e) => e.sourceId)).toEqual(sorted.map((r) => r.id));
  });

  it('moves existing items into sets (ids kept), and a new backup reuses the migrated sets', async () => {
    const tenantId = randomUUID();
    const b1 = await recorder.record({ tenantId, source: 'graph' }, stream(tenantSnapshot()));
    const b2 = await recorder.record({ tenantId, source: 'graph' }, stream(tenantSnapshot()));
    const b3 = await recorder.record({ tenantId, source: 'graph' }, stream(tenantSnapshot(true)));
    expect([b1.newItemSets, b2.newItemSets, b3.newItemSets]).toEqual([2, 0, 1]);

    // Back to the schema before item sets: one item row per (backup, object), b2 gets copies of b1's rows.
    await db.undoLastMigration({ transaction: 'each' });
    const [{ name }] = await db.query(`SELECT name FROM typeorm_migrations ORDER BY id DESC LIMIT 1`);
    expect(name).toBe('Restore1764230000000');
    const before: Array<{ id: string; backup_id: string }> = await db.query(
      `SELECT id, backup_id FROM backup_items WHERE tenant_id = $1 ORDER BY id`,
      [tenantId],
    );
    expect(before).toHaveLength(21);
    await expect(
      db.query(`UPDATE backup_items SET display_name = 'x' WHERE tenant_id = $1`, [tenantId]),
    ).rejects.toThrow(/immutable/);

    // Forward again, on that data.
    await db.runMigrations({ transaction: 'each' });
    const after: Array<{ id: string; backup_id: string }> = await db.query(
      `SELECT id, backup_id FROM backup_contents WHERE tenant_id = $1 ORDER BY id`,
      [tenantId],
    );
    expect(after).toEqual(before);
    const sets: Array<{ first_backup_id: string; type_key: string; set_hash: string | null; item_count: number }> =
      await db.query(
        `SELECT first_backup_id, type_key, set_hash, item_count FROM backup_item_sets WHERE tenant_id = $1`,
        [tenantId],
      );
    expect(sets).toHaveLength(6); // one per (backup, type)
    const hashOf = (backupId: string, typeKey: string) =>
      sets.find((s) => s.first_backup_id === backupId && s.type_key === typeKey)!.set_hash;
    // Identical sets (the catalog of b1 and b2, the apps of all three): only the newest one is reusable.
    expect(hashOf(b1.id, 'settingsCatalogPolicy')).toBeNull();
    expect(hashOf(b2.id, 'settingsCatalogPolicy')).not.toBeNull();
    expect(hashOf(b3.id, 'settingsCatalogPolicy')).not.toBeNull();
    expect([hashOf(b1.id, 'mobileApp'), hashOf(b2.id, 'mobileApp')]).toEqual([null, null]);
    expect(hashOf(b3.id, 'mobileApp')).not.toBeNull();

    // The hash SQL computed for the migrated set is the one the recorder computes: an unchanged backup reuses it.
    const b4 = await recorder.record({ tenantId, source: 'graph' }, stream(tenantSnapshot(true)));
    expect(b4).toMatchObject({ newItemSets: 0, newVersions: 0, itemCount: 7 });
    const refs = async (backupId: string) =>
      db.query(`SELECT type_key, set_id FROM backup_set_refs WHERE backup_id = $1 ORDER BY type_key`, [backupId]);
    const [r3, r4] = [await refs(b3.id), await refs(b4.id)];
    expect(r4).toEqual(r3);
    const read = [];
    for await (const item of new BackupItemReader(db).itemsOf(b4.id)) read.push(item);
    expect(read).toHaveLength(7);
    expect(read.find((i) => i.sourceId === '\u{1F600}-astral')!.displayName).toBe(
      'emoji \u{1F600} and \u2028 separator',
    );
  });
});
