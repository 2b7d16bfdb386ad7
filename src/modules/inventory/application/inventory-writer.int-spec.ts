import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../../infrastructure/database/data-source-options';
import type { ObservedItem } from '../domain/inventory-item.mapper';
import { InventoryWriter } from './inventory-writer';

const item = (externalId: string, name = externalId): ObservedItem => ({
  externalId,
  name,
  odataType: '#microsoft.graph.windows10CustomConfiguration',
  platform: 'windows',
  lastModifiedAt: '2026-01-01T00:00:00Z',
  version: '1',
  scopeTagIds: ['0'],
  meta: { description: 'd' },
});

describe('InventoryWriter (real PostgreSQL)', () => {
  let db: DataSource;
  let writer: InventoryWriter;

  beforeAll(async () => {
    db = await new DataSource(buildDataSourceOptions(process.env.DATABASE_URL!)).initialize();
    writer = new InventoryWriter(db);
  });
  afterAll(() => db.destroy());

  const rows = (tenantId: string) =>
    db.query(
      `SELECT external_id, name, missing_since, first_seen_at, last_seen_run_id FROM inventory_items WHERE tenant_id = $1 ORDER BY external_id`,
      [tenantId],
    );

  it('inserts new objects once and updates them on later passes, counting only new ones', async () => {
    const tenantId = randomUUID();
    const run1 = randomUUID();
    expect(await writer.upsert(tenantId, 'deviceConfiguration', run1, [item('a'), item('b')])).toBe(2);
    const run2 = randomUUID();
    expect(await writer.upsert(tenantId, 'deviceConfiguration', run2, [item('a', 'renamed'), item('c')])).toBe(1);
    const after = await rows(tenantId);
    expect(after.map((r: { external_id: string; name: string }) => [r.external_id, r.name])).toEqual([
      ['a', 'renamed'],
      ['b', 'b'],
      ['c', 'c'],
    ]);
  });

  it('marks what a complete pass did not see as missing, keeps others, and clears it when the object reappears', async () => {
    const tenantId = randomUUID();
    await writer.upsert(tenantId, 'deviceConfiguration', randomUUID(), [item('a'), item('b'), item('c')]);
    await writer.upsert(tenantId, 'settingsCatalogPolicy', randomUUID(), [item('other-type')]);
    const pass = randomUUID();
    await writer.upsert(tenantId, 'deviceConfiguration', pass, [item('a')]);
    expect(await writer.markMissing(tenantId, 'deviceConfiguration', pass)).toBe(2);
    let state = await rows(tenantId);
    expect(
      state
        .filter((r: { missing_since: Date | null }) => r.missing_since)
        .map((r: { external_id: string }) => r.external_id),
    ).toEqual(['b', 'c']);

    const missingSince = state.find((r: { external_id: string }) => r.external_id === 'b').missing_since;
    const nextPass = randomUUID();
    await writer.upsert(tenantId, 'deviceConfiguration', nextPass, [item('a'), item('b')]);
    expect(await writer.markMissing(tenantId, 'deviceConfiguration', nextPass)).toBe(0); // c stays missing since its first miss
    state = await rows(tenantId);
    expect(state.find((r: { external_id: string }) => r.external_id === 'b').missing_since).toBeNull();
    expect(state.find((r: { external_id: string }) => r.external_id === 'c').missing_since).not.toBeNull();
    expect(state.find((r: { external_id: string }) => r.external_id === 'other-type').missing_since).toBeNull();
    expect(missingSince).toBeInstanceOf(Date);
  });

  it('never mixes tenants', async () => {
    const [t1, t2] = [randomUUID(), randomUUID()];
    await writer.upsert(t1, 'deviceConfiguration', randomUUID(), [item('same-id')]);
    const pass = randomUUID();
    await writer.upsert(t2, 'deviceConfiguration', pass, []);
    await writer.markMissing(t2, 'deviceConfiguration', pass);
    expect((await rows(t1))[0].missing_since).toBeNull();
    expect(await rows(t2)).toEqual([]);
  });

  it('keeps the last complete sync time when a later pass fails', async () => {
    const tenantId = randomUUID();
    await writer.recordTypeState(tenantId, 'deviceConfiguration', randomUUID(), 'synced', null);
    await writer.recordTypeState(tenantId, 'deviceConfiguration', randomUUID(), 'failed', 'Graph 503');
    const [state] = await db.query(
      `SELECT status, reason, last_complete_sync_at FROM inventory_type_states WHERE tenant_id = $1`,
      [tenantId],
    );
    expect(state).toMatchObject({ status: 'failed', reason: 'Graph 503' });
    expect(state.last_complete_sync_at).not.toBeNull();
  });
});
