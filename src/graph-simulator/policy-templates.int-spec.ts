import { startGraphSimulator, type GraphSimulator } from './index';
import { appToken, graph } from './test-helpers';

describe('settings-catalog policy templates (configurationPolicyTemplates/{id})', () => {
  const ID = 'e3f74c5a-a6de-411d-aef6-eb15628f3a0a_1';
  const PATH = `/beta/deviceManagement/configurationPolicyTemplates/${ID}`;
  let sim: GraphSimulator;
  let token: string;
  let tenantId: string;

  beforeAll(async () => {
    sim = await startGraphSimulator({ syntheticPerType: 0, groups: 0 });
    tenantId = sim.tenants()[0].tenantId;
    token = await appToken(sim);
  });
  afterAll(() => sim.close());
  afterEach(() => sim.tenant(tenantId).templateStates.clear());

  it('offers a well-formed versioned id as active, with the state a test gives it, also inside $batch', async () => {
    const one = await graph(sim, token, PATH);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: ID, version: 1, lifecycleState: 'active' });

    sim.tenant(tenantId).templateStates.set(ID, 'superseded');
    const batch = await graph(sim, token, '/beta/$batch', {
      method: 'POST',
      body: { requests: [{ id: '1', method: 'GET', url: `/deviceManagement/configurationPolicyTemplates/${ID}` }] },
    });
    expect(batch.body.responses[0]).toMatchObject({ status: 200, body: { id: ID, lifecycleState: 'superseded' } });
  });

  it('is 404 for a removed or malformed id, 400 on v1.0 (beta only), 403 without the configuration read permission', async () => {
    sim.tenant(tenantId).templateStates.set(ID, 'missing');
    expect((await graph(sim, token, PATH)).status).toBe(404);
    expect((await graph(sim, token, '/beta/deviceManagement/configurationPolicyTemplates/not-a-template')).status).toBe(
      404,
    );
    sim.tenant(tenantId).templateStates.clear();
    expect((await graph(sim, token, PATH.replace('/beta/', '/v1.0/'))).status).toBe(400);
    sim.setFaults('*', {
      missingPermissions: ['DeviceManagementConfiguration.Read.All', 'DeviceManagementConfiguration.ReadWrite.All'],
    });
    try {
      expect((await graph(sim, token, PATH)).status).toBe(403);
    } finally {
      sim.setFaults('*', { missingPermissions: [] });
    }
  });
});
