import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { GraphqlResponse } from '../../support/graphql-client';
import { errorCodes, PLATFORM_ADMIN, startAccessHarness, type AccessHarness } from './access-fixture';

/**
 * Nothing half-written when a write fails *inside* its transaction: the audit insert (same transaction as the change)
 * is made to fail by a trigger this file creates in its own database, for marked rows only. The change must roll back
 * with it, and the caller sees INTERNAL with a generic message, no database text and no stack trace.
 */
const FORCED_FAILURE = 'forced audit failure for the rollback test';
const DOOMED_TENANT_NAME = 'Doomed Ltd';
const DOOMED_UPN_PREFIX = 'doomed.';

const REGISTER = `mutation($input: RegisterTenantInput!) { registerTenant(input: $input) { id } }`;
const GRANT = `mutation($t: ID!, $u: String!, $r: TenantRole!) { grantTenantAccess(tenantId: $t, userUpn: $u, role: $r) { id role } }`;

describe('a failure inside a write transaction leaves nothing half-written', () => {
  let h: AccessHarness;
  let db: DataSource;

  beforeAll(async () => {
    h = await startAccessHarness();
    db = h.app.app.get(DataSource);
    // This file's own database (test/support/per-file-isolation.ts): no other test sees the trigger.
    await db.query(`
      CREATE FUNCTION "test_fail_marked_audit_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (NEW.action = 'tenant.registered' AND NEW.metadata->>'displayName' = '${DOOMED_TENANT_NAME}')
          OR (NEW.action = 'access.granted' AND NEW.metadata->>'userUpn' LIKE '${DOOMED_UPN_PREFIX}%' AND NEW.metadata->>'role' = 'admin') THEN
          RAISE EXCEPTION '${FORCED_FAILURE}' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(
      `CREATE TRIGGER "test_fail_marked_audit_insert" BEFORE INSERT ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "test_fail_marked_audit_insert"()`,
    );
  });

  afterAll(async () => {
    await db.query(`DROP TRIGGER IF EXISTS "test_fail_marked_audit_insert" ON "audit_events"`);
    await db.query(`DROP FUNCTION IF EXISTS "test_fail_marked_audit_insert"()`);
    await h.close();
  });

  const expectInternalWithoutDetails = (res: GraphqlResponse) => {
    expect(errorCodes(res)).toEqual(['INTERNAL']);
    const [error] = res.errors!;
    expect(error.message).toBe('Internal server error');
    expect(error.extensions).toEqual({ code: 'INTERNAL' });
    const text = JSON.stringify(res);
    expect(text).not.toContain(FORCED_FAILURE);
    expect(text).not.toMatch(/stack|QueryFailedError|audit_events|\bat .+\.(ts|js):\d+/i);
  };

  it('registerTenant: the audit insert fails after the tenant insert, so the tenant row is rolled back', async () => {
    const entraTenantId = randomUUID();
    const res = await h.call(PLATFORM_ADMIN, REGISTER, {
      input: {
        entraTenantId,
        displayName: DOOMED_TENANT_NAME,
        clientId: randomUUID(),
        clientSecret: `s-${randomUUID()}`,
      },
    });
    expectInternalWithoutDetails(res);
    expect(res.data?.registerTenant ?? null).toBeNull();
    const [written] = await db.query(
      `SELECT (SELECT count(*)::int FROM tenants WHERE entra_tenant_id::text = $1) AS tenants, (SELECT count(*)::int FROM audit_events WHERE metadata->>'entraTenantId' = $1) AS audits`,
      [entraTenantId],
    );
    expect(written).toEqual({ tenants: 0, audits: 0 });

    // Control: the same Entra tenant under another name registers (nothing was left behind to conflict with it).
    const again = await h.call(PLATFORM_ADMIN, REGISTER, {
      input: { entraTenantId, displayName: 'Survivor Ltd', clientId: randomUUID(), clientSecret: `s-${randomUUID()}` },
    });
    expect(again.errors).toBeUndefined();
    const [after] = await db.query(`SELECT count(*)::int AS tenants FROM tenants WHERE entra_tenant_id::text = $1`, [
      entraTenantId,
    ]);
    expect(after.tenants).toBe(1);
  });

  it('grantTenantAccess: neither a new membership nor a role change survives a failed audit insert', async () => {
    const tenant = await h.registerTenant();
    const newUpn = `${DOOMED_UPN_PREFIX}new-${randomUUID().slice(0, 8)}@msp.test`;
    const changedUpn = `${DOOMED_UPN_PREFIX}changed-${randomUUID().slice(0, 8)}@msp.test`;

    // A new membership: the row is inserted, then the audit insert fails.
    expectInternalWithoutDetails(await h.call(PLATFORM_ADMIN, GRANT, { t: tenant.id, u: newUpn, r: 'ADMIN' }));

    // A role change: VIEWER commits (the trigger only fires for admin), the update to ADMIN must not.
    const viewer = await h.call(PLATFORM_ADMIN, GRANT, { t: tenant.id, u: changedUpn, r: 'VIEWER' });
    expect(viewer.errors).toBeUndefined();
    expectInternalWithoutDetails(await h.call(PLATFORM_ADMIN, GRANT, { t: tenant.id, u: changedUpn, r: 'ADMIN' }));

    const memberships = await db.query(
      `SELECT user_upn, role FROM tenant_memberships WHERE tenant_id = $1 AND user_upn LIKE $2 ORDER BY user_upn`,
      [tenant.id, `${DOOMED_UPN_PREFIX}%`],
    );
    expect(memberships).toEqual([{ user_upn: changedUpn, role: 'viewer' }]);
    const audits = await db.query(
      `SELECT metadata->>'userUpn' AS upn, metadata->>'role' AS role FROM audit_events WHERE tenant_id = $1 AND action = 'access.granted' ORDER BY seq`,
      [tenant.id],
    );
    expect(audits).toEqual([{ upn: changedUpn, role: 'viewer' }]);

    // The failed transactions released their connections and locks: the same rows can still be written.
    const operator = await h.call(PLATFORM_ADMIN, GRANT, { t: tenant.id, u: changedUpn, r: 'OPERATOR' });
    expect(operator.errors).toBeUndefined();
    expect(operator.data?.grantTenantAccess.role).toBe('OPERATOR');
  });
});
