import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../../infrastructure/database/data-source-options';
import { allowBackupDeletion } from './backup-deletion';
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

  it('refuses UPDATE and DELETE on items and payloads, and changes to a completed backup', async () => {
    const tenantId = randomUUID();
    const backup = await recorder.record({ tenantId, source: 'import' }, stream([policy('a', 'on')]));
    await expect(
      db.query(`UPDATE backup_items SET display_name = 'x' WHERE backup_id = $1`, [backup.id]),
    ).rejects.toThrow(/immutable/);
    await expect(db.query(`UPDATE backup_payloads SET bytes = 0 WHERE tenant_id = $1`, [tenantId])).rejects.toThrow(
      /immutable/,
    );
    await expect(db.query(`DELETE FROM backup_items WHERE backup_id = $1`, [backup.id])).rejects.toThrow(/immutable/);
    await expect(db.query(`DELETE FROM backup_payloads WHERE tenant_id = $1`, [tenantId])).rejects.toThrow(/immutable/);
    await expect(db.query(`UPDATE backups SET label = 'x' WHERE id = $1`, [backup.id])).rejects.toThrow(
      /cannot change/,
    );
    await expect(db.query(`DELETE FROM backups WHERE id = $1`, [backup.id])).rejects.toThrow(/retention/);
    // UPDATE stays refused even where deletion is allowed.
    await expect(
      db.transaction(async (tx) => {
        await allowBackupDeletion(tx, tenantId);
        await tx.query(`UPDATE backup_items SET display_name = 'x' WHERE backup_id = $1`, [backup.id]);
      }),
    ).rejects.toThrow(/immutable/);
    // The retention door: items, then the backup, then payloads, in one transaction.
    await db.transaction(async (tx) => {
      await allowBackupDeletion(tx, tenantId);
      await tx.query(`DELETE FROM backup_items WHERE backup_id = $1`, [backup.id]);
      await tx.query(`DELETE FROM backups WHERE id = $1`, [backup.id]);
    });
    expect(await db.query(`SELECT id FROM backups WHERE id = $1`, [backup.id])).toEqual([]);
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
});
