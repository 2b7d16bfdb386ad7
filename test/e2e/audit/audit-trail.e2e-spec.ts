import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { errorCodes, PLATFORM_ADMIN, startAccessHarness, type AccessHarness } from '../tenants/access-fixture';

const EVENTS = `query($t: ID!, $first: Int, $after: String, $filter: AuditEventFilter) {
  auditEvents(tenantId: $t, first: $first, after: $after, filter: $filter) { edges { cursor node { id action actorId actorUpn tenantId targetType targetId metadataJson requestId at } } pageInfo { hasNextPage endCursor } } }`;

describe('audit trail', () => {
  let h: AccessHarness;
  let db: DataSource;
  let tenantId: string;
  beforeAll(async () => {
    h = await startAccessHarness();
    db = h.app.app.get(DataSource);
    tenantId = (await h.registerTenant()).id;
    for (let i = 0; i < 5; i++) await h.grant(tenantId, `member${i}@msp.test`, 'VIEWER');
  });
  afterAll(() => h.close());

  it('records actor, tenant, action, target, sanitized metadata and request id', async () => {
    const res = await h.call(PLATFORM_ADMIN, EVENTS, { t: tenantId, filter: { actions: ['tenant.registered'] } });
    const [event] = res.data!.auditEvents.edges.map((e: { node: unknown }) => e.node);
    expect(event).toMatchObject({
      action: 'tenant.registered',
      actorUpn: PLATFORM_ADMIN,
      tenantId,
      targetType: 'tenant',
      targetId: tenantId,
    });
    expect(event.actorId).toMatch(/^[0-9a-f-]{36}:[0-9a-f-]{36}$/);
    expect(event.requestId).toEqual(expect.any(String));
    expect(JSON.parse(event.metadataJson)).toMatchObject({ credentialKind: 'secret' });
  });

  it('pages newest first with a keyset cursor, no gaps, no repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: any = await h.call(PLATFORM_ADMIN, EVENTS, { t: tenantId, first: 2, after });
      seen.push(...res.data.auditEvents.edges.map((e: { node: { id: string } }) => e.node.id));
      after = res.data.auditEvents.pageInfo.hasNextPage ? res.data.auditEvents.pageInfo.endCursor : null;
    } while (after);
    const all = (
      await db.query(`SELECT seq::text AS id FROM audit_events WHERE tenant_id = $1 ORDER BY seq DESC`, [tenantId])
    ).map((r: { id: string }) => r.id);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThanOrEqual(6);
  });

  it('rejects a foreign cursor', async () => {
    expect(errorCodes(await h.call(PLATFORM_ADMIN, EVENTS, { t: tenantId, after: 'garbage' }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('rejects a forged cursor whose value is not a sequence number as BAD_USER_INPUT on after, before it reaches PostgreSQL', async () => {
    for (const value of ['abc', '1; DROP TABLE audit_events', '9'.repeat(25)]) {
      const res = await h.call(PLATFORM_ADMIN, EVENTS, {
        t: tenantId,
        after: Buffer.from(JSON.stringify([value])).toString('base64url'),
      });
      expect(res.errors?.map((e) => e.extensions)).toEqual([
        expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
      ]);
    }
  });

  it('the database rejects UPDATE, DELETE and TRUNCATE on audit_events', async () => {
    await expect(db.query(`UPDATE audit_events SET action = 'x' WHERE tenant_id = $1`, [tenantId])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`DELETE FROM audit_events WHERE tenant_id = $1`, [tenantId])).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });

  it('audits a refused attempt on an existing tenant, but not on a missing one', async () => {
    const missing = randomUUID();
    expect(
      errorCodes(await h.call('stranger@msp.test', `query($id: ID!) { tenant(id: $id) { id } }`, { id: tenantId })),
    ).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(await h.call('stranger@msp.test', `query($id: ID!) { tenant(id: $id) { id } }`, { id: missing })),
    ).toEqual(['NOT_FOUND']);
    const rows = await db.query(
      `SELECT tenant_id, metadata, request_id FROM audit_events WHERE action = 'access.denied' AND actor_upn = 'stranger@msp.test'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tenant_id: tenantId, metadata: { reason: 'not_a_member', needed: 'viewer' } });
    expect(rows[0].request_id).toEqual(expect.any(String));
  });

  it('nothing half-written: a failed grant leaves neither membership nor audit row', async () => {
    const before = (await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1`, [tenantId]))[0]
      .n;
    const res = await h.call(
      PLATFORM_ADMIN,
      `mutation($t: ID!) { grantTenantAccess(tenantId: $t, userUpn: "${'a'.repeat(300)}@msp.test", role: VIEWER) { id } }`,
      { t: tenantId },
    );
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect((await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1`, [tenantId]))[0].n).toBe(
      before,
    );
  });
});
