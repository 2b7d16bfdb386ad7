import { DataSource } from 'typeorm';
import { settingDefinitionDisplayName } from '../../../src/graph-simulator/setting-definitions.handlers';
import { buildDataSourceOptions } from '../../../src/infrastructure/database/data-source-options';
import { startScenario, waitForRun, type Scenario } from '../../support/scenario';
import {
  CONFIRM,
  GRANT,
  PLAN,
  RESULTS,
  newTenant,
  previewPlan,
  seedSource,
  syncGroups,
  syncInventory,
} from './restore-helpers';
import { backupOf, backupItems } from './backup-helpers';

/** The OpenIntuneBaseline LAPS policy (settings catalog) and one of its choice settings. */
const LAPS = 'b0fa4e4d-a312-4533-ab54-e340cb0656d5';
const BACKUP_DIRECTORY = 'device_vendor_msft_laps_policies_backupdirectory';
type Setting = { settingInstance: { settingDefinitionId: string; choiceSettingValue: { value: string } } };

/**
 * Restore end to end on the simulator: tenant A holds the 72 OpenIntuneBaseline policies (some assigned to groups,
 * one through a filter); a backup of A is restored into empty tenants, groups mapped by name.
 */
describe('restore', () => {
  let scenario: Scenario;
  let db: DataSource;
  let a: Awaited<ReturnType<typeof newTenant>>;
  let b: Awaited<ReturnType<typeof newTenant>>;
  let backupId: string;
  let assigned: string[];

  beforeAll(async () => {
    scenario = await startScenario();
    db = await new DataSource(buildDataSourceOptions(process.env.DATABASE_URL!)).initialize();
    a = await newTenant(scenario, 'Source');
    b = await newTenant(scenario, 'Target');
    ({ assigned } = seedSource(a.sim));
    await syncGroups(scenario, a.tenantId);
    await syncGroups(scenario, b.tenantId);
    await syncInventory(scenario, b.tenantId);
    backupId = await backupOf(scenario, a.tenantId);
  }, 240_000);
  afterAll(async () => {
    await scenario?.close();
    await db?.destroy();
  });

  const writesTo = (tenant: { sim: { tenantId: string } }) => scenario.sim.stats(tenant.sim.tenantId).writes;
  const objectCount = (tenant: { sim: { count(c?: string): number } }) => tenant.sim.count();

  it('refuses a wrong typed name, a stale hash and an expired plan with coded errors and zero Graph writes', async () => {
    const { plan } = await previewPlan(scenario, { backupId, targetTenantId: b.tenantId });
    expect(plan.status).toBe('READY');
    const before = writesTo(b);

    const wrongName = await scenario.call(CONFIRM, { p: plan.id, h: plan.planHash, n: b.name.toUpperCase() });
    expect(wrongName.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'typedTenantName' });
    const staleHash = await scenario.call(CONFIRM, { p: plan.id, h: 'f'.repeat(64), n: b.name });
    expect(staleHash.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'plan_hash_mismatch' });
    await db.query(`UPDATE restore_plans SET expires_at = now() - interval '1 second' WHERE id = $1`, [plan.id]);
    const expired = await scenario.call(CONFIRM, { p: plan.id, h: plan.planHash, n: b.name });
    expect(expired.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'plan_expired' });
    expect((await scenario.call(PLAN, { id: plan.id })).data!.restorePlan.status).toBe('EXPIRED');

    expect(writesTo(b)).toBe(before);
    expect(objectCount(b)).toBe(0);
  });

  it('lets only an admin of the target (who sees the source too) confirm', async () => {
    const { plan } = await previewPlan(scenario, { backupId, targetTenantId: b.tenantId });
    const users = {
      viewer: 'restore.viewer@msp.test',
      operator: 'restore.operator@msp.test',
      sourceAdmin: 'restore.source-admin@msp.test',
    };
    for (const t of [a.tenantId, b.tenantId]) {
      await scenario.call(GRANT, { t, u: users.viewer, r: 'VIEWER' });
      await scenario.call(GRANT, { t, u: users.operator, r: 'OPERATOR' });
    }
    await scenario.call(GRANT, { t: a.tenantId, u: users.sourceAdmin, r: 'ADMIN' });
    const attempt = async (upn: string) =>
      (await scenario.call(CONFIRM, { p: plan.id, h: plan.planHash, n: b.name }, await scenario.tokenFor(upn)))
        .errors?.[0].extensions?.code;
    expect(await attempt(users.viewer)).toBe('FORBIDDEN');
    expect(await attempt(users.operator)).toBe('FORBIDDEN');
    // Not a member of the target: the plan does not exist for them.
    expect(await attempt(users.sourceAdmin)).toBe('NOT_FOUND');
    expect(writesTo(b)).toBe(0);
  });

  it('round trip: restores every restorable fixture into an empty tenant, identical to the source once backed up', async () => {
    const { plan } = await previewPlan(scenario, { backupId, targetTenantId: b.tenantId });
    const blocked = plan.items.filter((i: any) => i.action === 'BLOCKED');
    expect(blocked).toEqual([]);
    expect(plan.counts.create).toBe(plan.items.length);
    expect(plan.mappings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'GROUP', sourceName: 'Pilot devices', foundBy: 'NAME' }),
        expect.objectContaining({ kind: 'GROUP', sourceName: 'All staff', foundBy: 'NAME' }),
        expect.objectContaining({ kind: 'FILTER', sourceName: 'Corporate Windows', foundBy: 'PLANNED' }),
      ]),
    );
    // The filter is created before the policies that use it.
    const filterSeq = plan.items.find((i: any) => i.typeKey === 'assignmentFilter').seq;
    expect(plan.items.filter((i: any) => i.typeKey !== 'assignmentFilter').every((i: any) => i.seq > filterSeq)).toBe(
      true,
    );

    const confirmed = await scenario.call(CONFIRM, { p: plan.id, h: plan.planHash, n: b.name });
    expect(confirmed.errors).toBeUndefined();
    const executed = await waitForRun(scenario, confirmed.data!.confirmRestorePlan.id, 180_000);
    expect(executed.outcome).toBe('SUCCEEDED');
    const results = (await scenario.call(RESULTS, { r: executed.id })).data!.restoreResults;
    expect(results).toHaveLength(plan.items.length);
    expect(results.filter((r: any) => r.status !== 'SUCCEEDED')).toEqual([]);
    expect(results.every((r: any) => r.created)).toBe(true);

    // Assignments arrived with B's group ids and B's filter id.
    const bFilter = b.sim.list('deviceManagement/assignmentFilters')[0];
    const bGroups = new Set(b.sim.groups.map((g) => g.id));
    const bPolicies = b.sim.list('deviceManagement/configurationPolicies');
    for (const name of assigned) {
      const p = bPolicies.find((x) => x.entity.name === name)!;
      expect(p.subs.assignments).toHaveLength(1);
      expect(bGroups.has(String((p.subs.assignments![0].target as any).groupId))).toBe(true);
    }
    const withFilter = bPolicies.find((x) => x.entity.name === assigned[0])!;
    expect((withFilter.subs.assignments![0].target as any).deviceAndAppManagementAssignmentFilterId).toBe(
      bFilter.entity.id,
    );

    // Back up B and compare with A's backup: the same payload hash for every object (ids and timestamps aside).
    const bBackup = await backupOf(scenario, b.tenantId);
    const left = await backupItems(scenario, backupId);
    const right = await backupItems(scenario, bBackup);
    expect(right).toHaveLength(left.length);
    const byKey = new Map(right.map((i) => [`${i.typeKey}|${i.displayName}`, i]));
    const different = left
      .filter((i) => byKey.get(`${i.typeKey}|${i.displayName}`)?.payloadHash !== i.payloadHash)
      .map((i) => `${i.typeKey}|${i.displayName}`);
    expect(different).toEqual([]);
  });

  it('a re-run creates nothing: every item is a skip (identical once ids are mapped), and the ledger finds each object', async () => {
    await syncInventory(scenario, b.tenantId);
    const objects = objectCount(b);
    const { plan } = await previewPlan(scenario, { backupId, targetTenantId: b.tenantId });
    // Nothing changed since the round trip: assignments with B's group and filter ids (mapped) are no change either.
    expect(plan.items.filter((i: any) => i.action !== 'SKIP')).toEqual([]);
    expect(plan.items.every((i: any) => i.matchedBy === 'ledger')).toBe(true);
    const confirmed = await scenario.call(CONFIRM, { p: plan.id, h: plan.planHash, n: b.name });
    const executed = await waitForRun(scenario, confirmed.data!.confirmRestorePlan.id, 180_000);
    expect(executed.outcome).toBe('SUCCEEDED');
    const results = (await scenario.call(RESULTS, { r: executed.id })).data!.restoreResults;
    expect(results.filter((r: any) => r.created)).toEqual([]);
    expect(objectCount(b)).toBe(objects);

    // The ledger and the plan list, as the API shows them.
    const ledger = await scenario.call(
      `query($t: ID!) { restoreLedger(targetTenantId: $t, first: 100) { edges { node { sourceTenantId typeKey sourceId targetId } } pageInfo { hasNextPage } } }`,
      { t: b.tenantId },
    );
    expect(ledger.data!.restoreLedger.edges).toHaveLength(objects);
    expect(ledger.data!.restoreLedger.edges.every((e: any) => e.node.sourceTenantId === a.tenantId)).toBe(true);
    const plans = await scenario.call(
      `query($t: ID!) { restorePlans(tenantId: $t, first: 1) { edges { node { id status } } pageInfo { hasNextPage endCursor } } }`,
      { t: b.tenantId },
    );
    expect(plans.data!.restorePlans.edges.map((e: any) => e.node)).toEqual([{ id: plan.id, status: 'EXECUTED' }]);
    expect(plans.data!.restorePlans.pageInfo.hasNextPage).toBe(true);
    const next = await scenario.call(
      `query($t: ID!, $a: String) { restorePlans(tenantId: $t, first: 100, after: $a) { edges { node { id } } } }`,
      { t: b.tenantId, a: plans.data!.restorePlans.pageInfo.endCursor },
    );
    expect(next.data!.restorePlans.edges.map((e: any) => e.node.id)).not.toContain(plan.id);
    // Each execution announced RestoreCompleted through the outbox, with its counts.
    const [event] = await db.query(
      `SELECT payload FROM outbox_events WHERE name = 'restore.completed' AND aggregate_id = $1`,
      [plan.id],
    );
    expect(event.payload).toMatchObject({ planId: plan.id, targetTenantId: b.tenantId, counts: { created: 0 } });
  });

  it('an object changed in the target between preview and execute ends in conflict; the others succeed', async () => {
    const policies = b.sim.list('deviceManagement/configurationPolicies').slice(0, 3);
    for (const p of policies) {
      p.entity.description = 'changed in B';
      p.entity.lastModifiedDateTime = new Date(Date.now() - 60_000).toISOString();
    }
    await syncInventory(scenario, b.tenantId);
    const names = policies.map((p) => String(p.entity.name));
    const { plan } = await previewPlan(scenario, {
      backupId,
      targetTenantId: b.tenantId,
      types: ['settingsCatalogPolicy'],
    });
    const updates = plan.items.filter((i: any) => i.action === 'UPDATE');
    expect(updates.map((i: any) => i.displayName).sort()).toEqual([...names].sort());
    expect(updates[0].diff).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'description', right: '"changed in B"' })]),
    );
    // Changed again after preview (inventory not re-synced, so confirm's inventory check still passes).
    const moved = b.sim.list('deviceManagement/configurationPolicies').find((p) => p.entity.name === names[0])!;
    moved.entity.lastModifiedDateTime = new Date().toISOString();
    const before = Number(moved.entity.description === 'changed in B');
    const confirmed = await scenario.call(CONFIRM, { p: plan.id, h: plan.planHash, n: b.name });
    const executed = await waitForRun(scenario, confirmed.data!.confirmRestorePlan.id, 180_000);
    expect(executed.outcome).toBe('PARTIALLY_SUCCEEDED');
    const results = (await scenario.call(RESULTS, { r: executed.id })).data!.restoreResults;
    const byName = new Map(results.map((r: any) => [r.displayName, r]));
    expect(byName.get(names[0])).toMatchObject({ status: 'CONFLICT' });
    expect(byName.get(names[1])).toMatchObject({ status: 'SUCCEEDED' });
    expect(byName.get(names[2])).toMatchObject({ status: 'SUCCEEDED' });
    expect(before).toBe(1);
    expect(moved.entity.description).toBe('changed in B');
    const fixed = b.sim.list('deviceManagement/configurationPolicies').find((p) => p.entity.name === names[1])!;
    expect(fixed.entity.description).not.toBe('changed in B');
  });

  it('blocks items whose group or filter has no match in the target, restores the others, never drops a filter', async () => {
    const c = await newTenant(scenario, 'No groups', []);
    await syncGroups(scenario, c.tenantId);
    // Without the filter type in the selection, the filter cannot be created first: it stays unmapped.
    const { plan } = await previewPlan(scenario, {
      backupId,
      targetTenantId: c.tenantId,
      types: ['settingsCatalogPolicy'],
    });
    const blocked = plan.items.filter((i: any) => i.action === 'BLOCKED');
    expect(blocked.map((i: any) => i.displayName).sort()).toEqual([...assigned].sort());
    const withFilter = blocked.find((i: any) => i.displayName === assigned[0]);
    expect(withFilter.reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^unmapped group "Pilot devices"/),
        expect.stringMatching(/^unmapped filter "Corporate Windows"/),
      ]),
    );
    const confirmed = await scenario.call(CONFIRM, { p: plan.id, h: plan.planHash, n: c.name });
    const executed = await waitForRun(scenario, confirmed.data!.confirmRestorePlan.id, 180_000);
    expect(executed.outcome).toBe('PARTIALLY_SUCCEEDED');
    const results = (await scenario.call(RESULTS, { r: executed.id })).data!.restoreResults;
    expect(results.filter((r: any) => r.status === 'BLOCKED')).toHaveLength(assigned.length);
    expect(results.filter((r: any) => r.status === 'SUCCEEDED')).toHaveLength(plan.items.length - assigned.length);
    const written = c.sim.list('deviceManagement/configurationPolicies');
    expect(written.map((p) => p.entity.name)).not.toEqual(expect.arrayContaining([assigned[0]]));
    expect(written.flatMap((p) => p.subs.assignments ?? [])).toEqual([]);
  });

  it('pre-flight asks the target for each settings-catalog template: a removed or superseded version blocks its policies', async () => {
    const c = await newTenant(scenario, 'Old templates');
    await syncGroups(scenario, c.tenantId);
    // OpenIntuneBaseline's three Defender Antivirus update rings share one template; Personal Data Encryption has its own.
    const rings = 'e3f74c5a-a6de-411d-aef6-eb15628f3a0a_1';
    const pde = '0b5708d9-9bc2-49a9-b4f7-ec463fcc41e0_1';
    c.sim.templateStates.set(rings, 'superseded').set(pde, 'missing');
    const { plan } = await previewPlan(scenario, {
      backupId,
      targetTenantId: c.tenantId,
      types: ['settingsCatalogPolicy'],
    });
    const templateReasons = (item: any) =>
      item.reasons.filter((r: string) => r.startsWith('settings-catalog template'));
    const flagged = plan.items.filter((i: any) => templateReasons(i).length > 0);
    expect(flagged.map((i: any) => [i.displayName, i.action, templateReasons(i)]).sort()).toEqual(
      [
        ...['Ring 1 - Pilot', 'Ring 2 - UAT', 'Ring 3 - Production'].map((ring) => [
          `Win - OIB - ES - Defender Antivirus Updates - ${ring} - v3.4`,
          'BLOCKED',
          [expect.stringMatching(new RegExp(`^settings-catalog template ${rings} is superseded in the target: `))],
        ]),
        [
          'Win - OIB - ES - Encryption - U - Personal Data Encryption - v3.4',
          'BLOCKED',
          [`settings-catalog template ${pde} is not offered by the target`],
        ],
      ].sort(),
    );
    // Every other templated policy was looked up and found current.
    expect(plan.items.length).toBeGreaterThan(flagged.length);
    expect(writesTo(c)).toBe(0);
  });

  it('setRestoreMapping points an unmapped group at a target group: its items unblock and the hash changes', async () => {
    const d = await newTenant(scenario, 'Other names', ['Staff (all)']);
    await syncGroups(scenario, d.tenantId);
    const { plan } = await previewPlan(scenario, {
      backupId,
      targetTenantId: d.tenantId,
      types: ['settingsCatalogPolicy'],
    });
    const allStaff = plan.mappings.find((m: any) => m.kind === 'GROUP' && m.sourceName === 'All staff');
    expect(allStaff).toMatchObject({ targetId: null, foundBy: 'NONE' });
    const onlyAllStaff = plan.items.filter(
      (i: any) => i.action === 'BLOCKED' && i.reasons.every((r: string) => r.includes('"All staff"')),
    );
    expect(onlyAllStaff.length).toBeGreaterThan(0);

    const set = await scenario.call(
      `mutation($p: ID!, $s: String!, $t: String!) { setRestoreMapping(planId: $p, sourceId: $s, targetId: $t) {
        planHash items { displayName action } mappings { sourceName targetId foundBy } } }`,
      { p: plan.id, s: allStaff.sourceId, t: d.sim.groups[0].id },
    );
    expect(set.errors).toBeUndefined();
    const updated = set.data!.setRestoreMapping;
    expect(updated.planHash).not.toBe(plan.planHash);
    expect(updated.mappings).toEqual(
      expect.arrayContaining([{ sourceName: 'All staff', targetId: d.sim.groups[0].id, foundBy: 'OVERRIDE' }]),
    );
    for (const item of onlyAllStaff)
      expect(updated.items.find((i: any) => i.displayName === item.displayName).action).toBe('CREATE');
    const unknownTarget = await scenario.call(
      `mutation($p: ID!, $s: String!, $t: String!) { setRestoreMapping(planId: $p, sourceId: $s, targetId: $t) { id } }`,
      { p: plan.id, s: allStaff.sourceId, t: '00000000-0000-0000-0000-0000000000aa' },
    );
    expect(unknownTarget.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'targetId' });
    const stale = await scenario.call(CONFIRM, { p: plan.id, h: plan.planHash, n: d.name });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'plan_hash_mismatch' });
  });

  it('same tenant: matches by original id, puts a changed policy back and skips the rest', async () => {
    const changed = a.sim.get('deviceManagement/configurationPolicies', LAPS)!;
    const original = structuredClone(changed.subs.settings);
    const name = String(changed.entity.name);
    changed.entity.name = `${name} (renamed)`;
    changed.entity.lastModifiedDateTime = new Date().toISOString();
    const setting = (changed.subs.settings as unknown as Setting[]).find(
      (s) => s.settingInstance.settingDefinitionId === BACKUP_DIRECTORY,
    )!;
    const before = setting.settingInstance.choiceSettingValue.value;
    setting.settingInstance.choiceSettingValue.value = `${BACKUP_DIRECTORY}_2`;
    await syncInventory(scenario, a.tenantId);
    const { plan } = await previewPlan(scenario, {
      backupId,
      targetTenantId: a.tenantId,
      types: ['settingsCatalogPolicy'],
    });
    expect(plan.items.every((i: any) => i.matchedBy === 'originalId')).toBe(true);
    const update = plan.items.filter((i: any) => i.action === 'UPDATE');
    expect(update.map((i: any) => i.targetId)).toEqual([LAPS]);
    // The backups module's diff: one row per changed setting, labelled with the setting definition's name.
    expect(update[0].diff).toEqual([
      {
        path: 'name',
        label: 'name',
        kind: 'CHANGED',
        left: JSON.stringify(name),
        right: JSON.stringify(`${name} (renamed)`),
      },
      {
        path: `settings[${BACKUP_DIRECTORY}]`,
        label: settingDefinitionDisplayName(BACKUP_DIRECTORY),
        kind: 'CHANGED',
        left: JSON.stringify(before),
        right: JSON.stringify(`${BACKUP_DIRECTORY}_2`),
      },
    ]);
    // Assigned policies too: their group ids map to themselves in the same tenant, so identical means skip.
    const skipped = plan.items.filter((i: any) => i.action === 'SKIP');
    expect(skipped).toHaveLength(plan.items.length - 1);
    expect(skipped.map((i: any) => i.displayName)).toEqual(expect.arrayContaining(assigned.filter((n) => n !== name)));
    expect(skipped.every((i: any) => i.reasons.includes('identical after normalisation'))).toBe(true);
    const count = a.sim.count();
    const confirmed = await scenario.call(CONFIRM, { p: plan.id, h: plan.planHash, n: a.name });
    const executed = await waitForRun(scenario, confirmed.data!.confirmRestorePlan.id, 180_000);
    expect(executed.outcome).toBe('SUCCEEDED');
    const restored = a.sim.get('deviceManagement/configurationPolicies', LAPS)!;
    expect(restored.entity.name).toBe(name);
    expect(restored.subs.settings?.map((x) => x.settingInstance)).toEqual(original?.map((x) => x.settingInstance));
    expect(a.sim.count()).toBe(count);
  });

  it('cancel stops between items: the run ends cancelled with a result for every item it started, none after', async () => {
    const e = await newTenant(scenario, 'Cancelled');
    await syncGroups(scenario, e.tenantId);
    const { plan } = await previewPlan(scenario, { backupId, targetTenantId: e.tenantId });
    scenario.sim.setFaults(e.sim.tenantId, { latencyMs: 50 });
    try {
      const confirmed = await scenario.call(CONFIRM, { p: plan.id, h: plan.planHash, n: e.name });
      const runId = confirmed.data!.confirmRestorePlan.id;
      while (scenario.sim.stats(e.sim.tenantId).writes < 5) await new Promise((resolve) => setTimeout(resolve, 20));
      await scenario.call(`mutation($id: ID!) { cancelOperationRun(id: $id) { id } }`, { id: runId });
      const run = await waitForRun(scenario, runId, 60_000);
      expect(run.outcome).toBe('CANCELLED');
      const results = (await scenario.call(RESULTS, { r: runId })).data!.restoreResults;
      expect(results.length).toBeGreaterThan(0);
      expect(results.length).toBeLessThan(plan.items.length);
      // Every object written has its result (and ledger row): nothing was created behind the run's back.
      const ledger = await db.query(`SELECT count(*)::int AS n FROM restore_id_ledger WHERE plan_id = $1`, [plan.id]);
      expect(e.sim.count()).toBe(ledger[0].n);
    } finally {
      scenario.sim.setFaults(e.sim.tenantId, { latencyMs: 0 });
    }
  });
});
