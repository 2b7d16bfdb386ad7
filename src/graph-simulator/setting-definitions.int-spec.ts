import { startGraphSimulator, type GraphSimulator } from './index';
import { settingDefinitionDisplayName } from './setting-definitions.handlers';
import { appToken, graph } from './test-helpers';

describe('settings catalog setting definitions (configurationSettings/{id})', () => {
  let sim: GraphSimulator;
  let token: string;

  beforeAll(async () => {
    sim = await startGraphSimulator({ syntheticPerType: 0, groups: 0 });
    token = await appToken(sim);
  });
  afterAll(() => sim.close());
  afterEach(() => sim.setFaults('*', { missingPermissions: [] }));

  it('returns a definition with a display name derived from its id, also inside $batch', async () => {
    const id = 'device_vendor_msft_laps_policies_backupdirectory';
    const one = await graph(sim, token, `/beta/deviceManagement/configurationSettings/${id}?$select=id,displayName`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id, displayName: 'Laps Policies Backupdirectory' });
    expect(settingDefinitionDisplayName('user_vendor_msft_policy_config_edge_homepages')).toBe('Edge Homepages');
    const batch = await graph(sim, token, '/beta/$batch', {
      method: 'POST',
      body: { requests: [{ id: '1', method: 'GET', url: `/deviceManagement/configurationSettings('${id}')` }] },
    });
    expect(batch.body.responses[0]).toMatchObject({
      status: 200,
      body: { id, displayName: 'Laps Policies Backupdirectory' },
    });
  });

  it('is 404 for what cannot be a definition id and 403 without the configuration read permission', async () => {
    expect(
      (await graph(sim, token, `/beta/deviceManagement/configurationSettings/${encodeURIComponent("a'b c")}`)).status,
    ).toBe(404);
    sim.setFaults('*', {
      missingPermissions: ['DeviceManagementConfiguration.Read.All', 'DeviceManagementConfiguration.ReadWrite.All'],
    });
    expect((await graph(sim, token, '/beta/deviceManagement/configurationSettings/x')).status).toBe(403);
  });
});
