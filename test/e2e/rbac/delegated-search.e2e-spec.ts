import { startGraphSimulator, type GraphSimulator, type SimTenantInfo } from '../../../src/graph-simulator';
import { errorCodes, gql } from '../../support/graphql-client';
import { startTestApp, type RunningTestApp } from '../../support/test-app';
import { TEST_AUDIENCE } from '../../support/test-issuer';

const SEARCH = `query($t: ID!, $q: String!) { searchDirectoryGroups(tenantId: $t, query: $q) { id displayName } }`;

/** Users sign in with simulator-issued tokens, so on-behalf-of really exchanges their token at the simulator. */
describe('delegated directory group search', () => {
  let sim: GraphSimulator;
  let app: RunningTestApp;
  let simTenant: SimTenantInfo;
  let tenantId: string;
  const token = (upn: string, extra: { scp?: string } = {}) => sim.issueUserToken(simTenant.tenantId, upn, extra);

  beforeAll(async () => {
    sim = await startGraphSimulator({ apiAudience: TEST_AUDIENCE, tenants: [{ displayName: 'Unused' }] });
    simTenant = sim.addTenant({
      displayName: 'Search Co',
      apps: [{}],
      users: [
        { upn: 'admin@search.test' },
        { upn: 'operator@search.test' },
        { upn: 'noconsent@search.test', delegatedConsent: false },
      ],
      groups: [{ displayName: 'Finance Team' }, { displayName: 'Finance Approvers' }, { displayName: 'Engineering' }],
    });
    app = await startTestApp({
      AUTH_JWKS_URL: sim.jwksUrl('{tid}'),
      ADMIN_UPNS: 'admin@search.test',
      GRAPH_BASE_URL: sim.url,
      GRAPH_TOKEN_ENDPOINT_BASE_URL: sim.url,
      GRAPH_MAX_ATTEMPTS: 1,
    });
    const admin = await token('admin@search.test');
    const registered = await gql(
      app.url,
      `mutation($i: RegisterTenantInput!) { registerTenant(input: $i) { id } }`,
      {
        i: {
          entraTenantId: simTenant.tenantId,
          displayName: 'Search Co',
          clientId: simTenant.apps[0].clientId,
          clientSecret: simTenant.apps[0].clientSecret,
        },
      },
      admin,
    );
    tenantId = registered.data!.registerTenant.id;
    for (const upn of ['operator@search.test', 'noconsent@search.test']) {
      await gql(
        app.url,
        `mutation($t: ID!, $u: String!) { grantTenantAccess(tenantId: $t, userUpn: $u, role: OPERATOR) { id } }`,
        { t: tenantId, u: upn },
        admin,
      );
    }
  });
  afterAll(async () => {
    await app.close();
    await sim.close();
  });

  it('finds groups with the signed-in user’s own token (on-behalf-of)', async () => {
    const res = await gql(app.url, SEARCH, { t: tenantId, q: 'finance' }, await token('operator@search.test'));
    expect(res.errors).toBeUndefined();
    expect(res.data!.searchDirectoryGroups.map((g: { displayName: string }) => g.displayName).sort()).toEqual([
      'Finance Approvers',
      'Finance Team',
    ]);
  });

  it('is FORBIDDEN "delegated access required" when the user has not consented, and never falls back to the app token', async () => {
    sim.resetStats();
    const res = await gql(app.url, SEARCH, { t: tenantId, q: 'finance' }, await token('noconsent@search.test'));
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.errors![0].extensions!.reason).toBe('delegated access required');
    expect(sim.stats(simTenant.tenantId).requests).toBe(0); // no Graph call at all, with any token
  });

  it('is FORBIDDEN "delegated access required" for a caller without a delegated token (no scp)', async () => {
    const res = await gql(
      app.url,
      SEARCH,
      { t: tenantId, q: 'finance' },
      await token('operator@search.test', { scp: '' }),
    );
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.errors![0].extensions!.reason).toBe('delegated access required');
  });

  it('validates the query text', async () => {
    const res = await gql(app.url, SEARCH, { t: tenantId, q: 'x'.repeat(101) }, await token('operator@search.test'));
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe('query');
  });
});
