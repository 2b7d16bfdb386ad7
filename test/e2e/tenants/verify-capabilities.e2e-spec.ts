import { randomUUID } from 'node:crypto';
import { startGraphSimulator, type GraphSimulator } from '../../../src/graph-simulator';
import {
  errorCodes,
  PLATFORM_ADMIN,
  startAccessHarness,
  TENANT_FIELDS,
  waitForRun,
  type AccessHarness,
} from './access-fixture';

const READ_ONLY = [
  'DeviceManagementConfiguration.Read.All',
  'DeviceManagementScripts.Read.All',
  'DeviceManagementServiceConfig.Read.All',
  'DeviceManagementRBAC.Read.All',
  'DeviceManagementApps.Read.All',
  'Group.Read.All',
];

/** tenant.verify against the Graph simulator: real MSAL, real HTTP, one scenario per way a connection can be. */
describe('tenant verify', () => {
  let sim: GraphSimulator;
  let h: AccessHarness;

  beforeAll(async () => {
    sim = await startGraphSimulator({ tenants: [{ displayName: 'Unused' }] });
    h = await startAccessHarness({
      GRAPH_BASE_URL: sim.url,
      GRAPH_TOKEN_ENDPOINT_BASE_URL: sim.url,
      GRAPH_MAX_ATTEMPTS: 2,
    });
  });
  afterAll(async () => {
    await h.close();
    await sim.close();
  });

  async function verify(
    app: { roles?: string[]; secretExpiresAt?: string },
    opts: { wrongSecret?: boolean; unknownTenant?: boolean } = {},
  ) {
    const simTenant = sim.addTenant({
      displayName: `Sim ${randomUUID().slice(0, 4)}`,
      apps: [{ roles: app.roles, secretExpiresAt: app.secretExpiresAt }],
    });
    const simApp = simTenant.apps[0];
    const tenant = await h.registerTenant({
      entraTenantId: opts.unknownTenant ? randomUUID() : simTenant.tenantId,
      clientId: simApp.clientId,
      clientSecret: opts.wrongSecret ? 'definitely-not-the-secret' : simApp.clientSecret!,
    });
    const started = await h.call(
      PLATFORM_ADMIN,
      `mutation($t: ID!) { verifyTenant(tenantId: $t) { id type status tenantId } }`,
      { t: tenant.id },
    );
    expect(started.errors).toBeUndefined();
    expect(started.data!.verifyTenant).toMatchObject({ type: 'tenant.verify', tenantId: tenant.id });
    const run = await waitForRun(h, started.data!.verifyTenant.id);
    const read = await h.call(PLATFORM_ADMIN, `query($id: ID!) { tenant(id: $id) { ${TENANT_FIELDS} } }`, {
      id: tenant.id,
    });
    return { run, tenant: read.data!.tenant, simTenant };
  }

  const cap = (
    t: { capabilities: { types: Array<{ typeKey: string; canRead: boolean; canWrite: boolean }> } },
    key: string,
  ) => t.capabilities.types.find((x) => x.typeKey === key);

  it('full permissions: reads /organization and can read and write every restorable type', async () => {
    const { run, tenant, simTenant } = await verify({});
    expect(run.outcome).toBe('SUCCEEDED');
    expect(tenant.verification).toMatchObject({
      status: 'succeeded',
      code: 'ok',
      organizationName: simTenant.displayName,
    });
    expect(tenant.grantedPermissions).toEqual(expect.arrayContaining(['DeviceManagementConfiguration.ReadWrite.All']));
    expect(cap(tenant, 'settingsCatalogPolicy')).toMatchObject({ canRead: true, canWrite: true });
    expect(cap(tenant, 'mobileApp')).toMatchObject({ canRead: true, canWrite: false }); // not restorable
    expect(tenant.capabilities.canReadGroups).toBe(true);
  });

  it('read-only permissions: reads everything, writes nothing', async () => {
    const { run, tenant } = await verify({ roles: READ_ONLY });
    expect(run.outcome).toBe('SUCCEEDED');
    expect(tenant.grantedPermissions).toEqual([...READ_ONLY].sort());
    for (const t of tenant.capabilities.types) expect(t).toMatchObject({ canRead: true, canWrite: false });
    expect(tenant.capabilities).toMatchObject({ canReadGroups: true, canSearchGroups: true });
  });

  it('missing permissions (no admin consent): fails with "Admin consent missing" and no capabilities', async () => {
    const { run, tenant } = await verify({ roles: [] });
    expect(run.outcome).toBe('FAILED');
    expect(run.failures[0]).toMatchObject({
      code: 'consent_missing',
      message: expect.stringMatching(/Admin consent missing/),
    });
    expect(tenant.verification).toMatchObject({ status: 'failed', code: 'consent_missing' });
    expect(tenant.capabilities.types.every((t: { canRead: boolean }) => !t.canRead)).toBe(true);
  });

  it.each([
    ['a wrong secret', {}, { wrongSecret: true }, 'invalid_credentials', /Wrong credential/],
    ['an expired secret', { secretExpiresAt: '2020-01-01T00:00:00Z' }, {}, 'expired_secret', /has expired/],
    ['an unknown tenant', {}, { unknownTenant: true }, 'tenant_not_found', /Unknown tenant/],
  ] as const)('%s gives its own clear failure', async (_name, app, opts, code, message) => {
    const { run, tenant } = await verify(app, opts);
    expect(run.outcome).toBe('FAILED');
    expect(run.failures[0].code).toBe(code);
    expect(run.failures[0].message).toMatch(message);
    expect(tenant.verification.message).toMatch(message);
  });

  it('does not store findings about a credential that was replaced while the verify ran', async () => {
    const simTenant = sim.addTenant({ displayName: `Sim ${randomUUID().slice(0, 4)}`, apps: [{}] });
    const simApp = simTenant.apps[0];
    const tenant = await h.registerTenant({
      entraTenantId: simTenant.tenantId,
      clientId: simApp.clientId,
      clientSecret: simApp.clientSecret!,
    });
    sim.setFaults(simTenant.tenantId, { latencyMs: 1500 }); // the /organization read is slow: room to change the credential
    try {
      const started = await h.call(PLATFORM_ADMIN, `mutation($t: ID!) { verifyTenant(tenantId: $t) { id } }`, {
        t: tenant.id,
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const updated = await h.call(
        PLATFORM_ADMIN,
        `mutation($i: UpdateTenantCredentialsInput!) { updateTenantCredentials(input: $i) { id } }`,
        { i: { tenantId: tenant.id, clientSecret: 'a-brand-new-secret' } },
      );
      expect(updated.errors).toBeUndefined();
      const run = await waitForRun(h, started.data!.verifyTenant.id);
      expect(run.outcome).toBe('FAILED');
      expect(run.failures[0].message).toMatch(/credential was replaced while this verify ran/);
      const read = await h.call(PLATFORM_ADMIN, `query($id: ID!) { tenant(id: $id) { ${TENANT_FIELDS} } }`, {
        id: tenant.id,
      });
      expect(read.data!.tenant.verification).toBeNull();
    } finally {
      sim.setFaults(simTenant.tenantId, { latencyMs: 0 });
    }
  });

  it('archived tenants start no new runs', async () => {
    const t = await h.registerTenant();
    await h.call(PLATFORM_ADMIN, `mutation($id: ID!) { archiveTenant(id: $id) { id } }`, { id: t.id });
    const res = await h.call(PLATFORM_ADMIN, `mutation($t: ID!) { verifyTenant(tenantId: $t) { id } }`, { t: t.id });
    expect(errorCodes(res)).toEqual(['CONFLICT']);
    expect(res.errors![0].message).toMatch(/archived/);
  });
});
