import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { seedFromExports } from '../../../src/graph-simulator';
import { settingDefinitionDisplayName } from '../../../src/graph-simulator/setting-definitions.handlers';
import { buildDataSourceOptions } from '../../../src/infrastructure/database/data-source-options';
import { BackupsFacade } from '../../../src/modules/backups';
import { startScenario, waitForRun, type Scenario } from '../../support/scenario';

const FIXTURES = join(__dirname, '../../../../shared/fixtures/openintunebaseline');
const LAPS = 'b0fa4e4d-a312-4533-ab54-e340cb0656d5';
const BACKUP_DIRECTORY = 'device_vendor_msft_laps_policies_backupdirectory';
const POLICIES = 'deviceManagement/configurationPolicies';

const ROW = 'path label kind left right';
const DIFF_ITEMS = `query($l: ID!, $r: ID!) { diffBackupItems(leftId: $l, rightId: $r) {
  left { itemId tenantId } right { itemId } payloadChanged assignmentsChanged rows { ${ROW} } } }`;
const DIFF_BACKUPS = `query($l: ID!, $r: ID!) { diffBackups(leftBackupId: $l, rightBackupId: $r) {
  added removed changed unchanged truncated objects { kind typeKey name leftItemId rightItemId payloadChanged assignmentsChanged rows { ${ROW} } } } }`;

type Setting = { settingInstance: { settingDefinitionId: string; choiceSettingValue?: { value: string } } };

