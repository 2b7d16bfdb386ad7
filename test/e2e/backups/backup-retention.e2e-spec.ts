import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BackupsFacade, type SnapshotInput } from '../../../src/modules/backups';
import { zipBuffer } from '../../support/zips';
import { startAccessHarness, waitForRun, type AccessHarness } from '../tenants/access-fixture';

const ADMIN = 'retention.admin@msp.test';
const OPERATOR = 'retention.operator@msp.test';

const SET = `mutation($t: ID!, $last: Int, $days: Int) {
  setBackupRetention(tenantId: $t, keepLast: $last, keepDays: $days) { tenantId keepLast keepDays keepAll pruneRun { id } }
}`;
const RUN = `query($id: ID!) { operationRun(id: $id) { type status outcome result summaryCounts { succeeded skipped } } }`;

/** Policy "shared" is the same in every backup; policy "drifting" changes in every one (a payload per backup). */
function snapshots(n: number): AsyncIterable<SnapshotInput> {
  return (async function* () {
    const base = {
      typeKey: 'settingsCatalogPolicy',
      odataType: '#microsoft.graph.deviceManagementConfigurationPolicy',
    };
    yield {
      ...base,
      sourceId: 'shared',
      displayName: 'Shared',
      payload: { id: 'shared', name: 'Shared' },
      assignments: [],
    };
    yield {
      ...base,
      sourceId: 'drifting',
      displayName: 'Drifting',
      payload: { id: 'drifting', name: 'Drifting', description: `revision ${n}` },
      assignments: [{ target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: `group-${n}` } }],
    };
  })();
}

