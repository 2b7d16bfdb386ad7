import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { errorCodes, MSP_TID, PLATFORM_ADMIN, startAccessHarness, type AccessHarness } from '../tenants/access-fixture';

const MEMBERS = `query($t: ID!) { tenantMembers(tenantId: $t) { userUpn userId role grantedBy } }`;
const GRANT = `mutation($t: ID!, $u: String!, $r: TenantRole!) { grantTenantAccess(tenantId: $t, userUpn: $u, role: $r) { userUpn role } }`;
const REVOKE = `mutation($t: ID!, $u: String!) { revokeTenantAccess(tenantId: $t, userUpn: $u) }`;

describe('tenant memberships', () => {
  let h: AccessHarness;
  let db: DataSource;
  beforeAll(async () => {
    h = await startAccessHarness();
    db = h.app.app.get(DataSource);
  });
  afterAll(() => h.close());

  it('a granted user sees the tenant (by UPN, case-insensitive) and nothing else', async () => {
    const a = await h.registerTenant();
    const b = await h.registerTenant();
    await h.grant(a.id, 'Mixed.Case@Msp.test', 'VIEWER');
    const res = await h.call('mixed.case@msp.test', `{ tenants { id myRole } }`);
    expect(res.data!.tenants).toEqual([{ id: a.id, myRole: 'VIEWER' }]);
    expect(
      errorCodes(await h.call('mixed.case@msp.test', `query($id: ID!) { tenant(id: $id) { id } }`, { id: b.id })),
    ).toEqual(['NOT_FOUND']);
  });

  it('binds a grant to the identity that first signs in with the UPN; a recycled UPN gets nothing', async () => {
    const t = await h.registerTenant();
    await h.grant(t.id, 'bind.me@msp.test', 'VIEWER');
    expect((await h.call('bind.me@msp.test', `{ tenants { id } }`)).data!.tenants).toHaveLength(1);
    const members = await h.call(PLATFORM_ADMIN, MEMBERS, { t: t.id });
    expect(members.data!.tenantMembers[0].userId).toMatch(new RegExp(`^${MSP_TID}:`));
    const impostor = await h.issuer.userToken({ tid: MSP_TID, oid: randomUUID(), upn: 'bind.me@msp.test' });
    const { gql } = await import('../../support/graphql-client');
    expect((await gql(h.app.url, `{ tenants { id } }`, {}, impostor)).data!.tenants).toEqual([]);
  });

  it('grant changes a role, revoke removes it, both are audited in the same transaction', async () => {
    const t = await h.registerTenant();
    await h.call(PLATFORM_ADMIN, GRANT, { t: t.id, u: 'role.change@msp.test', r: 'VIEWER' });
    const changed = await h.call(PLATFORM_ADMIN, GRANT, { t: t.id, u: 'role.change@msp.test', r: 'OPERATOR' });
    expect(changed.data!.grantTenantAccess).toEqual({ userUpn: 'role.change@msp.test', role: 'OPERATOR' });
    expect((await h.call(PLATFORM_ADMIN, MEMBERS, { t: t.id })).data!.tenantMembers).toHaveLength(1);
    expect(
      (await h.call(PLATFORM_ADMIN, REVOKE, { t: t.id, u: 'role.change@msp.test' })).data!.revokeTenantAccess,
    ).toBe(true);
    expect(errorCodes(await h.call(PLATFORM_ADMIN, REVOKE, { t: t.id, u: 'role.change@msp.test' }))).toEqual([
      'NOT_FOUND',
    ]);
    expect((await h.call('role.change@msp.test', `{ tenants { id } }`)).data!.tenants).toEqual([]);
    const rows = await db.query(
      `SELECT action, metadata FROM audit_events WHERE tenant_id = $1 AND action LIKE 'access.%' ORDER BY seq`,
      [t.id],
    );
    expect(rows.map((r: { action: string }) => r.action)).toEqual([
      'access.granted',
      'access.granted',
      'access.revoked',
    ]);
    expect(rows[1].metadata).toMatchObject({ role: 'operator', previousRole: 'viewer' });
  });

  it.each([
    ['userUpn', { u: 'not an upn' }],
    ['role', { r: 'OWNER' }],
  ])('rejects a bad %s', async (field, patch) => {
    const t = await h.registerTenant();
    const res = await h.call(PLATFORM_ADMIN, GRANT, { t: t.id, u: 'ok@msp.test', r: 'VIEWER', ...patch });
    expect(errorCodes(res)[0]).toMatch(/BAD_USER_INPUT/);
    if (field === 'userUpn') expect(res.errors![0].extensions!.field).toBe('userUpn');
  });

  it('platform admins come from ADMIN_UPNS and see every tenant', async () => {
    const t = await h.registerTenant();
    const res = await h.call(PLATFORM_ADMIN, `{ tenants { id myRole } }`);
    expect(res.data!.tenants).toContainEqual({ id: t.id, myRole: 'ADMIN' });
  });
});
