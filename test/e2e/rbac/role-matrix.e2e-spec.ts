import { errorCodes, startAccessHarness, type AccessHarness } from '../tenants/access-fixture';

/** What each role may do on its own tenant. Anything outside the role is FORBIDDEN (the tenant is visible). */
describe('role matrix', () => {
  let h: AccessHarness;
  let tenantId: string;
  beforeAll(async () => {
    h = await startAccessHarness();
    tenantId = (await h.registerTenant()).id;
    await h.grant(tenantId, 'viewer@msp.test', 'VIEWER');
    await h.grant(tenantId, 'operator@msp.test', 'OPERATOR');
    await h.grant(tenantId, 'admin@msp.test', 'ADMIN');
  });
  afterAll(() => h.close());

  const ops: Record<
    string,
    { needs: 'viewer' | 'operator' | 'admin'; query: string; vars: () => Record<string, unknown> }
  > = {
    readTenant: { needs: 'viewer', query: `query($t: ID!) { tenant(id: $t) { id } }`, vars: () => ({ t: tenantId }) },
    verifyTenant: {
      needs: 'operator',
      query: `mutation($t: ID!) { verifyTenant(tenantId: $t) { id } }`,
      vars: () => ({ t: tenantId }),
    },
    searchDirectoryGroups: {
      needs: 'operator',
      query: `query($t: ID!) { searchDirectoryGroups(tenantId: $t, query: "x") { id } }`,
      vars: () => ({ t: tenantId }),
    },
    updateTenantCredentials: {
      needs: 'admin',
      query: `mutation($t: ID!) { updateTenantCredentials(input: { tenantId: $t, clientSecret: "rotated" }) { id } }`,
      vars: () => ({ t: tenantId }),
    },
    tenantMembers: {
      needs: 'admin',
      query: `query($t: ID!) { tenantMembers(tenantId: $t) { userUpn } }`,
      vars: () => ({ t: tenantId }),
    },
    grantTenantAccess: {
      needs: 'admin',
      query: `mutation($t: ID!) { grantTenantAccess(tenantId: $t, userUpn: "new@msp.test", role: VIEWER) { id } }`,
      vars: () => ({ t: tenantId }),
    },
    auditEvents: {
      needs: 'admin',
      query: `query($t: ID!) { auditEvents(tenantId: $t) { edges { node { action } } } }`,
      vars: () => ({ t: tenantId }),
    },
    renameTenant: {
      needs: 'admin',
      query: `mutation($t: ID!) { renameTenant(id: $t, displayName: "Still Contoso") { id } }`,
      vars: () => ({ t: tenantId }),
    },
  };
  const RANK = { viewer: 0, operator: 1, admin: 2 } as const;
  const cases = (['viewer', 'operator', 'admin'] as const).flatMap((role) =>
    Object.keys(ops).map((op) => [role, op] as const),
  );

  it.each(cases)('%s → %s', async (role, op) => {
    const { needs, query, vars } = ops[op];
    const res = await h.call(`${role}@msp.test`, query, vars());
    const reasons = (res.errors ?? []).map((e) => e.extensions?.reason);
    if (RANK[role] < RANK[needs]) {
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
      expect(reasons).toEqual(['insufficient_role']);
    } else {
      expect(reasons).not.toContain('insufficient_role'); // e.g. group search may still need delegated consent
      expect(errorCodes(res)).not.toContain('NOT_FOUND');
    }
  });

  it('records refused attempts on an existing tenant in its audit trail', async () => {
    const res = await h.call(
      'admin@msp.test',
      `query($t: ID!) { auditEvents(tenantId: $t, filter: { actions: ["access.denied"] }, first: 100) { edges { node { actorUpn metadataJson } } } }`,
      { t: tenantId },
    );
    const denied = res.data!.auditEvents.edges.map((e: { node: { actorUpn: string } }) => e.node.actorUpn);
    expect(denied).toEqual(expect.arrayContaining(['viewer@msp.test', 'operator@msp.test']));
  });
});
