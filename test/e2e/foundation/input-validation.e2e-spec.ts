import { randomUUID } from 'node:crypto';
import { encodeCursor } from '../../../src/infrastructure/graphql/pagination';
import { PLATFORM_ADMIN, startAccessHarness, type AccessHarness } from '../tenants/access-fixture';

const NUL = '\u0000';
const LONE_SURROGATE = '\ud800';
const BIDI_OVERRIDE = '\u202e';
const ZERO_WIDTH = '\u200b';

/**
 * Text and cursors that PostgreSQL cannot take (NUL, lone surrogates, a non-UUID in a uuid keyset) or that mislead
 * a reader (blank, bidi overrides, zero-width characters) are BAD_USER_INPUT naming the field, wherever they arrive,
 * and nothing is stored. Unknown type keys in a filter are refused, not silently matched by nothing.
 */
describe('input validation', () => {
  let h: AccessHarness;
  let tenantId: string;
  const call = (query: string, variables: Record<string, unknown> = {}) => h.call(PLATFORM_ADMIN, query, variables);
  const refusal = (response: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => ({
    code: response.errors?.[0]?.extensions?.code,
    field: response.errors?.[0]?.extensions?.field,
  });
  const displayName = async () =>
    (await call(`query($id: ID!) { tenant(id: $id) { displayName } }`, { id: tenantId })).data?.tenant.displayName;

  beforeAll(async () => {
    h = await startAccessHarness();
    tenantId = (await h.registerTenant({ displayName: 'Fabrikam' })).id;
  });
  afterAll(() => h.close());

  const ITEMS = `query($t: ID!, $f: InventoryItemFilterInput, $after: String) {
    inventoryItems(tenantId: $t, filter: $f, after: $after) { edges { cursor } } }`;
  const GROUPS = `query($t: ID!, $s: String, $after: String) {
    directoryGroups(tenantId: $t, search: $s, after: $after) { edges { cursor } } }`;

  it('refuses a NUL byte in an inventory search as BAD_USER_INPUT naming filter.search', async () => {
    expect(refusal(await call(ITEMS, { t: tenantId, f: { search: `a${NUL}b` } }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'filter.search',
    });
  });

  it('refuses a NUL byte in a directory group search as BAD_USER_INPUT naming search', async () => {
    expect(refusal(await call(GROUPS, { t: tenantId, s: `a${NUL}` }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'search',
    });
  });

  it.each([
    ['inventoryItems', ITEMS],
    ['directoryGroups', GROUPS],
  ])('refuses a well-formed %s cursor whose id is not a UUID as BAD_USER_INPUT naming after', async (_name, query) => {
    const after = encodeCursor(['Some name', 'not-a-uuid']);
    expect(refusal(await call(query, { t: tenantId, after }))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses an unknown type key in the inventory filter as BAD_USER_INPUT naming filter.types', async () => {
    const response = await call(ITEMS, { t: tenantId, f: { types: ['settingsCatalogPolicy', 'noSuchType'] } });
    expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', field: 'filter.types' });
    expect(response.errors?.[0].message).toContain('noSuchType');
  });

  it.each([
    ['a lone surrogate', `Fab${LONE_SURROGATE}rikam`],
    ['only spaces', '   '],
    ['a bidi override', `Fabrikam ${BIDI_OVERRIDE}gnp.exe`],
    ['a zero-width space', `Fabri${ZERO_WIDTH}kam`],
    ['a NUL byte', `Fabrikam${NUL}`],
    ['a line break', 'Fabri\nkam'],
  ])('refuses renameTenant with %s as BAD_USER_INPUT naming displayName, and keeps the old name', async (_, name) => {
    const response = await call(`mutation($id: ID!, $n: String!) { renameTenant(id: $id, displayName: $n) { id } }`, {
      id: tenantId,
      n: name,
    });
    expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', field: 'displayName' });
    expect(await displayName()).toBe('Fabrikam');
  });

  it('still accepts names in any script, with accents and emoji', async () => {
    for (const name of ['Société Générale Ünïcode', 'شركة', '株式会社 テスト', 'Contoso 🚀 (EU)']) {
      const response = await call(
        `mutation($id: ID!, $n: String!) { renameTenant(id: $id, displayName: $n) { displayName } }`,
        {
          id: tenantId,
          n: `  ${name} `,
        },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.renameTenant.displayName).toBe(name);
    }
    await call(`mutation($id: ID!) { renameTenant(id: $id, displayName: "Fabrikam") { id } }`, { id: tenantId });
  });

  it('refuses registerTenant with a bidi override in the name, and registers nothing', async () => {
    const entraTenantId = randomUUID();
    const response = await call(`mutation($i: RegisterTenantInput!) { registerTenant(input: $i) { id } }`, {
      i: { entraTenantId, displayName: `Evil${BIDI_OVERRIDE}`, clientId: randomUUID(), clientSecret: 's' },
    });
    expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', field: 'displayName' });
    const listed = await call(`{ tenants { entraTenantId } }`);
    expect(listed.data?.tenants.map((t: { entraTenantId: string }) => t.entraTenantId)).not.toContain(entraTenantId);
  });

  it.each([
    ['a NUL byte', `someone${NUL}@msp.test`],
    ['a zero-width space', `some${ZERO_WIDTH}one@msp.test`],
  ])('refuses grantTenantAccess to a UPN with %s as BAD_USER_INPUT naming userUpn', async (_, upn) => {
    const response = await call(
      `mutation($t: ID!, $u: String!) { grantTenantAccess(tenantId: $t, userUpn: $u, role: VIEWER) { id } }`,
      {
        t: tenantId,
        u: upn,
      },
    );
    expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', field: 'userUpn' });
  });

  it('refuses a NUL byte or a lone surrogate in any other string argument, naming it', async () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [
        `query($f: OperationRunFilterInput) { operationRuns(filter: $f) { edges { cursor } } }`,
        { f: { initiatorUserId: `x${NUL}` } },
        'filter.initiatorUserId',
      ],
      [
        `query($t: ID!, $f: AuditEventFilter) { auditEvents(tenantId: $t, filter: $f) { edges { cursor } } }`,
        { t: tenantId, f: { actorId: `x${LONE_SURROGATE}` } },
        'filter.actorId',
      ],
      [
        `mutation($t: ID!, $c: String) { setInventorySchedule(tenantId: $t, cron: $c) { cron } }`,
        { t: tenantId, c: `0 * * * *${NUL}` },
        'cron',
      ],
      [
        `query($t: ID!, $q: String!) { searchDirectoryGroups(tenantId: $t, query: $q) { id } }`,
        { t: tenantId, q: `x${NUL}` },
        'query',
      ],
    ];
    for (const [query, variables, field] of cases) {
      expect(refusal(await call(query, variables))).toEqual({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('refuses a malformed run type and tenant id in the runs filter instead of failing in the database', async () => {
    const RUNS = `query($f: OperationRunFilterInput) { operationRuns(filter: $f) { edges { cursor } } }`;
    expect(refusal(await call(RUNS, { f: { type: 'Inventory Sync!' } }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'filter.type',
    });
    expect(refusal(await call(RUNS, { f: { tenantId: 'not-a-uuid' } }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'filter.tenantId',
    });
  });

  it('refuses dates PostgreSQL cannot store as BAD_USER_INPUT naming the field', async () => {
    const RUNS = `query($f: OperationRunFilterInput) { operationRuns(filter: $f) { edges { cursor } } }`;
    const response = await call(RUNS, { f: { createdAfter: '-010000-01-01T00:00:00.000Z' } });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
