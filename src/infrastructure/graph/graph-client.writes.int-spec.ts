/** GraphClient writes: create, PATCH/PUT update, delete, and assignments in every write shape. */
import { getContract, type GraphContract } from '../../../config/graph-contracts';
import type { GraphSimulator } from '../../graph-simulator';
import { GraphClientFactory } from './graph-client.factory';
import { GraphNotFoundError } from './graph-errors';
import { GraphClientSuite } from './testing/graph-client-suite';
import { seedDeviceConfigurations } from './testing/simulator-context';

const configurations = getContract('deviceConfiguration');

describe('GraphClient against the Graph simulator (real HTTP, real MSAL, real Redis)', () => {
  const suite = new GraphClientSuite();
  const { factory, tenant } = suite;
  let sim: GraphSimulator;

  beforeAll(async () => {
    await suite.start();
    ({ sim } = suite);
  });
  afterAll(() => suite.stop());
  beforeEach(() => suite.reset());

  describe('writes', () => {
    it('strips read-only fields before a create (the simulator answers 400 to any of them)', async () => {
      const t = tenant();
      const created = await factory().forConnection(t.conn).create(configurations, {
        '@odata.type': '#microsoft.graph.windows10CustomConfiguration',
        id: 'old-id',
        version: 4,
        createdDateTime: '2024-01-01T00:00:00Z',
        supportsScopeTags: true,
        displayName: 'Created through the GraphClient',
        omaSettings: [],
      });
      expect(created).toMatchObject({ displayName: 'Created through the GraphClient', version: 1 });
      expect(created.id).not.toBe('old-id');
      expect(sim.stats(t.tenantId)).toMatchObject({ writes: 1, byStatus: { '201': 1 } });
    });
  });

  describe('updates, deletes and assignments', () => {
    const settingsCatalog = getContract('settingsCatalogPolicy');
    const scripts = getContract('deviceManagementScript');
    const autopilot = getContract('windowsAutopilotDeploymentProfile');
    const groupTarget = (groupId: string) => ({
      target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId },
    });
    const setting = (id: string, value: string) => ({
      '@odata.type': '#microsoft.graph.deviceManagementConfigurationSetting',
      settingInstance: {
        '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance',
        settingDefinitionId: id,
        choiceSettingValue: {
          '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingValue',
          value,
          children: [],
        },
      },
    });
    const assignmentsOf = async (
      client: ReturnType<GraphClientFactory['forConnection']>,
      contract: GraphContract,
      id: string,
    ) => {
      const items: Record<string, unknown>[] = [];
      for await (const page of client.list({
        path: `${contract.collectionPath}/${id}/assignments`,
        version: contract.apiVersion,
      }))
        items.push(...page.items);
      return items.map((a) => (a.target as { groupId?: string }).groupId).sort();
    };

    it('updates a device configuration with PATCH (204), stripping the read-only fields a GET returned', async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 1);
      const client = factory().forConnection(t.conn);
      const read = await client.get(configurations, 'cfg-0');
      // Everything Graph returned goes back (id, version, @odata.context, …); the simulator answers 400 to any read-only field.
      const body = {
        ...read,
        description: 'Changed through the GraphClient',
        version: 7,
        createdDateTime: '2020-01-01T00:00:00Z',
        supportsScopeTags: true,
        isAssigned: false,
      };
      await expect(client.update(configurations, 'cfg-0', body)).resolves.toBeUndefined();
      // Only deviceConfigurations exposes no PUT: a 204 here means the client sent PATCH.
      expect(sim.stats(t.tenantId)).toMatchObject({ writes: 1, byStatus: { '200': 1, '204': 1 } });
      expect(await client.get(configurations, 'cfg-0')).toMatchObject({
        id: 'cfg-0',
        description: 'Changed through the GraphClient',
        version: 2,
      });
    });

    it('replaces a settings catalog policy with PUT carrying its settings (204), stripping settingCount and creationSource', async () => {
      const t = tenant();
      const client = factory().forConnection(t.conn);
      const created = await client.create(settingsCatalog, {
        name: 'Catalog policy',
        description: 'before',
        platforms: 'windows10',
        technologies: 'mdm',
        settings: [setting('device_vendor_msft_policy_config_a', 'a_1')],
      });
      const id = String(created.id);
      const read = await client.get(settingsCatalog, id, { expand: settingsCatalog.backup.expand });
      expect(read).toMatchObject({ settingCount: 1, settings: [expect.any(Object)] });
      const body = {
        ...read,
        name: 'Catalog policy (renamed)',
        creationSource: 'test',
        settings: [
          setting('device_vendor_msft_policy_config_b', 'b_0'),
          setting('device_vendor_msft_policy_config_c', 'c_1'),
        ],
      };
      await expect(client.update(settingsCatalog, id, body)).resolves.toBeUndefined();
      // A PATCH with `settings` is a 400 on Graph (and the simulator): the 204 is the PUT.
      expect(sim.stats(t.tenantId)).toMatchObject({ writes: 2, byStatus: { '201': 1, '200': 1, '204': 1 } });
      const after = await client.get(settingsCatalog, id, { expand: ['settings'] });
      expect(after).toMatchObject({ id, name: 'Catalog policy (renamed)', settingCount: 2 });
      expect(
        (after.settings as Array<{ settingInstance: { settingDefinitionId: string } }>).map(
          (s) => s.settingInstance.settingDefinitionId,
        ),
      ).toEqual(['device_vendor_msft_policy_config_b', 'device_vendor_msft_policy_config_c']);
    });

    it('deletes an object (204); reading it afterwards is GraphNotFoundError', async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 2);
      const client = factory().forConnection(t.conn);
      await expect(client.delete(configurations, 'cfg-0')).resolves.toBeUndefined();
      await expect(client.get(configurations, 'cfg-0')).rejects.toBeInstanceOf(GraphNotFoundError);
      await expect(client.get(configurations, 'cfg-1')).resolves.toMatchObject({ id: 'cfg-1' });
      expect(sim.stats(t.tenantId)).toMatchObject({ writes: 1, byStatus: { '204': 1, '404': 1, '200': 1 } });
    });

    it("assigns with the assign action and body key 'assignments' (200), replacing the whole set", async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 1);
      const client = factory().forConnection(t.conn);
      await expect(
        client.assign(configurations, 'cfg-0', [groupTarget('g-1'), groupTarget('g-2')]),
      ).resolves.toBeUndefined();
      expect(await assignmentsOf(client, configurations, 'cfg-0')).toEqual(['g-1', 'g-2']);
      await client.assign(configurations, 'cfg-0', [groupTarget('g-3')]);
      expect(await assignmentsOf(client, configurations, 'cfg-0')).toEqual(['g-3']);
      expect(sim.stats(t.tenantId)).toMatchObject({ writes: 2, byStatus: { '200': 4 } });
    });

    it("assigns a PowerShell script with body key 'deviceManagementScriptAssignments' (204)", async () => {
      const t = tenant();
      const client = factory().forConnection(t.conn);
      const created = await client.create(scripts, {
        displayName: 'Script',
        scriptContent: Buffer.from('Write-Output "hi"').toString('base64'),
        fileName: 'script.ps1',
        runAsAccount: 'system',
      });
      const id = String(created.id);
      await expect(client.assign(scripts, id, [groupTarget('g-1')])).resolves.toBeUndefined();
      expect(await assignmentsOf(client, scripts, id)).toEqual(['g-1']);
      // The simulator answers 400 to any other body key (as Graph does).
      expect(sim.stats(t.tenantId)).toMatchObject({ writes: 2, byStatus: { '201': 1, '204': 1, '200': 1 } });
    });

    it('assigns an Autopilot profile per target: deletes the existing assignments, then POSTs each target (201)', async () => {
      const t = tenant();
      const client = factory().forConnection(t.conn);
      const created = await client.create(autopilot, {
        '@odata.type': '#microsoft.graph.azureADWindowsAutopilotDeploymentProfile',
        displayName: 'Autopilot',
        locale: 'os-default',
      });
      const id = String(created.id);
      await client.assign(autopilot, id, [groupTarget('g-1'), groupTarget('g-2')]);
      expect(await assignmentsOf(client, autopilot, id)).toEqual(['g-1', 'g-2']);
      await client.assign(autopilot, id, [groupTarget('g-3')]);
      expect(await assignmentsOf(client, autopilot, id)).toEqual(['g-3']);
      // create 201; first assign: GET (empty) + 2 × POST 201; read 200; second: GET + 2 × DELETE 204 + POST 201; read 200.
      expect(sim.stats(t.tenantId)).toMatchObject({ writes: 6, byStatus: { '201': 4, '200': 4, '204': 2 } });
    });
  });

  describe('log hygiene', () => {
    it('no secret, private key or token appears in any captured log line (Nest Logger, stdout, stderr, console)', () => {
      // Not vacuous: write bodies and their responses went through the logged client.
      expect(suite.logs.lines.length).toBeGreaterThan(20);
      expect(suite.logLeaks()).toEqual([]);
    });
  });
});
