import { queriesOn } from '../rbac/count-queries';
import { PLATFORM_ADMIN, startAccessHarness, type AccessHarness } from './access-fixture';

const LIST = `{ tenants { id myRole } }`;

describe('tenants list: roles per row', () => {
  let h: AccessHarness;
  beforeAll(async () => {
    h = await startAccessHarness({ APP_ROLE: 'api' }); // no workers or schedulers querying beside the list
  });
  afterAll(() => h.close());

  it('shows each row with the caller’s own role and leaves out tenants they hold no membership on', async () => {
    const [viewed, operated, administered, foreign] = [
      await h.registerTenant(),
      await h.registerTenant(),
      await h.registerTenant(),
      await h.registerTenant(),
    ];
    await h.grant(viewed.id, 'mixed.roles@msp.test', 'VIEWER');
    await h.grant(operated.id, 'mixed.roles@msp.test', 'OPERATOR');
    await h.grant(administered.id, 'mixed.roles@msp.test', 'ADMIN');
    await h.grant(foreign.id, 'someone.else@msp.test', 'ADMIN');

    const mine = await h.call<{ tenants: Array<{ id: string; myRole: string }> }>('mixed.roles@msp.test', LIST);
    expect(mine.errors).toBeUndefined();
    expect(new Map(mine.data!.tenants.map((t) => [t.id, t.myRole]))).toEqual(
      new Map([
        [viewed.id, 'VIEWER'],
        [operated.id, 'OPERATOR'],
        [administered.id, 'ADMIN'],
      ]),
    );
    const all = await h.call<{ tenants: Array<{ id: string; myRole: string }> }>(PLATFORM_ADMIN, LIST);
    for (const t of [viewed, operated, administered, foreign])
      expect(all.data!.tenants).toContainEqual({ id: t.id, myRole: 'ADMIN' });
  });

  it('tells the console whether the caller is a platform admin (who may register tenants)', async () => {
    const admin = await h.call<{ me: { isPlatformAdmin: boolean } }>(PLATFORM_ADMIN, '{ me { isPlatformAdmin } }');
    expect(admin.data!.me.isPlatformAdmin).toBe(true);
    const member = await h.call<{ me: { isPlatformAdmin: boolean } }>(
      'plain.member@msp.test',
      '{ me { isPlatformAdmin } }',
    );
    expect(member.data!.me.isPlatformAdmin).toBe(false);
  });

  it('reads roles for the whole list in a fixed number of queries, whatever the number of rows', async () => {
    const few = 'few.tenants@msp.test';
    const many = 'many.tenants@msp.test';
    const tenants = await Promise.all(Array.from({ length: 12 }, () => h.registerTenant()));
    for (const t of tenants.slice(0, 2)) await h.grant(t.id, few, 'VIEWER');
    for (const t of tenants) await h.grant(t.id, many, 'OPERATOR');
    // First sign-in binds each UPN grant to the identity (a write per grant, once); the counts below are steady state.
    await h.call(few, LIST);
    await h.call(many, LIST);

    const small = await queriesOn('tenant_memberships', () => h.call(few, LIST));
    const large = await queriesOn('tenant_memberships', () => h.call(many, LIST));
    expect(small.result.data!.tenants).toHaveLength(2);
    expect(large.result.data!.tenants).toHaveLength(12);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(2); // visible tenant ids + their roles

    const admin = await queriesOn('tenants', () => h.call(PLATFORM_ADMIN, LIST));
    expect(admin.result.data!.tenants.length).toBeGreaterThanOrEqual(12);
    expect(admin.count).toBeLessThanOrEqual(2); // the rows + which of them exist
  });
});
