import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { seedFromExports, seedSynthetic } from '../../../src/graph-simulator';
import { BackupsFacade } from '../../../src/modules/backups';
import { buildDataSourceOptions } from '../../../src/infrastructure/database/data-source-options';
import { GRAPH_CONTRACTS, GRAPH_TYPE_KEYS } from '../../../src/infrastructure/graph';
import { startScenario, waitForRun, type Scenario } from '../../support/scenario';

const FIXTURES = join(__dirname, '../../../../shared/fixtures/openintunebaseline');

function fixtureCount(dir: string): number {
  return readdirSync(dir).reduce((n, name) => {
    const path = join(dir, name);
    return n + (statSync(path).isDirectory() ? fixtureCount(path) : name.endsWith('.json') ? 1 : 0);
  }, 0);
}

type Json = Record<string, any>;

const START = `mutation($t: ID!, $types: [String!]) { startBackup(tenantId: $t, types: $types) { id status } }`;
const BACKUP = `query($id: ID!) { backup(id: $id) { id tenantId source status itemCount needsSecretReentryCount
  newPayloadCount newVersionCount countsByType { typeKey label count } } }`;

describe('backup.create', () => {
  let scenario: Scenario;
  let db: DataSource;

  beforeAll(async () => {
    scenario = await startScenario({ env: { INVENTORY_PAGE_SIZE: 10, GRAPH_MAX_ATTEMPTS: 2 } });
    db = await new DataSource(buildDataSourceOptions(process.env.DATABASE_URL!)).initialize();
  });
  afterAll(async () => {
    await scenario.close();
    await db.destroy();
  });

  async function backup(tenantId: string, types?: string[]): Promise<{ run: Json; backup: Json }> {
    const started = await scenario.call(START, { t: tenantId, types });
    expect(started.errors).toBeUndefined();
    const run = await waitForRun(scenario, started.data!.startBackup.id);
    const [row] = await db.query(`SELECT id FROM backups WHERE run_id = $1 AND status = 'completed'`, [run.id]);
    const res = await scenario.call(BACKUP, { id: row.id });
    expect(res.errors).toBeUndefined();
    return { run, backup: res.data!.backup };
  }

  const sim = (path: string, init?: RequestInit) =>
    fetch(`${scenario.sim.url}/_sim/${path}`, {
      ...init,
      headers: { 'content-type': 'application/json' },
    }).then(async (r) => {
      if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      return r.json() as Promise<any>;
    });
  const simObjects = (simTenant: string, collection: string): Promise<Json[]> =>
    sim(`tenants/${simTenant}/objects/${collection}`);
  const changeObject = (simTenant: string, collection: string, id: string, body: Json) =>
    sim(`tenants/${simTenant}/objects/${collection}/${id}`, { method: 'PATCH', body: JSON.stringify(body) });

  const items = (backupId: string): Promise<Json[]> =>
    db.query(
      `SELECT i.id, i.type_key, i.source_id, i.display_name, i.payload_hash, i.assignments_hash, i.version_id,
              p.body AS payload, a.body AS assignments
         FROM backup_contents i
         JOIN backup_payloads p ON p.tenant_id = i.tenant_id AND p.sha256 = i.payload_hash
         JOIN backup_payloads a ON a.tenant_id = i.tenant_id AND a.sha256 = i.assignments_hash
        WHERE i.backup_id = $1`,
      [backupId],
    );
  const itemRows = async (tenantId: string) =>
    Number((await db.query(`SELECT count(*) AS n FROM backup_items WHERE tenant_id = $1`, [tenantId]))[0].n);
  const setRefs = (backupId: string): Promise<Json[]> =>
    db.query(`SELECT type_key, set_id FROM backup_set_refs WHERE backup_id = $1 ORDER BY type_key`, [backupId]);
  const payloadRows = async (tenantId: string) =>
    Number((await db.query(`SELECT count(*) AS n FROM backup_payloads WHERE tenant_id = $1`, [tenantId]))[0].n);

  /** What Graph holds: the entity with its navigation collections inline, assignments apart. */
  function expected(object: Json): { payload: Json; assignments: Json[] } {
    const { assignments = [], ...payload } = object;
    return { payload, assignments };
  }
  const withoutContext = ({ '@odata.context': _context, ...rest }: Json) => rest;

  it('backs up the 72 OpenIntuneBaseline policies in full, once each, then versions only real changes', async () => {
    const { tenantId, sim: simTenant } = await scenario.addManagedTenant();
    seedFromExports(scenario.sim.tenant(simTenant.tenantId), FIXTURES);
    // The fixtures carry no assignments: give some objects one, as a tenant would have.
    const policies = await simObjects(simTenant.tenantId, 'deviceManagement/configurationPolicies');
    for (const [n, policy] of policies.slice(0, 5).entries()) {
      await changeObject(simTenant.tenantId, 'deviceManagement/configurationPolicies', policy.id, {
        subs: {
          assignments: [
            {
              id: `${policy.id}_g${n}`,
              source: 'direct',
              target: {
                '@odata.type': '#microsoft.graph.groupAssignmentTarget',
                groupId: `00000000-0000-4000-8000-00000000000${n}`,
              },
            },
          ],
        },
      });
    }

    const first = await backup(tenantId);
    expect(first.run.outcome).toBe('SUCCEEDED');
    expect(first.backup).toMatchObject({ status: 'completed', source: 'graph', itemCount: 72, newVersionCount: 72 });
    expect(fixtureCount(FIXTURES)).toBe(72);
    const firstItems = await items(first.backup.id);
    expect(firstItems).toHaveLength(72);
    expect(new Set(firstItems.map((i) => `${i.type_key}/${i.source_id}`)).size).toBe(72);

    // Every item holds the raw object exactly as the simulator has it (sub-resources included) and its assignments.
    const collections = new Set(
      firstItems.map((i) => GRAPH_CONTRACTS[i.type_key as keyof typeof GRAPH_CONTRACTS].collectionPath.slice(1)),
    );
    let compared = 0;
    for (const collection of collections) {
      for (const object of await simObjects(simTenant.tenantId, collection)) {
        const item = firstItems.find((i) => i.source_id === object.id)!;
        expect(item).toBeDefined();
        const want = expected(object);
        expect(withoutContext(item.payload)).toEqual(want.payload);
        expect(item.payload['@odata.context']).toContain('$metadata#');
        expect(item.assignments).toEqual(want.assignments);
        compared++;
      }
    }
    expect(compared).toBe(72);
    const catalog = firstItems.filter((i) => i.type_key === 'settingsCatalogPolicy');
    expect(catalog.every((i) => Array.isArray(i.payload.settings) && i.payload.settings.length > 0)).toBe(true);
    expect(catalog.filter((i) => i.assignments.length === 1)).toHaveLength(5);
    const compliance = firstItems.filter((i) => i.type_key === 'deviceCompliancePolicy');
    expect(compliance).toHaveLength(4);
    for (const c of compliance)
      expect(c.payload.scheduledActionsForRule[0].scheduledActionConfigurations.length).toBeGreaterThan(0);
    for (const app of firstItems.filter((i) => /ManagedAppProtection$/.test(i.type_key)))
      expect(app.payload.apps.length).toBeGreaterThan(0);

    // Unchanged tenant: a second backup stores no new content and no new version.
    const rowsAfterFirst = await payloadRows(tenantId);
    const second = await backup(tenantId);
    expect(second.backup).toMatchObject({ itemCount: 72, newPayloadCount: 0, newVersionCount: 0 });
    expect(await payloadRows(tenantId)).toBe(rowsAfterFirst);
    // …and no item rows: it references the first backup's item set of each type.
    expect(await itemRows(tenantId)).toBe(72);
    expect(await setRefs(second.backup.id)).toEqual(await setRefs(first.backup.id));
    const listed = await scenario.call(
      `query($b: ID!) { backupItems(backupId: $b, first: 100) { edges { node { id backupId changed } } } }`,
      { b: second.backup.id },
    );
    expect(listed.errors).toBeUndefined();
    const secondNodes = listed.data!.backupItems.edges.map((e: Json) => e.node);
    expect(secondNodes.map((n: Json) => n.id).sort()).toEqual(firstItems.map((i) => i.id).sort());
    expect(secondNodes.every((n: Json) => n.backupId === second.backup.id && n.changed === false)).toBe(true);
    const shared = firstItems.find((i) => i.type_key === 'settingsCatalogPolicy' && i.source_id === policies[10].id)!;
    const ITEM_IN = `query($id: ID!, $b: ID) { backupItem(id: $id, backupId: $b) { id backupId changed sourceId } }`;
    expect((await scenario.call(ITEM_IN, { id: shared.id, b: second.backup.id })).data!.backupItem).toMatchObject({
      backupId: second.backup.id,
      changed: false,
    });
    // Without a backup: the oldest backup holding the item.
    expect((await scenario.call(ITEM_IN, { id: shared.id })).data!.backupItem).toMatchObject({
      backupId: first.backup.id,
      changed: true,
    });

    // One setting changed in the "portal": exactly one new version, with a new payload hash.
    const target = policies[10];
    const settings = structuredClone(target.settings) as Json[];
    settings[0].settingInstance = {
      ...settings[0].settingInstance,
      settingDefinitionId: `${settings[0].settingInstance.settingDefinitionId}_changed`,
    };
    await changeObject(simTenant.tenantId, 'deviceManagement/configurationPolicies', target.id, { subs: { settings } });
    const third = await backup(tenantId);
    expect(third.backup).toMatchObject({ itemCount: 72, newVersionCount: 1 });
    const changed = await scenario.call(
      `query($b: ID!) { backupItems(backupId: $b, filter: { changedOnly: true }) { edges { node { id sourceId versionNumber changed payloadHash assignmentsHash } } } }`,
      { b: third.backup.id },
    );
    expect(changed.errors).toBeUndefined();
    const changedNodes = changed.data!.backupItems.edges.map((e: Json) => e.node);
    expect(changedNodes).toHaveLength(1);
    expect(changedNodes[0]).toMatchObject({ sourceId: target.id, versionNumber: 2, changed: true });
    const before = firstItems.find((i) => i.source_id === target.id)!;
    expect(changedNodes[0].payloadHash).not.toBe(before.payload_hash);
    expect(changedNodes[0].assignmentsHash).toBe(before.assignments_hash);
    // Only the settings catalog got a new item set; the third backup does not hold the first one's catalog items.
    expect(await itemRows(tenantId)).toBe(72 + catalog.length);
    const notHeld = await scenario.call(ITEM_IN, { id: shared.id, b: third.backup.id });
    expect(notHeld.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    // Assignments only: a new version whose payload hash is unchanged.
    const assigned = policies[20];
    await changeObject(simTenant.tenantId, 'deviceManagement/configurationPolicies', assigned.id, {
      subs: {
        assignments: [
          {
            id: `${assigned.id}_new`,
            target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' },
          },
        ],
      },
    });
    const fourth = await backup(tenantId);
    expect(fourth.backup).toMatchObject({ newVersionCount: 1 });
    const versions = await scenario.call(
      `query($t: ID!, $s: String!) { policyVersions(tenantId: $t, typeKey: "settingsCatalogPolicy", sourceId: $s) {
        edges { node { versionNumber payloadHash assignmentsHash firstBackupId latestItemId } } } }`,
      { t: tenantId, s: assigned.id },
    );
    expect(versions.errors).toBeUndefined();
    const [v2, v1] = versions.data!.policyVersions.edges.map((e: Json) => e.node);
    expect([v2.versionNumber, v1.versionNumber]).toEqual([2, 1]);
    expect(v2.payloadHash).toBe(v1.payloadHash);
    expect(v2.assignmentsHash).not.toBe(v1.assignmentsHash);
    expect(v2.firstBackupId).toBe(fourth.backup.id);

    // The item over GraphQL: raw payload and assignments.
    const item = await scenario.call(
      `query($id: ID!) { backupItem(id: $id) { sourceId displayName payload assignments versionNumber } }`,
      { id: v2.latestItemId },
    );
    expect(item.errors).toBeUndefined();
    expect(item.data!.backupItem).toMatchObject({ sourceId: assigned.id, versionNumber: 2 });
    expect(item.data!.backupItem.assignments).toEqual([
      { id: `${assigned.id}_new`, target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } },
    ]);
    expect(item.data!.backupItem.payload.settings).toEqual(assigned.settings);
  });

  it('reads every contract type with its sub-resources (script content, ADMX values and presentations, role) through $batch', async () => {
    const { tenantId, sim: simTenant } = await scenario.addManagedTenant();
    seedSynthetic(scenario.sim.tenant(simTenant.tenantId), 3);
    const { run, backup: b } = await backup(tenantId);
    expect(run.outcome).toBe('SUCCEEDED');
    const rows = await items(b.id);
    const types = new Set(rows.map((r) => r.type_key));
    expect([...types].sort()).toEqual([...GRAPH_TYPE_KEYS].sort());

    for (const typeKey of GRAPH_TYPE_KEYS) {
      const collection = GRAPH_CONTRACTS[typeKey].collectionPath.slice(1);
      for (const object of await simObjects(simTenant.tenantId, collection)) {
        const item = rows.find((r) => r.type_key === typeKey && r.source_id === object.id)!;
        expect(item).toBeDefined();
        const want = expected(object);
        expect(withoutContext(item.payload)).toEqual(
          typeKey === 'roleAssignment'
            ? { ...want.payload, roleDefinition: item.payload.roleDefinition }
            : want.payload,
        );
        expect(item.assignments).toEqual(want.assignments);
      }
    }
    const script = rows.find((r) => r.type_key === 'deviceManagementScript')!;
    expect(typeof script.payload.scriptContent).toBe('string');
    const admx = rows.find((r) => r.type_key === 'groupPolicyConfiguration')!;
    expect(admx.payload.definitionValues[0].definition.displayName).toMatch(/Synthetic ADMX/);
    expect(admx.payload.definitionValues[0].presentationValues[0].presentation.label).toMatch(/Text/);
    const role = rows.find((r) => r.type_key === 'roleAssignment')!;
    expect(role.payload.roleDefinition.displayName).toMatch(/Synthetic role/);
    // Exactly the minimum the contracts require: a list page per type, a GET per object, and per admin template its
    // definition values plus one presentation-values read per value (inner requests of $batch counted one by one).
    const admxRows = rows.filter((r) => r.type_key === 'groupPolicyConfiguration');
    const minimum =
      GRAPH_TYPE_KEYS.length +
      rows.length +
      admxRows.length +
      admxRows.reduce((n, r) => n + (r.payload.definitionValues as unknown[]).length, 0);
    const graph = await db.query(`SELECT result FROM operation_runs WHERE id = $1`, [run.id]);
    expect(graph[0].result.graph.requests).toBe(minimum);
  });

  it('skips unreadable types with the reason and ends partially succeeded', async () => {
    const { tenantId, sim: simTenant } = await scenario.addManagedTenant();
    seedSynthetic(scenario.sim.tenant(simTenant.tenantId), 1);
    await sim(`faults/${simTenant.tenantId}`, {
      method: 'PUT',
      body: JSON.stringify({
        missingPermissions: ['DeviceManagementScripts.Read.All', 'DeviceManagementScripts.ReadWrite.All'],
      }),
    });
    const started = await scenario.call(START, { t: tenantId, types: ['deviceManagementScript', 'assignmentFilter'] });
    const run = await waitForRun(scenario, started.data!.startBackup.id);
    expect(run.outcome).toBe('PARTIALLY_SUCCEEDED');
    expect(run.failures.map((f: Json) => f.item)).toContain('deviceManagementScript');
    const [row] = await db.query(`SELECT item_count, counts_by_type FROM backups WHERE run_id = $1`, [run.id]);
    expect(row.counts_by_type).toEqual({ assignmentFilter: 1 });
  });

  it('records an object that keeps failing as a per-item failure, backs up the rest and announces BackupCompleted', async () => {
    const { tenantId, sim: simTenant } = await scenario.addManagedTenant();
    seedSynthetic(scenario.sim.tenant(simTenant.tenantId), 4);
    const broken = (await simObjects(simTenant.tenantId, 'deviceManagement/deviceConfigurations'))[1];
    await sim(`faults/${simTenant.tenantId}`, {
      method: 'PUT',
      body: JSON.stringify({ failPathsContaining: [broken.id] }),
    });
    const started = await scenario.call(START, { t: tenantId, types: ['deviceConfiguration', 'roleScopeTag'] });
    const run = await waitForRun(scenario, started.data!.startBackup.id);
    expect(run.outcome).toBe('PARTIALLY_SUCCEEDED');
    expect(run.failures).toEqual([
      expect.objectContaining({ item: `deviceConfiguration/${broken.id}`, code: 'graph_unavailable' }),
    ]);
    const [row] = await db.query(`SELECT id, item_count, counts_by_type FROM backups WHERE run_id = $1`, [run.id]);
    expect(row.counts_by_type).toEqual({ deviceConfiguration: 3, roleScopeTag: 4 });
    const events = await db.query(
      `SELECT payload FROM outbox_events WHERE name = 'backup.completed' AND aggregate_id = $1`,
      [tenantId],
    );
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({
      tenantId,
      backupId: row.id,
      runId: run.id,
      itemCount: 7,
      countsByType: { deviceConfiguration: 3, roleScopeTag: 4 },
      newVersions: 7,
    });
  });

  it('sets and clears a backup schedule like inventory, and a tick during a manual backup returns that run', async () => {
    const { tenantId, sim: simTenant } = await scenario.addManagedTenant();
    seedSynthetic(scenario.sim.tenant(simTenant.tenantId), 1);
    const set = `mutation($t: ID!, $c: String) { setBackupSchedule(tenantId: $t, cron: $c) { tenantId cron } }`;
    const get = `query($t: ID!) { backupSchedule(tenantId: $t) { cron } }`;
    const bad = await scenario.call(set, { t: tenantId, c: '* * * * *' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await scenario.call(set, { t: tenantId, c: ' 0  3 * * * ' })).data!.setBackupSchedule).toEqual({
      tenantId,
      cron: '0 3 * * *',
    });
    expect((await scenario.call(get, { t: tenantId })).data!.backupSchedule).toEqual({ cron: '0 3 * * *' });

    // A slow tenant keeps the manual backup running while the schedule ticks.
    await sim(`faults/${simTenant.tenantId}`, { method: 'PUT', body: JSON.stringify({ latencyMs: 150 }) });
    const started = await scenario.call(START, { t: tenantId });
    // What a tick does (BackupScheduleService.fire): a start without an initiator, deduplicated against the manual one.
    const tick = await scenario.app.app.get(BackupsFacade).startBackup(null, tenantId);
    expect({ runId: tick.run.id, created: tick.created }).toEqual({
      runId: started.data!.startBackup.id,
      created: false,
    });
    await sim(`faults/${simTenant.tenantId}`, { method: 'PUT', body: JSON.stringify({ latencyMs: 0 }) });
    await waitForRun(scenario, started.data!.startBackup.id);

    expect((await scenario.call(set, { t: tenantId, c: null })).data!.setBackupSchedule).toBeNull();
    expect((await scenario.call(get, { t: tenantId })).data!.backupSchedule).toBeNull();
  });
});
