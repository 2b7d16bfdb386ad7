import { DEMO_TENANT, startGraphSimulator, type GraphSimulator } from './index';
import { appToken, graph } from './test-helpers';

const blockAction = [
  {
    ruleName: 'PasswordRequired',
    scheduledActionConfigurations: [{ actionType: 'block', gracePeriodHours: 0, notificationTemplateId: '' }],
  },
];

describe('Graph writes', () => {
  let sim: GraphSimulator;
  let token: string;
  const dm = '/beta/deviceManagement';

  beforeAll(async () => {
    sim = await startGraphSimulator({ syntheticPerType: 2 });
    token = await appToken(sim);
  });
  afterAll(() => sim.close());

  it('POST creates with a new id, timestamps and version 1 (201); PATCH bumps version and answers 204 for deviceConfigurations', async () => {
    const created = await graph(sim, token, `${dm}/deviceConfigurations`, {
      method: 'POST',
      body: { '@odata.type': '#microsoft.graph.windows10CustomConfiguration', displayName: 'New', omaSettings: [] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      '@odata.type': '#microsoft.graph.windows10CustomConfiguration',
      displayName: 'New',
      version: 1,
      roleScopeTagIds: ['0'],
    });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body.createdDateTime).toBe(created.body.lastModifiedDateTime);
    const patched = await graph(sim, token, `${dm}/deviceConfigurations/${created.body.id}`, {
      method: 'PATCH',
      body: { '@odata.type': '#microsoft.graph.windows10CustomConfiguration', description: 'changed' },
    });
    expect(patched.status).toBe(204);
    const read = await graph(sim, token, `${dm}/deviceConfigurations/${created.body.id}`);
    expect(read.body).toMatchObject({ description: 'changed', version: 2 });
  });

  it('PATCH answers 200 with the entity for other collections', async () => {
    const created = await graph(sim, token, `${dm}/assignmentFilters`, {
      method: 'POST',
      body: { displayName: 'F', platform: 'windows10AndLater', rule: '(device.osVersion -startsWith "10")' },
    });
    const patched = await graph(sim, token, `${dm}/assignmentFilters/${created.body.id}`, {
      method: 'PATCH',
      body: { description: 'd' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: created.body.id, description: 'd' });
  });

  it('rejects a body with a read-only property with 400 BadRequest naming it', async () => {
    const existing = sim.tenant(DEMO_TENANT.tenantId).list('deviceManagement/deviceConfigurations')[0].entity;
    for (const field of ['id', 'createdDateTime', 'lastModifiedDateTime', 'version', 'supportsScopeTags']) {
      const res = await graph(sim, token, `${dm}/deviceConfigurations/${String(existing.id)}`, {
        method: 'PATCH',
        body: { [field]: existing[field] ?? 'x' },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BadRequest');
      expect(res.body.error.message).toContain(`'${field}'`);
    }
    const policy = sim.tenant(DEMO_TENANT.tenantId).list('deviceManagement/configurationPolicies')[0].entity;
    const put = await graph(sim, token, `${dm}/configurationPolicies/${String(policy.id)}`, {
      method: 'PUT',
      body: { name: 'x', settingCount: 2, settings: [] },
    });
    expect(put.status).toBe(400);
    expect(put.body.error.message).toContain("'settingCount'");
  });

  it('refuses a compliance policy without exactly one block scheduled action', async () => {
    const base = {
      '@odata.type': '#microsoft.graph.windows10CompliancePolicy',
      displayName: 'C',
      passwordRequired: true,
    };
    const none = await graph(sim, token, `${dm}/deviceCompliancePolicies`, { method: 'POST', body: base });
    expect(none.status).toBe(400);
    expect(none.body.error.message).toBe('Compliance policy must have one and only one block scheduled action');
    const ok = await graph(sim, token, `${dm}/deviceCompliancePolicies`, {
      method: 'POST',
      body: { ...base, scheduledActionsForRule: blockAction },
    });
    expect(ok.status).toBe(201);
    const read = await graph(
      sim,
      token,
      `${dm}/deviceCompliancePolicies/${ok.body.id}?$expand=scheduledActionsForRule($expand=scheduledActionConfigurations)`,
    );
    expect(read.body.scheduledActionsForRule[0].scheduledActionConfigurations[0]).toMatchObject({
      actionType: 'block',
      id: expect.any(String),
    });
  });

  it('requires @odata.type when creating a polymorphic type', async () => {
    const res = await graph(sim, token, `${dm}/deviceConfigurations`, {
      method: 'POST',
      body: { displayName: 'no type' },
    });
    expect(res.status).toBe(400);
  });

  it('settings catalog: POST stores settings inline, PATCH refuses settings, PUT replaces the whole policy (204)', async () => {
    const setting = (v: string) => ({
      '@odata.type': '#microsoft.graph.deviceManagementConfigurationSetting',
      settingInstance: {
        '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance',
        settingDefinitionId: 'def',
        choiceSettingValue: { value: v, children: [] },
      },
    });
    const created = await graph(sim, token, `${dm}/configurationPolicies`, {
      method: 'POST',
      body: { name: 'SC', platforms: 'windows10', technologies: 'mdm', settings: [setting('a'), setting('b')] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'SC', settingCount: 2 });
    expect(created.body).not.toHaveProperty('settings');
    const id = created.body.id;
    expect(
      (await graph(sim, token, `${dm}/configurationPolicies/${id}`, { method: 'PATCH', body: { settings: [] } }))
        .status,
    ).toBe(400);
    const put = await graph(sim, token, `${dm}/configurationPolicies/${id}`, {
      method: 'PUT',
      body: { name: 'SC v2', platforms: 'windows10', technologies: 'mdm', settings: [setting('c')] },
    });
    expect(put.status).toBe(204);
    const read = await graph(sim, token, `${dm}/configurationPolicies/${id}?$expand=settings`);
    expect(read.body).toMatchObject({
      id,
      name: 'SC v2',
      settingCount: 1,
      createdDateTime: created.body.createdDateTime,
    });
    expect(
      read.body.settings.map(
        (s: { settingInstance: { choiceSettingValue: { value: string } } }) =>
          s.settingInstance.choiceSettingValue.value,
      ),
    ).toEqual(['c']);
  });

  it('assign replaces the whole assignment set; status and body key per collection', async () => {
    const target = (groupId: string) => ({
      target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId },
    });
    const policy = sim.tenant(DEMO_TENANT.tenantId).list('deviceManagement/configurationPolicies')[0].entity
      .id as string;
    const first = await graph(sim, token, `${dm}/configurationPolicies/${policy}/assign`, {
      method: 'POST',
      body: { assignments: [target('g1'), target('g2')] },
    });
    expect(first.status).toBe(200);
    expect(first.body.value).toHaveLength(2);
    const again = await graph(sim, token, `${dm}/configurationPolicies/${policy}/assign`, {
      method: 'POST',
      body: { assignments: [target('g3')] },
    });
    expect(again.body.value.map((a: { target: { groupId: string } }) => a.target.groupId)).toEqual(['g3']);
    const listed = await graph(sim, token, `${dm}/configurationPolicies/${policy}/assignments`);
    expect(listed.body.value).toHaveLength(1);
    expect(
      (
        await graph(sim, token, `${dm}/configurationPolicies/${policy}/assign`, {
          method: 'POST',
          body: { assignments: [] },
        })
      ).body.value,
    ).toEqual([]);

    const script = sim.tenant(DEMO_TENANT.tenantId).list('deviceManagement/deviceManagementScripts')[0].entity
      .id as string;
    expect(
      (
        await graph(sim, token, `${dm}/deviceManagementScripts/${script}/assign`, {
          method: 'POST',
          body: { deviceManagementScriptAssignments: [target('g1')] },
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await graph(sim, token, `${dm}/deviceManagementScripts/${script}/assign`, {
          method: 'POST',
          body: { assignments: [target('g1')] },
        })
      ).status,
    ).toBe(400);
    const health = sim.tenant(DEMO_TENANT.tenantId).list('deviceManagement/deviceHealthScripts')[0].entity.id as string;
    expect(
      (
        await graph(sim, token, `${dm}/deviceHealthScripts/${health}/assign`, {
          method: 'POST',
          body: { deviceHealthScriptAssignments: [{ ...target('g1'), runRemediationScript: true }] },
        })
      ).status,
    ).toBe(204);
    const app = sim.tenant(DEMO_TENANT.tenantId).list('deviceAppManagement/mobileApps')[0].entity.id as string;
    expect(
      (
        await graph(sim, token, `/beta/deviceAppManagement/mobileApps/${app}/assign`, {
          method: 'POST',
          body: { mobileAppAssignments: [{ intent: 'required', ...target('g1') }] },
        })
      ).status,
    ).toBe(204);
    const mam = sim.tenant(DEMO_TENANT.tenantId).list('deviceAppManagement/iosManagedAppProtections')[0].entity
      .id as string;
    expect(
      (
        await graph(sim, token, `/beta/deviceAppManagement/iosManagedAppProtections/${mam}/assign`, {
          method: 'POST',
          body: { assignments: [target('g1')] },
        })
      ).status,
    ).toBe(204);
    const read = await graph(
      sim,
      token,
      `/beta/deviceAppManagement/iosManagedAppProtections/${mam}?$expand=assignments`,
    );
    expect(read.body).toMatchObject({
      isAssigned: true,
      assignments: [expect.objectContaining({ target: expect.objectContaining({ groupId: 'g1' }) })],
    });
  });

  it('autopilot: POST /{id}/assignments adds one target (201)', async () => {
    const profile = sim.tenant(DEMO_TENANT.tenantId).list('deviceManagement/windowsAutopilotDeploymentProfiles')[0];
    const before = profile.subs.assignments?.length ?? 0;
    const res = await graph(
      sim,
      token,
      `${dm}/windowsAutopilotDeploymentProfiles/${String(profile.entity.id)}/assignments`,
      { method: 'POST', body: { target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId: 'g9' } } },
    );
    expect(res.status).toBe(201);
    expect(res.body.id).toBeDefined();
    expect(profile.subs.assignments).toHaveLength(before + 1);
  });

  it('DELETE removes (204) and a later GET is 404', async () => {
    const tag = await graph(sim, token, `${dm}/roleScopeTags`, { method: 'POST', body: { displayName: 'temp' } });
    expect((await graph(sim, token, `${dm}/roleScopeTags/${tag.body.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await graph(sim, token, `${dm}/roleScopeTags/${tag.body.id}`)).status).toBe(404);
    expect((await graph(sim, token, `${dm}/roleScopeTags/${tag.body.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('string versions (remediations) count up and app-protection etags change on update', async () => {
    const health = sim.tenant(DEMO_TENANT.tenantId).list('deviceManagement/deviceHealthScripts')[1].entity;
    const before = Number(health.version);
    expect(
      (
        await graph(sim, token, `${dm}/deviceHealthScripts/${String(health.id)}`, {
          method: 'PATCH',
          body: { description: 'x' },
        })
      ).status,
    ).toBe(200);
    expect(health.version).toBe(String(before + 1));
    const mam = sim.tenant(DEMO_TENANT.tenantId).list('deviceAppManagement/androidManagedAppProtections')[0].entity;
    const etag = mam.version;
    await graph(sim, token, `/beta/deviceAppManagement/androidManagedAppProtections/${String(mam.id)}`, {
      method: 'PATCH',
      body: { description: 'x' },
    });
    expect(mam.version).not.toBe(etag);
  });
});

describe('Graph writes restore relies on', () => {
  let sim: GraphSimulator;
  let token: string;
  const dm = '/beta/deviceManagement';
  const tid = DEMO_TENANT.tenantId;

  beforeAll(async () => {
    sim = await startGraphSimulator({ syntheticPerType: 1 });
    token = await appToken(sim);
  });
  afterAll(() => sim.close());

  const withFilter = (filterId: string) => ({
    target: {
      '@odata.type': '#microsoft.graph.groupAssignmentTarget',
      groupId: '11111111-1111-1111-1111-111111111111',
      deviceAndAppManagementAssignmentFilterId: filterId,
      deviceAndAppManagementAssignmentFilterType: 'include',
    },
  });

  it('assign: an unknown filter id is a 400, an unknown group id is accepted, a known filter is kept', async () => {
    const policy = String(sim.tenant(tid).list('deviceManagement/configurationPolicies')[0].entity.id);
    const bad = await graph(sim, token, `${dm}/configurationPolicies/${policy}/assign`, {
      method: 'POST',
      body: { assignments: [withFilter('22222222-2222-2222-2222-222222222222')] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BadRequest');
    expect(bad.body.error.message).toContain('22222222-2222-2222-2222-222222222222');
    const filter = await graph(sim, token, `${dm}/assignmentFilters`, {
      method: 'POST',
      body: { displayName: 'Corp', platform: 'windows10AndLater', rule: '(device.model -eq "x")' },
    });
    const good = await graph(sim, token, `${dm}/configurationPolicies/${policy}/assign`, {
      method: 'POST',
      body: { assignments: [withFilter(filter.body.id)] },
    });
    expect(good.status).toBe(200);
    expect(good.body.value[0].target.deviceAndAppManagementAssignmentFilterId).toBe(filter.body.id);
    const profile = String(sim.tenant(tid).list('deviceManagement/windowsAutopilotDeploymentProfiles')[0].entity.id);
    const perTarget = await graph(sim, token, `${dm}/windowsAutopilotDeploymentProfiles/${profile}/assignments`, {
      method: 'POST',
      body: withFilter('33333333-3333-3333-3333-333333333333'),
    });
    expect(perTarget.status).toBe(400);
  });

  it('fails exactly the N-th write with 500 and counts writes', async () => {
    sim.resetStats();
    sim.setFaults(tid, { failNthWrite: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await graph(sim, token, `${dm}/roleScopeTags`, { method: 'POST', body: { displayName: `t${i}` } });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 500, 201]);
    expect(sim.stats(tid).writes).toBe(3);
  });

  it('stores Windows privacy access controls posted to their action', async () => {
    const created = await graph(sim, token, `${dm}/deviceConfigurations`, {
      method: 'POST',
      body: { '@odata.type': '#microsoft.graph.windows10GeneralConfiguration', displayName: 'General' },
    });
    const controls = [{ dataCategory: 'camera', appPackageFamilyName: null, accessLevel: 'forceDeny' }];
    const res = await graph(sim, token, `${dm}/deviceConfigurations/${created.body.id}/windowsPrivacyAccessControls`, {
      method: 'POST',
      body: { windowsPrivacyAccessControls: controls },
    });
    expect(res.status).toBe(204);
    const read = await graph(sim, token, `${dm}/deviceConfigurations/${created.body.id}`);
    expect(read.body.privacyAccessControls).toEqual(controls);
  });

  it("'alternate' sends Retry-After on every other 429", async () => {
    sim.setThrottle({ enabled: true, windowMs: 60_000, maxRequests: 1, retryAfterMode: 'alternate' });
    try {
      await graph(sim, token, `${dm}/roleScopeTags`);
      const first = await graph(sim, token, `${dm}/roleScopeTags`);
      const second = await graph(sim, token, `${dm}/roleScopeTags`);
      expect([first.status, second.status]).toEqual([429, 429]);
      expect([first.headers.get('retry-after') !== null, second.headers.get('retry-after') !== null].sort()).toEqual([
        false,
        true,
      ]);
    } finally {
      sim.setThrottle({ enabled: false });
    }
  });
});
