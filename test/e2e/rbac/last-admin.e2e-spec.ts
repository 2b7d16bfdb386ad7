import { errorCodes, PLATFORM_ADMIN, startAccessHarness, type AccessHarness } from '../tenants/access-fixture';

const MEMBERS = `query($t: ID!) { tenantMembers(tenantId: $t) { userUpn role } }`;
const GRANT = `mutation($t: ID!, $u: String!, $r: TenantRole!) { grantTenantAccess(tenantId: $t, userUpn: $u, role: $r) { role } }`;
const REVOKE = `mutation($t: ID!, $u: String!) { revokeTenantAccess(tenantId: $t, userUpn: $u) }`;

/** A tenant that has admins always keeps one: nobody can revoke or demote the last, not even two at once. */
describe('the last admin of a tenant', () => {
  let h: AccessHarness;
  beforeAll(async () => {
    h = await startAccessHarness();
  });
  afterAll(() => h.close());

  const members = async (tenantId: string) =>
    (await h.call(PLATFORM_ADMIN, MEMBERS, { t: tenantId })).data!.tenantMembers as Array<{
      userUpn: string;
      role: string;
    }>;

  it('cannot revoke themselves (CONFLICT), and stays a member', async () => {
    const t = await h.registerTenant();
    await h.grant(t.id, 'only.admin@msp.test', 'ADMIN');
    const res = await h.call('only.admin@msp.test', REVOKE, { t: t.id, u: 'only.admin@msp.test' });
    expect(errorCodes(res)).toEqual(['CONFLICT']);
    expect(res.errors![0].message).toMatch(/last admin/);
    expect(res.errors![0].extensions!.field).toBe('userUpn');
    expect(await members(t.id)).toEqual([{ userUpn: 'only.admin@msp.test', role: 'ADMIN' }]);
  });

  it('cannot be revoked or demoted by a platform admin either', async () => {
    const t = await h.registerTenant();
    await h.grant(t.id, 'last.one@msp.test', 'ADMIN');
    await h.grant(t.id, 'a.viewer@msp.test', 'VIEWER');
    expect(errorCodes(await h.call(PLATFORM_ADMIN, REVOKE, { t: t.id, u: 'last.one@msp.test' }))).toEqual(['CONFLICT']);
    expect(errorCodes(await h.call(PLATFORM_ADMIN, GRANT, { t: t.id, u: 'last.one@msp.test', r: 'OPERATOR' }))).toEqual(
      ['CONFLICT'],
    );
    expect(await members(t.id)).toContainEqual({ userUpn: 'last.one@msp.test', role: 'ADMIN' });
  });

  it('can leave once another admin exists, and members of a tenant without admins can still be revoked', async () => {
    const t = await h.registerTenant();
    await h.grant(t.id, 'first.admin@msp.test', 'ADMIN');
    await h.grant(t.id, 'second.admin@msp.test', 'ADMIN');
    expect((await h.call('first.admin@msp.test', REVOKE, { t: t.id, u: 'first.admin@msp.test' })).data).toEqual({
      revokeTenantAccess: true,
    });
    const noAdmins = await h.registerTenant();
    await h.grant(noAdmins.id, 'just.viewer@msp.test', 'VIEWER');
    expect((await h.call(PLATFORM_ADMIN, REVOKE, { t: noAdmins.id, u: 'just.viewer@msp.test' })).data).toEqual({
      revokeTenantAccess: true,
    });
  });

  it('of two admins revoked at the same time, exactly one goes (five rounds)', async () => {
    for (let round = 0; round < 5; round++) {
      const t = await h.registerTenant();
      await h.grant(t.id, 'race.a@msp.test', 'ADMIN');
      await h.grant(t.id, 'race.b@msp.test', 'ADMIN');
      const results = await Promise.all([
        h.call(PLATFORM_ADMIN, REVOKE, { t: t.id, u: 'race.a@msp.test' }),
        h.call(PLATFORM_ADMIN, REVOKE, { t: t.id, u: 'race.b@msp.test' }),
      ]);
      expect(results.map((r) => (r.data?.revokeTenantAccess ? 'revoked' : errorCodes(r)[0])).sort()).toEqual([
        'CONFLICT',
        'revoked',
      ]);
      expect((await members(t.id)).filter((m) => m.role === 'ADMIN')).toHaveLength(1);
    }
  });

  it('of two admins, one demoted while the other is revoked, exactly one change happens', async () => {
    const t = await h.registerTenant();
    await h.grant(t.id, 'mix.a@msp.test', 'ADMIN');
    await h.grant(t.id, 'mix.b@msp.test', 'ADMIN');
    const [demoted, revoked] = await Promise.all([
      h.call(PLATFORM_ADMIN, GRANT, { t: t.id, u: 'mix.a@msp.test', r: 'VIEWER' }),
      h.call(PLATFORM_ADMIN, REVOKE, { t: t.id, u: 'mix.b@msp.test' }),
    ]);
    expect([errorCodes(demoted), errorCodes(revoked)].flat()).toEqual(['CONFLICT']);
    expect((await members(t.id)).filter((m) => m.role === 'ADMIN')).toHaveLength(1);
  });
});