describe('backup diffs (two backups of the 72 OpenIntuneBaseline policies, the simulator changed in between)', () => {
  let scenario: Scenario;
  let db: DataSource;
  let tenantId: string;
  let simTenantId: string;
  let groupId: string;
  const backups: string[] = [];
  let otherTenantBackup: string;

  beforeAll(async () => {
    scenario = await startScenario();
    db = await new DataSource(buildDataSourceOptions(process.env.DATABASE_URL!)).initialize();
    ({
      tenantId,
      sim: { tenantId: simTenantId },
    } = await scenario.addManagedTenant({
      groups: [{ displayName: 'Pilot devices' }],
    }));
    seedFromExports(scenario.sim.tenant(simTenantId), FIXTURES);
    groupId = scenario.sim.tenant(simTenantId).groups[0].id;
    const groupsSync = await scenario.call(`mutation($t: ID!) { startDirectoryGroupsSync(tenantId: $t) { id } }`, {
      t: tenantId,
    });
    expect((await waitForRun(scenario, groupsSync.data!.startDirectoryGroupsSync.id)).outcome).toBe('SUCCEEDED');
  });
  afterAll(async () => {
    await scenario.close();
    await db.destroy();
  });

  async function backup(): Promise<string> {
    const started = await scenario.call(`mutation($t: ID!) { startBackup(tenantId: $t) { id } }`, { t: tenantId });
    expect(started.errors).toBeUndefined();
    const run = await waitForRun(scenario, started.data!.startBackup.id, 120_000);
    expect(run.outcome).toBe('SUCCEEDED');
    const detail = await scenario.call(`query($id: ID!) { operationRun(id: $id) { result } }`, { id: run.id });
    return detail.data!.operationRun.result.backupId as string;
  }

  const itemOf = async (backupId: string, sourceId = LAPS): Promise<string> =>
    (await db.query(`SELECT id FROM backup_contents WHERE backup_id = $1 AND source_id = $2`, [backupId, sourceId]))[0]
      .id;

  const lapsSettings = () =>
    scenario.sim.tenant(simTenantId).get(POLICIES, LAPS)!.subs.settings as unknown as Setting[];

  it('shows exactly the changed setting, with its label, between two backups and between their items', async () => {
    backups.push(await backup());
    const setting = lapsSettings().find((s) => s.settingInstance.settingDefinitionId === BACKUP_DIRECTORY)!;
    const before = setting.settingInstance.choiceSettingValue!.value;
    setting.settingInstance.choiceSettingValue!.value = `${BACKUP_DIRECTORY}_2`;
    backups.push(await backup());

    const expectedRow = {
      path: `settings[${BACKUP_DIRECTORY}]`,
      label: settingDefinitionDisplayName(BACKUP_DIRECTORY),
      kind: 'CHANGED',
      left: before,
      right: `${BACKUP_DIRECTORY}_2`,
    };
    const items = await scenario.call(DIFF_ITEMS, { l: await itemOf(backups[0]), r: await itemOf(backups[1]) });
    expect(items.errors).toBeUndefined();
    expect(items.data!.diffBackupItems).toMatchObject({ payloadChanged: true, assignmentsChanged: false });
    expect(items.data!.diffBackupItems.rows).toEqual([expectedRow]);

    const whole = await scenario.call(DIFF_BACKUPS, { l: backups[0], r: backups[1] });
    expect(whole.errors).toBeUndefined();
    expect(whole.data!.diffBackups).toMatchObject({
      added: 0,
      removed: 0,
      changed: 1,
      unchanged: 71,
      truncated: false,
    });
    expect(whole.data!.diffBackups.objects).toEqual([
      expect.objectContaining({ kind: 'CHANGED', typeKey: 'settingsCatalogPolicy', rows: [expectedRow] }),
    ]);
    // A backup against itself: nothing changed, nothing read.
    const same = await scenario.call(DIFF_BACKUPS, { l: backups[1], r: backups[1] });
    expect(same.data!.diffBackups).toMatchObject({ added: 0, removed: 0, changed: 0, unchanged: 72, objects: [] });
  });

  it('shows an assignments-only change as the assignment row with the group name, and a deleted policy as removed', async () => {
    scenario.sim.tenant(simTenantId).get(POLICIES, LAPS)!.subs.assignments = [
      { id: 'new-assignment', target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId } },
    ];
    const deleted = scenario.sim.tenant(simTenantId).list('deviceManagement/deviceCompliancePolicies')[0];
    scenario.sim.tenant(simTenantId).remove('deviceManagement/deviceCompliancePolicies', String(deleted.entity.id));
    backups.push(await backup());

    const items = await scenario.call(DIFF_ITEMS, { l: await itemOf(backups[1]), r: await itemOf(backups[2]) });
    expect(items.data!.diffBackupItems).toMatchObject({ payloadChanged: false, assignmentsChanged: true });
    expect(items.data!.diffBackupItems.rows).toEqual([
      {
        path: `assignments[group:${groupId}]`,
        label: 'Assignment: include group "Pilot devices"',
        kind: 'ADDED',
        left: null,
        right: {
          target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId, groupName: 'Pilot devices' },
        },
      },
    ]);

    const whole = await scenario.call(DIFF_BACKUPS, { l: backups[1], r: backups[2] });
    expect(whole.data!.diffBackups).toMatchObject({ added: 0, removed: 1, changed: 1, unchanged: 70 });
    expect(whole.data!.diffBackups.objects.map((o: { kind: string; name: string }) => [o.kind, o.name])).toEqual([
      ['CHANGED', 'Win - OIB - ES - Windows LAPS - D - LAPS Configuration - v3.1'],
      ['REMOVED', deleted.entity.displayName],
    ]);
  });

  it('compares a backup item with the object in Graph now (backup.compare-live)', async () => {
    const setting = lapsSettings().find((s) => s.settingInstance.settingDefinitionId === BACKUP_DIRECTORY)!;
    setting.settingInstance.choiceSettingValue!.value = `${BACKUP_DIRECTORY}_3`;
    const started = await scenario.call(
      `mutation($i: ID!) { startCompareBackupToLive(backupItemId: $i) { id type } }`,
      {
        i: await itemOf(backups[2]),
      },
    );
    expect(started.errors).toBeUndefined();
    expect(started.data!.startCompareBackupToLive.type).toBe('backup.compare-live');
    const run = await waitForRun(scenario, started.data!.startCompareBackupToLive.id);
    expect(run.outcome).toBe('SUCCEEDED');
    const detail = await scenario.call(`query($id: ID!) { operationRun(id: $id) { result } }`, { id: run.id });
    expect(detail.data!.operationRun.result).toMatchObject({
      found: true,
      payloadChanged: true,
      assignmentsChanged: false,
      rows: [
        {
          path: `settings[${BACKUP_DIRECTORY}]`,
          label: settingDefinitionDisplayName(BACKUP_DIRECTORY),
          kind: 'changed',
          left: `${BACKUP_DIRECTORY}_2`,
          right: `${BACKUP_DIRECTORY}_3`,
        },
      ],
    });
  });

  it('diffs the same policy in two tenants (viewer on both), matched by source id for whole backups', async () => {
    const other = await scenario.addManagedTenant();
    seedFromExports(scenario.sim.tenant(other.sim.tenantId), FIXTURES);
    const lapsThere = scenario.sim.tenant(other.sim.tenantId).get(POLICIES, LAPS)!.subs
      .settings as unknown as Setting[];
    const setting = lapsThere.find((s) => s.settingInstance.settingDefinitionId === BACKUP_DIRECTORY)!;
    setting.settingInstance.choiceSettingValue!.value = `${BACKUP_DIRECTORY}_9`;
    const started = await scenario.call(`mutation($t: ID!) { startBackup(tenantId: $t) { id } }`, {
      t: other.tenantId,
    });
    const run = await waitForRun(scenario, started.data!.startBackup.id, 120_000);
    const detail = await scenario.call(`query($id: ID!) { operationRun(id: $id) { result } }`, { id: run.id });
    const otherBackup = detail.data!.operationRun.result.backupId as string;
    otherTenantBackup = otherBackup;

    const items = await scenario.call(DIFF_ITEMS, { l: await itemOf(backups[0]), r: await itemOf(otherBackup) });
    expect(items.errors).toBeUndefined();
    expect(items.data!.diffBackupItems.rows).toEqual([
      expect.objectContaining({ path: `settings[${BACKUP_DIRECTORY}]`, right: `${BACKUP_DIRECTORY}_9` }),
    ]);
    const whole = await scenario.call(DIFF_BACKUPS, { l: backups[0], r: otherBackup });
    expect(whole.data!.diffBackups).toMatchObject({ added: 0, removed: 0, changed: 1, unchanged: 71 });
  });

  it('offers the diff and the content hashes to other modules (restore) through the facade', async () => {
    const facade = scenario.app.app.get(BackupsFacade);
    const [left, right] = await Promise.all([
      facade.findItem(await itemOf(backups[0])),
      facade.findItem(await itemOf(backups[1])),
    ]);
    const rows = await facade.diffPolicies('settingsCatalogPolicy', left!, right!);
    expect(rows).toEqual([
      expect.objectContaining({
        path: `settings[${BACKUP_DIRECTORY}]`,
        label: settingDefinitionDisplayName(BACKUP_DIRECTORY),
      }),
    ]);
    expect(facade.contentHashes(left!.typeKey, left!.payload, left!.assignments)).toEqual({
      payloadHash: left!.payloadHash,
      assignmentsHash: left!.assignmentsHash,
    });
  });

  it('refuses items of different types, and answers NOT_FOUND for a backup the caller cannot see', async () => {
    const compliance = (
      await db.query(
        `SELECT id FROM backup_contents WHERE backup_id = $1 AND type_key = 'deviceCompliancePolicy' LIMIT 1`,
        [backups[0]],
      )
    )[0].id;
    const mixed = await scenario.call(DIFF_ITEMS, { l: await itemOf(backups[0]), r: compliance });
    expect(mixed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    // A viewer of one tenant only: both sides must be visible, and the hidden side is never hinted at.
    const grant = await scenario.call(
      `mutation($t: ID!) { grantTenantAccess(tenantId: $t, userUpn: "viewer-a@msp.test", role: VIEWER) { role } }`,
      { t: tenantId },
    );
    expect(grant.errors).toBeUndefined();
    const viewer = await scenario.tokenFor('viewer-a@msp.test');
    const own = await scenario.call(DIFF_ITEMS, { l: await itemOf(backups[0]), r: await itemOf(backups[1]) }, viewer);
    expect(own.errors).toBeUndefined();
    const hiddenRight = await itemOf(otherTenantBackup);
    const across = await scenario.call(DIFF_ITEMS, { l: await itemOf(backups[0]), r: hiddenRight }, viewer);
    expect(across.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(across.errors?.[0].message).toContain(hiddenRight);
    expect(
      (await scenario.call(DIFF_BACKUPS, { l: backups[0], r: otherTenantBackup }, viewer)).errors?.[0].extensions?.code,
    ).toBe('NOT_FOUND');

    const stranger = await scenario.tokenFor('stranger@msp.test');
    const hidden = await scenario.call(DIFF_BACKUPS, { l: backups[0], r: backups[1] }, stranger);
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