describe('backup retention (backup.prune)', () => {
  let h: AccessHarness;
  let db: DataSource;
  let facade: BackupsFacade;
  let tenantId: string;
  const backupIds: string[] = [];

  beforeAll(async () => {
    h = await startAccessHarness();
    db = h.app.app.get(DataSource);
    facade = h.app.app.get(BackupsFacade);
    tenantId = (await h.registerTenant()).id;
    await h.grant(tenantId, ADMIN, 'ADMIN');
    await h.grant(tenantId, OPERATOR, 'OPERATOR');
    for (let n = 1; n <= 5; n++)
      backupIds.push((await facade.recordBackup({ tenantId, source: 'import' }, snapshots(n))).id);
  });
  afterAll(() => h.close());

  const payloadHashes = async (backupId: string) =>
    (
      (await db.query(
        `SELECT source_id, payload_hash, assignments_hash FROM backup_contents WHERE backup_id = $1 ORDER BY source_id`,
        [backupId],
      )) as Array<{ source_id: string; payload_hash: string; assignments_hash: string }>
    ).flatMap((r) => [r.payload_hash, r.assignments_hash]);
  const payloadRows = async (hashes: string[]) =>
    Number(
      (
        await db.query(`SELECT count(*)::int AS n FROM backup_payloads WHERE tenant_id = $1 AND sha256 = ANY($2)`, [
          tenantId,
          hashes,
        ])
      )[0].n,
    );

  it('keeps every backup by default, and only an admin may set retention', async () => {
    const read = await h.call(ADMIN, `query($t: ID!) { backupRetention(tenantId: $t) { keepAll keepLast keepDays } }`, {
      t: tenantId,
    });
    expect(read.data!.backupRetention).toEqual({ keepAll: true, keepLast: null, keepDays: null });
    const refused = await h.call(OPERATOR, SET, { t: tenantId, last: 2 });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await h.call(ADMIN, SET, { t: tenantId, last: 0 });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'keepLast' });
  });

  it('keep-last-2 after 5 backups: 3 pruned, orphaned payloads gone, shared payloads kept, audit rows written', async () => {
    const [oldest, , , fourth, newest] = backupIds;
    const pruned = [backupIds[0], backupIds[1], backupIds[2]];
    const orphaned = (await Promise.all(pruned.map(payloadHashes))).flat();
    const kept = [...(await payloadHashes(fourth)), ...(await payloadHashes(newest))];
    const [sharedRow] = await db.query(
      `SELECT payload_hash FROM backup_contents WHERE backup_id = $1 AND source_id = 'shared'`,
      [oldest],
    );
    const sharedHash: string = sharedRow.payload_hash;
    expect(kept).toContain(sharedHash); // "Shared" has one payload row, referenced by all five backups
    const onlyPruned = [...new Set(orphaned.filter((x) => !kept.includes(x)))];
    expect(onlyPruned.length).toBeGreaterThanOrEqual(3);
    expect(await payloadRows(onlyPruned)).toBe(onlyPruned.length);

    const set = await h.call(ADMIN, SET, { t: tenantId, last: 2 });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setBackupRetention).toMatchObject({ keepLast: 2, keepDays: null, keepAll: false });
    const runId = set.data!.setBackupRetention.pruneRun.id;
    await waitForRun(h, runId);
    const run = (await h.call(ADMIN, RUN, { id: runId })).data!.operationRun;
    expect(run).toMatchObject({
      type: 'backup.prune',
      outcome: 'SUCCEEDED',
      summaryCounts: { succeeded: 3, skipped: 2 },
    });
    expect([...run.result.prunedBackupIds].sort()).toEqual([...pruned].sort());

    const left = await db.query(`SELECT id FROM backups WHERE tenant_id = $1`, [tenantId]);
    expect(left.map((r: { id: string }) => r.id).sort()).toEqual([fourth, newest].sort());
    expect(await db.query(`SELECT 1 FROM backup_contents WHERE backup_id = ANY($1)`, [pruned])).toHaveLength(0);
    // Every backup had its own item set ("drifting" changes each time): the pruned ones went with their items.
    expect(run.result).toMatchObject({ deletedItemSets: 3, deletedItems: 6 });
    expect((await db.query(`SELECT id FROM backup_items WHERE tenant_id = $1`, [tenantId])).length).toBe(4);
    expect(await payloadRows(onlyPruned)).toBe(0);
    expect(await payloadRows([...new Set(kept)])).toBe(new Set(kept).size);
    // The kept backups still read whole.
    for await (const item of facade.itemsOf(newest)) expect(item.payload).toBeDefined();

    const audit = await db.query(
      `SELECT action, target_id, actor_id, metadata FROM audit_events WHERE tenant_id = $1 AND action LIKE 'backup.%'`,
      [tenantId],
    );
    const prunedRows = audit.filter((a: { action: string }) => a.action === 'backup.pruned');
    expect(prunedRows.map((a: { target_id: string }) => a.target_id).sort()).toEqual([...pruned].sort());
    expect(prunedRows[0].metadata).toMatchObject({ runId, keepLast: 2 });
    expect(audit.filter((a: { action: string }) => a.action === 'backup.retention.set')).toHaveLength(1);
  });

  it('the database still refuses a delete outside a prune', async () => {
    await expect(db.query(`DELETE FROM backups WHERE tenant_id = $1`, [tenantId])).rejects.toThrow(/retention/);
  });

  it('a completed import starts a prune by itself when the tenant has retention', async () => {
    const res = await fetch(`${h.app.url}/api/tenants/${tenantId}/backups/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await h.token(ADMIN)}`, 'content-type': 'application/zip' },
      body: new Uint8Array(
        await zipBuffer([
          {
            name: 'SettingsCatalog/Shared.json',
            data: JSON.stringify({
              '@odata.type': '#microsoft.graph.deviceManagementConfigurationPolicy',
              id: randomUUID(),
              name: 'Another',
            }),
          },
        ]),
      ),
    });
    expect(res.status).toBe(201);
    const deadline = Date.now() + 20_000;
    let count = 3;
    while (Date.now() < deadline) {
      count = Number((await db.query(`SELECT count(*)::int AS n FROM backups WHERE tenant_id = $1`, [tenantId]))[0].n);
      if (count === 2) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(count).toBe(2);
  });

  it('prune deletes item sets no kept backup references and keeps a set a kept backup shares', async () => {
    const other = (await h.registerTenant()).id;
    await h.grant(other, ADMIN, 'ADMIN');
    // "Apps" are the same in every backup (one shared set), the settings catalog changes in each (a set per backup).
    const snapshot = (n: number): AsyncIterable<SnapshotInput> =>
      (async function* () {
        yield* snapshots(n);
        for (const id of ['app-1', 'app-2', 'app-3'])
          yield {
            typeKey: 'mobileApp',
            sourceId: id,
            displayName: id,
            odataType: '#microsoft.graph.win32LobApp',
            payload: { id, displayName: id },
            assignments: [],
          };
      })();
    const ids: string[] = [];
    for (let n = 1; n <= 3; n++)
      ids.push((await facade.recordBackup({ tenantId: other, source: 'import' }, snapshot(n))).id);
    const setOf = async (backupId: string, typeKey: string) =>
      (
        (await db.query(`SELECT set_id FROM backup_set_refs WHERE backup_id = $1 AND type_key = $2`, [
          backupId,
          typeKey,
        ])) as Array<{ set_id: string }>
      )[0].set_id;
    const sharedSet = await setOf(ids[0], 'mobileApp');
    expect(await setOf(ids[2], 'mobileApp')).toBe(sharedSet);
    const prunedSets = [await setOf(ids[0], 'settingsCatalogPolicy'), await setOf(ids[1], 'settingsCatalogPolicy')];
    const sharedItems = (await db.query(`SELECT id FROM backup_items WHERE set_id = $1 ORDER BY id`, [sharedSet])).map(
      (r: { id: string }) => r.id,
    );

    const set = await h.call(ADMIN, SET, { t: other, last: 1 });
    expect(set.errors).toBeUndefined();
    const runId = set.data!.setBackupRetention.pruneRun.id;
    await waitForRun(h, runId);
    const run = (await h.call(ADMIN, RUN, { id: runId })).data!.operationRun;
    expect(run).toMatchObject({ outcome: 'SUCCEEDED', summaryCounts: { succeeded: 2, skipped: 1 } });
    expect(run.result).toMatchObject({ deletedItemSets: 2, deletedItems: 4 });

    expect(await db.query(`SELECT id FROM backup_item_sets WHERE id = ANY($1)`, [prunedSets])).toEqual([]);
    expect(await db.query(`SELECT id FROM backup_items WHERE set_id = ANY($1)`, [prunedSets])).toEqual([]);
    expect(
      (await db.query(`SELECT id FROM backup_items WHERE set_id = $1 ORDER BY id`, [sharedSet])).map(
        (r: { id: string }) => r.id,
      ),
    ).toEqual(sharedItems);
    expect((await db.query(`SELECT backup_id FROM backup_set_refs WHERE set_id = $1`, [sharedSet])).length).toBe(1);
    const read = [];
    for await (const item of facade.itemsOf(ids[2])) read.push(item);
    expect(read.map((i) => [i.typeKey, i.sourceId, i.backupId])).toEqual([
      ['mobileApp', 'app-1', ids[2]],
      ['mobileApp', 'app-2', ids[2]],
      ['mobileApp', 'app-3', ids[2]],
      ['settingsCatalogPolicy', 'drifting', ids[2]],
      ['settingsCatalogPolicy', 'shared', ids[2]],
    ]);
  });

  it('keep all again: no prune run, nothing deleted', async () => {
    const res = await h.call(ADMIN, SET, { t: tenantId, last: null, days: null });
    expect(res.data!.setBackupRetention).toMatchObject({ keepAll: true, pruneRun: null });
  });
});
