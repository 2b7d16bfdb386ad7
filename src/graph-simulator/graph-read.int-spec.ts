import { DEMO_TENANT, startGraphSimulator, type GraphSimulator } from './index';
import { appToken, graph } from './test-helpers';

describe('Graph reads: paging, $select, $filter, $count, groups $search, permissions', () => {
  let sim: GraphSimulator;
  let token: string;

  beforeAll(async () => {
    sim = await startGraphSimulator({ syntheticPerType: 23, groups: 60, pageSize: 10 });
    token = await appToken(sim);
  });
  afterAll(() => sim.close());
  afterEach(() => sim.setFaults('*', { missingPermissions: [], fail503Count: 0 }));

  it('pages a collection across 5+ pages with $top, @odata.count on page 1 only, $select honoured', async () => {
    let url: string | undefined = '/beta/deviceManagement/deviceConfigurations?$top=4&$select=displayName&$count=true';
    const seen: string[] = [];
    let pages = 0;
    while (url) {
      const res = await graph(sim, token, url);
      expect(res.status).toBe(200);
      pages++;
      if (pages === 1) expect(res.body['@odata.count']).toBe(23);
      else expect(res.body).not.toHaveProperty('@odata.count');
      for (const item of res.body.value) {
        expect(Object.keys(item).sort()).toEqual(['@odata.type', 'displayName', 'id']);
        seen.push(item.id);
      }
      url = res.body['@odata.nextLink'];
      if (url) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/beta\/.*\$skiptoken=/);
    }
    expect(pages).toBe(6);
    expect(new Set(seen).size).toBe(23);
  });

  it('uses the configured default page size without $top', async () => {
    const res = await graph(sim, token, '/beta/deviceManagement/configurationPolicies');
    expect(res.body.value).toHaveLength(10);
    expect(res.body['@odata.nextLink']).toBeDefined();
  });

  it('filters with displayName/name eq, isBuiltIn eq false and isof(), and rejects an unparsable filter with 400', async () => {
    const one = sim.tenant(DEMO_TENANT.tenantId).list('deviceManagement/configurationPolicies')[3].entity;
    const byName = await graph(
      sim,
      token,
      `/beta/deviceManagement/configurationPolicies?$filter=name eq '${String(one.name)}'`,
    );
    expect(byName.body.value.map((x: { id: string }) => x.id)).toEqual([one.id]);
    const custom = await graph(
      sim,
      token,
      '/beta/deviceManagement/roleDefinitions?$filter=isBuiltIn eq false&$top=999',
    );
    expect(custom.body.value.length).toBe(21);
    const win32 = await graph(
      sim,
      token,
      "/beta/deviceAppManagement/mobileApps?$filter=isof('microsoft.graph.win32LobApp')&$top=999",
    );
    expect(win32.body.value.length).toBeGreaterThan(0);
    expect(
      win32.body.value.every((x: Record<string, string>) => x['@odata.type'] === '#microsoft.graph.win32LobApp'),
    ).toBe(true);
    const bad = await graph(sim, token, '/beta/deviceManagement/configurationPolicies?$filter=name eq');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BadRequest');
  });

  it('omits sub-resources without $expand and inlines them with it; GET /{id}/assignments and /settings page', async () => {
    const policy = sim.tenant(DEMO_TENANT.tenantId).list('deviceManagement/configurationPolicies')[1];
    const plain = await graph(sim, token, `/beta/deviceManagement/configurationPolicies/${String(policy.entity.id)}`);
    expect(plain.body).not.toHaveProperty('settings');
    const expanded = await graph(
      sim,
      token,
      `/beta/deviceManagement/configurationPolicies/${String(policy.entity.id)}?$expand=settings,assignments`,
    );
    expect(expanded.body.settings).toHaveLength(2);
    expect(expanded.body.assignments).toEqual(policy.subs.assignments);
    const settings = await graph(
      sim,
      token,
      `/beta/deviceManagement/configurationPolicies/${String(policy.entity.id)}/settings?$top=1`,
    );
    expect(settings.body.value).toHaveLength(1);
    expect(settings.body['@odata.nextLink']).toContain('$skiptoken=');
    const assignments = await graph(
      sim,
      token,
      `/beta/deviceManagement/configurationPolicies/${String(policy.entity.id)}/assignments`,
    );
    expect(assignments.status).toBe(200);
  });

  it('answers GET …/scheduledActionsForRule as a navigation path with 400, as Graph does', async () => {
    const policy = sim.tenant(DEMO_TENANT.tenantId).list('deviceManagement/deviceCompliancePolicies')[0];
    const res = await graph(
      sim,
      token,
      `/beta/deviceManagement/deviceCompliancePolicies/${String(policy.entity.id)}/scheduledActionsForRule`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('No method match route template');
  });

  it('returns 404 ResourceNotFound for an unknown id and 400 for an unknown segment', async () => {
    const missing = await graph(
      sim,
      token,
      '/beta/deviceManagement/deviceConfigurations/00000000-0000-0000-0000-000000000000',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('ResourceNotFound');
    const unknown = await graph(sim, token, '/beta/deviceManagement/notACollection');
    expect(unknown.status).toBe(400);
  });

  it('rejects calls without or with a foreign token with 401 InvalidAuthenticationToken and Graph headers', async () => {
    const res = await graph(sim, null, '/beta/deviceManagement/deviceConfigurations', {
      headers: { 'client-request-id': 'abc-123' },
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('InvalidAuthenticationToken');
    expect(res.body.error.innerError).toMatchObject({
      'request-id': expect.any(String),
      'client-request-id': 'abc-123',
      date: expect.any(String),
    });
    expect(res.headers.get('request-id')).toBeTruthy();
    expect(res.headers.get('client-request-id')).toBe('abc-123');
    const userToken = await sim.issueUserToken(DEMO_TENANT.tenantId, DEMO_TENANT.upn);
    expect((await graph(sim, userToken, '/v1.0/organization')).status).toBe(401);
  });

  it('returns 403 Forbidden with Graph error body when the app lacks the permission', async () => {
    const t = sim.addTenant({ apps: [{ roles: ['DeviceManagementConfiguration.Read.All'] }] });
    const limited = await appToken(sim, t.tenantId);
    expect((await graph(sim, limited, '/beta/deviceManagement/deviceConfigurations')).status).toBe(200);
    const scripts = await graph(sim, limited, '/beta/deviceManagement/deviceManagementScripts');
    expect(scripts.status).toBe(403);
    expect(scripts.body.error).toMatchObject({ code: 'Forbidden', innerError: { 'request-id': expect.any(String) } });
    expect(scripts.body.error.message).toContain('DeviceManagementScripts.Read.All');
    const write = await graph(sim, limited, '/beta/deviceManagement/deviceConfigurations', {
      method: 'POST',
      body: { '@odata.type': '#microsoft.graph.windows10CustomConfiguration', displayName: 'x' },
    });
    expect(write.status).toBe(403);
    expect((await graph(sim, limited, '/v1.0/groups')).status).toBe(403);
    expect((await graph(sim, limited, '/v1.0/organization')).status).toBe(200);
  });

  it('returns 403 for a granted permission withheld by the missingPermissions fault', async () => {
    sim.setFaults(DEMO_TENANT.tenantId, {
      missingPermissions: ['DeviceManagementApps.Read.All', 'DeviceManagementApps.ReadWrite.All'],
    });
    const fresh = await appToken(sim);
    const res = await graph(sim, fresh, '/beta/deviceAppManagement/mobileApps');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('Forbidden');
    sim.setFaults(DEMO_TENANT.tenantId, { missingPermissions: [] });
    expect((await graph(sim, fresh, '/beta/deviceAppManagement/mobileApps')).status).toBe(200);
  });

  it('requires ConsistencyLevel: eventual for groups $search (400 Request_UnsupportedQuery) and then matches word prefixes', async () => {
    const without = await graph(sim, token, '/v1.0/groups?$search="displayName:pilot"');
    expect(without.status).toBe(400);
    expect(without.body.error.code).toBe('Request_UnsupportedQuery');
    const res = await graph(sim, token, '/v1.0/groups?$search="displayName:pil"&$count=true&$top=999', {
      headers: { ConsistencyLevel: 'eventual' },
    });
    expect(res.status).toBe(200);
    const expected = sim.tenant(DEMO_TENANT.tenantId).groups.filter((g) => /(^|-)Pilot-/.test(g.displayName));
    expect(expected.length).toBeGreaterThan(0);
    expect(res.body['@odata.count']).toBe(expected.length);
    expect(res.body.value.map((g: { displayName: string }) => g.displayName).sort()).toEqual(
      expected.map((g) => g.displayName).sort(),
    );
  });

  it('serves groups with $select and $filter, rejects $top over 999', async () => {
    const res = await graph(
      sim,
      token,
      '/v1.0/groups?$select=displayName,securityEnabled&$filter=securityEnabled eq true&$top=999',
    );
    expect(res.body.value.length).toBeGreaterThan(0);
    expect(Object.keys(res.body.value[0]).sort()).toEqual(['displayName', 'id', 'securityEnabled']);
    expect((await graph(sim, token, '/v1.0/groups?$top=1000')).status).toBe(400);
  });

  it('returns the tenant organization for any valid app token of the tenant', async () => {
    const res = await graph(sim, token, '/v1.0/organization');
    expect(res.body.value).toEqual([
      expect.objectContaining({
        id: DEMO_TENANT.tenantId,
        displayName: DEMO_TENANT.displayName,
        verifiedDomains: [expect.objectContaining({ name: DEMO_TENANT.domain, isDefault: true })],
      }),
    ]);
  });

  it('lists managedAppPolicies as the union of all app protection policies', async () => {
    const res = await graph(sim, token, '/beta/deviceAppManagement/managedAppPolicies?$top=999');
    expect(res.body.value).toHaveLength(23 * 3);
  });
});
