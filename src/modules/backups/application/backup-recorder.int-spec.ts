import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../../infrastructure/database/data-source-options';
import { allowBackupDeletion, deleteSetReferences } from './backup-deletion';
import { BackupItemReader } from './backup-item-reader';
import { BackupRecorder } from './backup-recorder';
import type { SnapshotInput } from './backup-views';

const policy = (sourceId: string, value: string, assignments: Record<string, unknown>[] = []): SnapshotInput => ({
  typeKey: 'settingsCatalogPolicy',
  sourceId,
  displayName: `Policy ${sourceId}`,
  odataType: '#microsoft.graph.deviceManagementConfigurationPolicy',
  // Key order on purpose not alphabetical, a number with a fraction, an empty array: all must survive as given.
  payload: {
    name: `Policy ${sourceId}`,
    id: sourceId,
    lastModifiedDateTime: new Date().toISOString(),
    ratio: 1.5,
    settings: [{ id: '0', settingInstance: { settingDefinitionId: 'def_a', value } }],
    roleScopeTagIds: [],
  },
  assignments,
});

async function* stream(items: SnapshotInput[]): AsyncIterable<SnapshotInput> {
  for (const item of items) yield await Promise.resolve(item);
}

const group = (groupId: string) => ({
  id: `x_${groupId}`,
  target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId },
});

