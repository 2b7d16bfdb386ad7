import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SIM_ALL_PERMISSIONS, seedFromExports } from '../../../src/graph-simulator';
import { buildDataSourceOptions } from '../../../src/infrastructure/database/data-source-options';
import { GRAPH_CONTRACTS } from '../../../src/infrastructure/graph';
import { startScenario, waitForRun, type Scenario } from '../../support/scenario';

const FIXTURES = join(__dirname, '../../../../shared/fixtures/openintunebaseline');

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? fixtureFiles(path) : name.endsWith('.json') ? [path] : [];
  });
}

function typeKeyOf(context: string): string {
  const collection = /#(.+?)(\(|\/\$entity)/.exec(context)![1];
  return Object.values(GRAPH_CONTRACTS).find((c) => c.collectionPath === `/${collection}`)!.typeKey;
}

const SYNC = `mutation($t: ID!, $types: [String!]) { startInventorySync(tenantId: $t, types: $types) { id status } }`;

describe('inventory.sync', () => {
  let scenario: Scenario;
  let db: DataSource;

  beforeAll(async () => {
    scenario = await startScenario({ env: { INVENTORY_PAGE_SIZE: 10 } });
    db = await new DataSource(buildDataSourceOptions(process.env.DATABASE_URL!)).initialize();
  });
  afterAll(async () => {
    await scenario.close();
    await db.destroy();
  });

  async function sync(tenantId: string, types?: string[]) {
    const started = await scenario.call(SYNC, { t: tenantId, types });
    expect(started.errors).toBeUndefined();
    return waitForRun(scenario, started.data!.startInventorySync.id);
  }

  const items = (tenantId: string) =>
    db.query(
      `SELECT type_key, external_id, name, odata_type, platform, meta, missing_since FROM inventory_items WHERE tenant_id = $1`,
      [tenantId],
    ) as Promise<
      Array<{
        type_key: string;
        external_id: string;
        name: string;
        odata_type: string;
        platform: string | null;
        meta: Record<string, unknown>;
        missing_since: Date | null;
      }>
    >;

  it('records every OpenIntuneBaseline fixture once with its type, name and metadata, and never a payload', async () => {
    const { tenantId, sim } = await scenario.addManagedTenant();
    seedFromExports(scenario.sim.tenant(sim.tenantId), FIXTURES);
    const run = await sync(tenantId);
    expect(run.outcome).toBe('SUCCEEDED');

    const rows = await items(tenantId);
    const files = fixtureFiles(FIXTURES).map((f) => JSON.parse(readFileSync(f, 'utf8')) as Record<string, any>);
    expect(files).toHaveLength(72);
    expect(rows).toHaveLength(72);
    for (const fixture of files) {
      const row = rows.filter((r) => r.external_id === fixture.id);
      expect(row).toHaveLength(1);
      expect(row[0].type_key).toBe(typeKeyOf(fixture['@odata.context']));
      expect(row[0].name).toBe(fixture.displayName ?? fixture.name);
      expect(row[0].odata_type).toBe(fixture['@odata.type']);
      if (fixture.lastModifiedDateTime) expect(row[0].meta.lastModifiedDateTime).toBe(fixture.lastModifiedDateTime);
    }
    const stored = JSON.stringify(rows);
    for (const payloadKey of [
      'settingInstance',
      'scheduledActionsForRule',
      'passwordMinimumLength',
      '"assignments"',
      'settingDefinitionId',
    ]) {
      expect(stored).not.toContain(payloadKey);
    }
  });

  it('marks objects deleted in Graph as missing on the next sync, leaves the rest, and restores them when they reappear', async () => {
    const { tenantId, sim } = await scenario.addManagedTenant();
    const simTenant = scenario.sim.tenant(sim.tenantId);
    seedFromExports(simTenant, FIXTURES);
    await sync(tenantId);

    const collection = 'deviceManagement/configurationPolicies';
    const [a, b] = simTenant.list(collection).slice(0, 2);
    simTenant.remove(collection, String(a.entity.id));
    simTenant.remove(collection, String(b.entity.id));
    const second = await sync(tenantId);
    expect(second.outcome).toBe('SUCCEEDED');
    let rows = await items(tenantId);
    const missing = rows
      .filter((r) => r.missing_since !== null)
      .map((r) => r.external_id)
      .sort();
    expect(missing).toEqual([String(a.entity.id), String(b.entity.id)].sort());
    expect(rows.filter((r) => r.missing_since === null)).toHaveLength(70);

    simTenant.put(collection, a);
    simTenant.put(collection, b);
    await sync(tenantId);
    rows = await items(tenantId);
    expect(rows.filter((r) => r.missing_since !== null)).toEqual([]);
  });

  it('skips a type the tenant has no permission for, syncs the others, and ends partially_succeeded', async () => {
    const roles = SIM_ALL_PERMISSIONS.filter((r) => !r.startsWith('DeviceManagementScripts.'));
    const { tenantId, sim } = await scenario.addManagedTenant({ apps: [{ roles }], syntheticPerType: 3 } as never);
    if (scenario.sim.tenant(sim.tenantId).count() === 0) {
      const { seedSynthetic } = await import('../../../src/graph-simulator');
      seedSynthetic(scenario.sim.tenant(sim.tenantId), 3);
    }
    const run = await sync(tenantId);
    expect(run.outcome).toBe('PARTIALLY_SUCCEEDED');
    const skipped = run.failures
      .filter((f: { code: string }) => f.code === 'permission_missing')
      .map((f: { item: string }) => f.item)
      .sort();
    expect(skipped).toEqual(['deviceHealthScript', 'deviceManagementScript']);
    expect(run.summaryCounts.skipped).toBe(2);
    const summary = await scenario.call(
      `query($t: ID!) { inventorySummary(tenantId: $t) { types { typeKey present lastStatus lastReason } } }`,
      { t: tenantId },
    );
    const scripts = summary.data!.inventorySummary.types.find(
      (t: { typeKey: string }) => t.typeKey === 'deviceManagementScript',
    );
    expect(scripts).toMatchObject({ present: 0, lastStatus: 'skipped' });
    expect(scripts.lastReason).toMatch(/DeviceManagementScripts\.Read\.All/);
    const configs = summary.data!.inventorySummary.types.find(
      (t: { typeKey: string }) => t.typeKey === 'deviceConfiguration',
    );
    expect(configs).toMatchObject({ present: 3, lastStatus: 'synced' });
  });

  it('keeps two tenants synced at the same time apart', async () => {
    const first = await scenario.addManagedTenant();
    const second = await scenario.addManagedTenant();
    seedFromExports(scenario.sim.tenant(first.sim.tenantId), FIXTURES);
    const { seedSynthetic } = await import('../../../src/graph-simulator');
    seedSynthetic(scenario.sim.tenant(second.sim.tenantId), 2);
    const [r1, r2] = await Promise.all([sync(first.tenantId), sync(second.tenantId)]);
    expect([r1.outcome, r2.outcome]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    const firstIds = new Set((await items(first.tenantId)).map((r) => r.external_id));
    const secondRows = await items(second.tenantId);
    expect(secondRows.length).toBeGreaterThan(0);
    expect(secondRows.some((r) => firstIds.has(r.external_id))).toBe(false);
    const viaApi = await scenario.call(
      `query($t: ID!) { inventoryItems(tenantId: $t, first: 100) { edges { node { tenantId } } } }`,
      { t: second.tenantId },
    );
    expect(
      new Set(viaApi.data!.inventoryItems.edges.map((e: { node: { tenantId: string } }) => e.node.tenantId)),
    ).toEqual(new Set([second.tenantId]));
  });

  it('rejects unknown type keys naming the field', async () => {
    const { tenantId } = await scenario.addManagedTenant();
    const response = await scenario.call(SYNC, { t: tenantId, types: ['nope'] });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'types' });
  });
});
