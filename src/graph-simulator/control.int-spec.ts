import { ConfidentialClientApplication } from '@azure/msal-node';
import { DEMO_TENANT, startGraphSimulator, type GraphSimulator } from './index';
import { parseArgs } from './main';
import { appToken, graph, http } from './test-helpers';

describe('/_sim control surface, CLI arguments and MSAL compatibility', () => {
  let sim: GraphSimulator;
  const control = (path: string, method = 'GET', body?: unknown) =>
    http(`${sim.url}/_sim${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    sim = await startGraphSimulator({ groups: 5 });
  });
  afterAll(() => sim.close());

  it('lists the demo tenant with its fixed test credentials and every permission', async () => {
    const res = await control('/tenants');
    expect(res.body).toEqual([
      expect.objectContaining({
        tenantId: DEMO_TENANT.tenantId,
        displayName: DEMO_TENANT.displayName,
        apps: [
          expect.objectContaining({
            clientId: DEMO_TENANT.clientId,
            clientSecret: DEMO_TENANT.clientSecret,
            roles: expect.arrayContaining(['DeviceManagementRBAC.ReadWrite.All']),
          }),
        ],
        users: [{ upn: DEMO_TENANT.upn, password: DEMO_TENANT.password, oid: DEMO_TENANT.oid }],
      }),
    ]);
  });

  it('adds tenants, seeds them, injects faults, reports stats and resets, all without auth', async () => {
    const added = await control('/tenants', 'POST', {
      displayName: 'Contoso',
      apps: [{ roles: ['DeviceManagementConfiguration.Read.All'] }],
    });
    expect(added.status).toBe(201);
    const tid = added.body.tenantId as string;
    expect((await control('/seed', 'POST', { tenantId: tid, perType: 2, groups: 7 })).body).toEqual({
      objects: expect.any(Number),
      groups: 7,
    });
    expect(sim.tenant(tid).count('deviceManagement/deviceConfigurations')).toBe(2);

    const put = await control(`/tenants/${tid}/objects/deviceManagement/deviceConfigurations`, 'POST', {
      id: 'fixed-id',
      '@odata.type': '#microsoft.graph.windows10CustomConfiguration',
      displayName: 'Back door',
      assignments: [],
    });
    expect(put.status).toBe(201);
    const token = await appToken(sim, tid);
    expect((await graph(sim, token, '/beta/deviceManagement/deviceConfigurations/fixed-id')).body.displayName).toBe(
      'Back door',
    );
    expect(
      (await control(`/tenants/${tid}/objects/deviceManagement/deviceConfigurations/fixed-id`, 'DELETE')).status,
    ).toBe(204);
    expect((await graph(sim, token, '/beta/deviceManagement/deviceConfigurations/fixed-id')).status).toBe(404);

    await control(`/faults/${tid}`, 'PUT', { fail503Count: 1 });
    expect((await graph(sim, token, '/beta/deviceManagement/deviceConfigurations')).status).toBe(503);
    const stats = await control(`/stats?tenantId=${tid}`);
    expect(stats.body).toMatchObject({ requests: 3, byStatus: { '200': 1, '404': 1, '503': 1 } });

    expect((await control('/throttle', 'PUT', { maxRequests: 5 })).body).toMatchObject({
      maxRequests: 5,
      windowMs: 20000,
    });
    await control('/reset', 'POST');
    expect((await control('/tenants')).body).toHaveLength(1);
    expect((await control('/throttle')).body.maxRequests).toBe(1000);
    expect((await control('/stats')).body.requests).toBe(0);
  });

  it('serves MSAL: client credentials through authorityMetadata, with the second call served from cache', async () => {
    const tid = DEMO_TENANT.tenantId;
    const cca = new ConfidentialClientApplication({
      auth: {
        clientId: DEMO_TENANT.clientId,
        clientSecret: DEMO_TENANT.clientSecret,
        authority: `https://login.microsoftonline.com/${tid}`,
        authorityMetadata: JSON.stringify({
          token_endpoint: `${sim.url}/${tid}/oauth2/v2.0/token`,
          issuer: `https://login.microsoftonline.com/${tid}/v2.0`,
          jwks_uri: sim.jwksUrl(tid),
          authorization_endpoint: `https://login.microsoftonline.com/${tid}/oauth2/v2.0/authorize`,
        }),
      },
    });
    const first = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    expect(first?.accessToken).toBeTruthy();
    expect((await graph(sim, first!.accessToken, '/v1.0/organization')).status).toBe(200);
    const second = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    expect(second?.fromCache).toBe(true);
  });

  it('parses the CLI flags of npm run graph:sim', () => {
    expect(
      parseArgs([
        '--port',
        '4010',
        '--host',
        '0.0.0.0',
        '--seed',
        'a',
        '--seed',
        'b',
        '--synthetic-per-type',
        '5',
        '--groups',
        '20',
      ]),
    ).toMatchObject({
      port: 4010,
      host: '0.0.0.0',
      seedDirs: ['a', 'b'],
      syntheticPerType: 5,
      groups: 20,
    });
    expect(() => parseArgs(['--bogus'])).toThrow();
  });

  it('changes an object in place (PATCH: entity merged, sub-resources replaced) and refuses unknown sub-resources', async () => {
    const added = await control('/tenants', 'POST', { displayName: 'Versions' });
    const tid = added.body.tenantId as string;
    const path = `/tenants/${tid}/objects/deviceManagement/configurationPolicies`;
    await control(path, 'POST', {
      id: 'p1',
      name: 'Before',
      settings: [{ id: '0', settingInstance: { settingDefinitionId: 'a' } }],
      assignments: [],
    });
    const patched = await control(`${path}/p1`, 'PATCH', {
      entity: { description: 'changed' },
      subs: { settings: [{ id: '0', settingInstance: { settingDefinitionId: 'b' } }], assignments: [{ id: 'x' }] },
    });
    expect(patched.status).toBe(200);
    const token = await appToken(sim, tid);
    const read = await graph(
      sim,
      token,
      '/beta/deviceManagement/configurationPolicies/p1?$expand=settings,assignments',
    );
    expect(read.body).toMatchObject({
      name: 'Before',
      description: 'changed',
      settings: [{ settingInstance: { settingDefinitionId: 'b' } }],
      assignments: [{ id: 'x' }],
    });
    expect((await control(`${path}/p1`, 'PATCH', { subs: { apps: [] } })).status).toBe(400);
    expect((await control(`${path}/missing`, 'PATCH', {})).status).toBe(404);
  });

  it('serves what a backup reads: ADMX values with definitions and presentations, role definitions, script content by id only', async () => {
    const added = await control('/tenants', 'POST', { displayName: 'Backup reads' });
    const tid = added.body.tenantId as string;
    await control('/seed', 'POST', { tenantId: tid, perType: 1 });
    const token = await appToken(sim, tid);
    const [admx] = sim.tenant(tid).list('deviceManagement/groupPolicyConfigurations');
    const base = `/beta/deviceManagement/groupPolicyConfigurations/${String(admx.entity.id)}/definitionValues`;
    const plain = await graph(sim, token, base);
    expect(plain.body.value[0].definition).toBeUndefined();
    expect(plain.body.value[0].presentationValues).toBeUndefined();
    const values = await graph(sim, token, `${base}?$expand=definition`);
    expect(values.body.value[0].definition.displayName).toMatch(/Synthetic ADMX/);
    const valueId = String(values.body.value[0].id);
    const presentations = await graph(sim, token, `${base}/${valueId}/presentationValues?$expand=presentation`);
    expect(presentations.body.value[0].presentation.label).toMatch(/Text/);
    const bare = await graph(sim, token, `${base}/${valueId}/presentationValues`);
    expect(bare.body.value[0].presentation).toBeUndefined();

    const [role] = sim.tenant(tid).list('deviceManagement/roleAssignments');
    const roleRead = await graph(
      sim,
      token,
      `/beta/deviceManagement/roleAssignments/${String(role.entity.id)}?$expand=roleDefinition($select=id,displayName)`,
    );
    expect(roleRead.body.roleDefinition.displayName).toMatch(/Synthetic role/);

    const list = await graph(sim, token, '/beta/deviceManagement/deviceManagementScripts');
    expect(list.body.value[0].scriptContent).toBeUndefined();
    const one = await graph(
      sim,
      token,
      `/beta/deviceManagement/deviceManagementScripts/${String(list.body.value[0].id)}`,
    );
    expect(typeof one.body.scriptContent).toBe('string');
  });
});