describe('BackupRecorder (real PostgreSQL)', () => {
  let db: DataSource;
  let recorder: BackupRecorder;
  let reader: BackupItemReader;

  beforeAll(async () => {
    db = await new DataSource(buildDataSourceOptions(process.env.DATABASE_URL!)).initialize();
    recorder = new BackupRecorder(db);
    reader = new BackupItemReader(db);
  });
  afterAll(() => db.destroy());

  const payloadRows = async (tenantId: string) =>
    Number((await db.query(`SELECT count(*) AS n FROM backup_payloads WHERE tenant_id = $1`, [tenantId]))[0].n);

  it('stores content once, keeps the raw JSON as given, and versions only real changes', async () => {
    const tenantId = randomUUID();
    const items = Array.from({ length: 250 }, (_, i) => policy(`p${i}`, 'on'));
    const first = await recorder.record({ tenantId, source: 'graph' }, stream(items));
    expect(first).toMatchObject({ status: 'completed', itemCount: 250, newVersions: 250 });
    expect(first.countsByType).toEqual({ settingsCatalogPolicy: 250 });
    // 250 distinct payloads + one (empty) assignment set.
    expect(first.newPayloads).toBe(251);
    expect(await payloadRows(tenantId)).toBe(251);

    const read = [];
    for await (const item of reader.itemsOf(first.id)) read.push(item);
    expect(read).toHaveLength(250);
    const p7 = read.find((i) => i.sourceId === 'p7')!;
    expect(Object.keys(p7.payload)).toEqual([
      'name',
      'id',
      'lastModifiedDateTime',
      'ratio',
      'settings',
      'roleScopeTagIds',
    ]);
    expect(p7.payload.roleScopeTagIds).toEqual([]);
    expect(p7.assignments).toEqual([]);

    // Unchanged (only timestamps moved): nothing new stored, no new version.
    const second = await recorder.record(
      { tenantId, source: 'graph' },
      stream(Array.from({ length: 250 }, (_, i) => policy(`p${i}`, 'on'))),
    );
    expect(second).toMatchObject({ itemCount: 250, newPayloads: 0, newVersions: 0 });
    expect(await payloadRows(tenantId)).toBe(251);

    // One setting changed, one object's assignments changed.
    const third = await recorder.record(
      { tenantId, source: 'graph' },
      stream(
        Array.from({ length: 250 }, (_, i) =>
          i === 3 ? policy('p3', 'off') : i === 4 ? policy('p4', 'on', [group('g1')]) : policy(`p${i}`, 'on'),
        ),
      ),
    );
    expect(third).toMatchObject({ newVersions: 2, newPayloads: 2 });
    const versions = await db.query(
      `SELECT source_id, version_number, payload_hash, assignments_hash FROM policy_versions
        WHERE tenant_id = $1 AND source_id IN ('p3', 'p4') ORDER BY source_id, version_number`,
      [tenantId],
    );
    expect(versions.map((v: { source_id: string; version_number: number }) => [v.source_id, v.version_number])).toEqual(
      [
        ['p3', 1],
        ['p3', 2],
        ['p4', 1],
        ['p4', 2],
      ],
    );
    expect(versions[0].payload_hash).not.toBe(versions[1].payload_hash);
    expect(versions[0].assignments_hash).toBe(versions[1].assignments_hash);
    // Assignments only: same payload hash, new assignments hash.
    expect(versions[2].payload_hash).toBe(versions[3].payload_hash);
    expect(versions[2].assignments_hash).not.toBe(versions[3].assignments_hash);
  });

  it('refuses UPDATE and DELETE on items, item sets, set references and payloads, and changes to a completed backup', async () => {
    const tenantId = randomUUID();
    const backup = await recorder.record({ tenantId, source: 'import' }, stream([policy('a', 'on')]));
    const inBackup = `SELECT set_id FROM backup_set_refs WHERE backup_id = $1`;
    await expect(
      db.query(`UPDATE backup_items SET display_name = 'x' WHERE set_id IN (${inBackup})`, [backup.id]),
    ).rejects.toThrow(/immutable/);
    await expect(db.query(`UPDATE backup_payloads SET bytes = 0 WHERE tenant_id = $1`, [tenantId])).rejects.toThrow(
      /immutable/,
    );
    await expect(
      db.query(`UPDATE backup_item_sets SET item_count = 0 WHERE tenant_id = $1`, [tenantId]),
    ).rejects.toThrow(/backup_item_sets is immutable/);
    await expect(
      db.query(`UPDATE backup_set_refs SET type_key = 'x' WHERE backup_id = $1`, [backup.id]),
    ).rejects.toThrow(/backup_set_refs is immutable/);
    await expect(db.query(`DELETE FROM backup_items WHERE set_id IN (${inBackup})`, [backup.id])).rejects.toThrow(
      /immutable/,
    );
    await expect(db.query(`DELETE FROM backup_payloads WHERE tenant_id = $1`, [tenantId])).rejects.toThrow(/immutable/);
    await expect(db.query(`DELETE FROM backup_set_refs WHERE backup_id = $1`, [backup.id])).rejects.toThrow(
      /backup_set_refs is immutable/,
    );
    await expect(db.query(`DELETE FROM backup_item_sets WHERE tenant_id = $1`, [tenantId])).rejects.toThrow(
      /backup_item_sets is immutable/,
    );
    await expect(db.query(`TRUNCATE backup_set_refs`)).rejects.toThrow(/backup_set_refs is immutable/);
    await expect(db.query(`UPDATE backups SET label = 'x' WHERE id = $1`, [backup.id])).rejects.toThrow(
      /cannot change/,
    );
    await expect(db.query(`DELETE FROM backups WHERE id = $1`, [backup.id])).rejects.toThrow(/retention/);
    // UPDATE stays refused even where deletion is allowed.
    for (const update of [
      `UPDATE backup_items SET display_name = 'x' WHERE set_id IN (${inBackup})`,
      `UPDATE backup_item_sets SET item_count = 0 WHERE id IN (${inBackup})`,
      `UPDATE backup_set_refs SET type_key = 'x' WHERE backup_id = $1`,
    ])
      await expect(
        db.transaction(async (tx) => {
          await allowBackupDeletion(tx, tenantId);
          await tx.query(update, [backup.id]);
        }),
      ).rejects.toThrow(/immutable/);
    // The retention door: references, the sets no backup references with their items, then the backup.
    await db.transaction(async (tx) => {
      await allowBackupDeletion(tx, tenantId);
      expect(await deleteSetReferences(tx, [backup.id])).toMatchObject({ deletedSets: 1, deletedItems: 1 });
      await tx.query(`DELETE FROM backups WHERE id = $1`, [backup.id]);
    });
    expect(await db.query(`SELECT id FROM backups WHERE id = $1`, [backup.id])).toEqual([]);
    expect(await db.query(`SELECT id FROM backup_item_sets WHERE tenant_id = $1`, [tenantId])).toEqual([]);
  });

  it('leaves a failed backup with no items and removes the content only it stored', async () => {
    const tenantId = randomUUID();
    await recorder.record({ tenantId, source: 'graph' }, stream([policy('kept', 'on')]));
    const before = await payloadRows(tenantId);
    async function* failing(): AsyncIterable<SnapshotInput> {
      for (let i = 0; i < 150; i++) yield await Promise.resolve(policy(`n${i}`, 'x'));
      throw new Error('Graph went away');
    }
    await expect(recorder.record({ tenantId, source: 'graph' }, failing())).rejects.toThrow('Graph went away');
    const [failed] = await db.query(
      `SELECT status, item_count FROM backups WHERE tenant_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [tenantId],
    );
    expect(failed).toEqual({ status: 'failed', item_count: 0 });
    expect(await payloadRows(tenantId)).toBe(before);
    const versions = await db.query(`SELECT count(*)::int AS n FROM policy_versions WHERE tenant_id = $1`, [tenantId]);
    expect(versions[0].n).toBe(1);
  });

  describe('item sets', () => {
    const app = (sourceId: string, version = 1): SnapshotInput => ({
      typeKey: 'mobileApp',
      sourceId,
      displayName: `App ${sourceId}`,
      odataType: '#microsoft.graph.win32LobApp',
      payload: { id: sourceId, displayName: `App ${sourceId}`, version },
      assignments: [],
    });
    const tenantSnapshot = (changed?: string) => [
      ...Array.from({ length: 120 }, (_, i) => policy(`p${i}`, changed === `p${i}` ? 'off' : 'on')),
      ...Array.from({ length: 30 }, (_, i) => app(`a${i}`)),
    ];
    const count = async (table: string, tenantId: string) =>
      Number((await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenantId]))[0].n);
    const refsOf = async (backupId: string) =>
      Object.fromEntries(
        (
          (await db.query(`SELECT type_key, set_id FROM backup_set_refs WHERE backup_id = $1`, [backupId])) as Array<{
            type_key: string;
            set_id: string;
          }>
        ).map((r) => [r.type_key, r.set_id]),
      );
    const readAll = async (backupId: string) => {
      const items = [];
      for await (const item of reader.itemsOf(backupId)) items.push(item);
      return items;
    };

    it('a second unchanged backup writes no item rows, only one reference per type', async () => {
      const tenantId = randomUUID();
      const first = await recorder.record({ tenantId, source: 'graph' }, stream(tenantSnapshot()));
      expect(first).toMatchObject({ itemCount: 150, newItemSets: 2 });
      expect(await count('backup_items', tenantId)).toBe(150);
      // Another order from Graph, same content: the same sets.
      const second = await recorder.record({ tenantId, source: 'graph' }, stream(tenantSnapshot().reverse()));
      expect(second).toMatchObject({ itemCount: 150, newItemSets: 0, newPayloads: 0, newVersions: 0 });
      expect(second.countsByType).toEqual({ settingsCatalogPolicy: 120, mobileApp: 30 });
      expect(await count('backup_items', tenantId)).toBe(150);
      expect(await count('backup_item_sets', tenantId)).toBe(2);
      expect(await refsOf(second.id)).toEqual(await refsOf(first.id));

      // Each backup reads whole, its items in its own context.
      const [a, b] = [await readAll(first.id), await readAll(second.id)];
      expect(b).toHaveLength(150);
      expect(b.map((i) => i.id)).toEqual(a.map((i) => i.id));
      expect(new Set(b.map((i) => i.backupId))).toEqual(new Set([second.id]));
      expect(new Set(a.map((i) => i.backupId))).toEqual(new Set([first.id]));
      // Without a backup to read it in, an item belongs to the oldest backup holding it.
      expect((await reader.findItem(b[0].id))!.backupId).toBe(first.id);
      // An item id filter only returns items of that backup's sets.
      const other = await recorder.record({ tenantId: randomUUID(), source: 'graph' }, stream([policy('x', 'on')]));
      const [otherItem] = await readAll(other.id);
      const picked = [];
      for await (const item of reader.itemsOf(second.id, { itemIds: [b[3].id, otherItem.id] })) picked.push(item.id);
      expect(picked).toEqual([b[3].id]);
    });

    it('one changed object writes a new set for its type only', async () => {
      const tenantId = randomUUID();
      const first = await recorder.record({ tenantId, source: 'graph' }, stream(tenantSnapshot()));
      const second = await recorder.record({ tenantId, source: 'graph' }, stream(tenantSnapshot('p7')));
      expect(second).toMatchObject({ itemCount: 150, newItemSets: 1, newVersions: 1, newPayloads: 1 });
      // The whole settings catalog set again (120 rows), nothing for the apps.
      expect(await count('backup_items', tenantId)).toBe(270);
      const [refs1, refs2] = [await refsOf(first.id), await refsOf(second.id)];
      expect(refs2.mobileApp).toBe(refs1.mobileApp);
      expect(refs2.settingsCatalogPolicy).not.toBe(refs1.settingsCatalogPolicy);
      const p7 = (await readAll(second.id)).find((i) => i.sourceId === 'p7')!;
      expect(p7.payload.settings).toEqual([
        { id: '0', settingInstance: { settingDefinitionId: 'def_a', value: 'off' } },
      ]);
      // Back to the first state: a new version (3 → the object changed twice), so a new set, not the first one.
      const third = await recorder.record({ tenantId, source: 'graph' }, stream(tenantSnapshot()));
      expect(third).toMatchObject({ newItemSets: 1, newVersions: 1, newPayloads: 0 });
      // The same content again: the third backup's sets.
      const fourth = await recorder.record({ tenantId, source: 'graph' }, stream(tenantSnapshot()));
      expect(fourth).toMatchObject({ newItemSets: 0, newVersions: 0 });
      expect(await refsOf(fourth.id)).toEqual(await refsOf(third.id));
    });

    it('a failed backup leaves no set references and deletes only the sets it wrote', async () => {
      const tenantId = randomUUID();
      const first = await recorder.record({ tenantId, source: 'graph' }, stream(tenantSnapshot()));
      const sets = await count('backup_item_sets', tenantId);
      await expect(
        recorder.record(
          { tenantId, source: 'graph' },
          (async function* () {
            yield* stream(tenantSnapshot('p1'));
            throw new Error('Graph went away');
          })(),
        ),
      ).rejects.toThrow('Graph went away');
      expect(await count('backup_item_sets', tenantId)).toBe(sets);
      expect(await count('backup_items', tenantId)).toBe(150);
      expect(await readAll(first.id)).toHaveLength(150);
    });
  });

  it('holds the content lock for the whole backup: the deletion door waits for it, and its batches never wait for the door', async () => {
    const tenantId = randomUUID();
    let resume!: () => void;
    const paused = new Promise<void>((resolve) => (resume = resolve));
    let firstBatchWritten!: () => void;
    const written = new Promise<void>((resolve) => (firstBatchWritten = resolve));
    const recording = recorder.record(
      { tenantId, source: 'import' },
      (async function* () {
        for (let i = 0; i < 150; i++) yield await Promise.resolve(policy(`p${i}`, 'on'));
        await paused;
        for (let i = 150; i < 300; i++) yield await Promise.resolve(policy(`p${i}`, 'on'));
      })(),
      { onProgress: (n) => n >= 100 && firstBatchWritten() },
    );
    await written;
    let doorOpened = false;
    const door = db.transaction(async (tx) => {
      await allowBackupDeletion(tx, tenantId);
      doorOpened = true;
      // What a prune would see: every payload and version of the backup is referenced by its items by now.
      return Number(
        (
          await tx.query(
            `SELECT count(*)::int AS n FROM policy_versions v
              WHERE v.tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM backup_items i WHERE i.version_id = v.id)`,
            [tenantId],
          )
        )[0].n,
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(doorOpened).toBe(false); // a running backup's reused content is not referenced yet: the door waits
    resume(); // more batches while the door waits: they must not queue behind it
    const backup = await recording;
    expect(backup).toMatchObject({ status: 'completed', itemCount: 300 });
    expect(await door).toBe(0);
  });
});
