/**
 * On-behalf-of tokens against the Graph simulator over real HTTP with real MSAL: memory stays bounded however many
 * users search groups, and a kept token is reused until shortly before it expires.
 */
import { ConfidentialClientApplication } from '@azure/msal-node';
import type Redis from 'ioredis';
import { decodeJwt } from 'jose';
import { DELEGATED_GROUP_SEARCH_SCOPES } from '../../../config/graph-contracts';
import { startGraphSimulator, type GraphSimulator } from '../../graph-simulator';
import { GraphAuthError } from './graph-errors';
import { GraphTokenProvider } from './graph-token.provider';
import type { TenantGraphConnection } from './tenant-graph-connection';
import { testFactory, testGraphSettings, testRedis } from './testing/graph-test-context';
import { startTokenEndpointTap, type TokenEndpointTap } from './testing/token-endpoint-tap';

const SCOPES = [...DELEGATED_GROUP_SEARCH_SCOPES];
const SECRET = 'obo-test-secret-value';
const USERS = 200;
const BOUND = 50;

describe('GraphTokenProvider on-behalf-of (real MSAL against the Graph simulator)', () => {
  let sim: GraphSimulator;
  let tap: TokenEndpointTap;
  let redis: Redis;
  let tenantId: string;
  let conn: TenantGraphConnection;
  const upn = (i: number) => `user${i}@obo.test`;
  const assertion = (i: number) => sim.issueUserToken(tenantId, upn(i));
  const oboRequests = () =>
    tap.requests.filter((r) => r.grantType === 'urn:ietf:params:oauth:grant-type:jwt-bearer').length;
  const provider = (maxOboTokens = BOUND) =>
    new GraphTokenProvider(
      { authorityHost: 'https://login.microsoftonline.com', tokenEndpointBaseUrl: tap.url },
      { maxOboTokens },
    );

  beforeAll(async () => {
    sim = await startGraphSimulator({ port: 0 });
    tap = await startTokenEndpointTap(sim.url);
    redis = testRedis();
    const users = [
      ...Array.from({ length: USERS }, (_, i) => ({ upn: upn(i) })),
      { upn: 'noconsent@obo.test', delegatedConsent: false },
    ];
    const info = sim.addTenant({
      displayName: 'OBO Co',
      apps: [{ clientSecret: SECRET }],
      users,
      groups: [{ displayName: 'Finance Team' }],
    });
    tenantId = info.tenantId;
    conn = {
      connectionKey: `${tenantId}:v1`,
      entraTenantId: tenantId,
      clientId: info.apps[0].clientId,
      credential: { kind: 'secret', secret: SECRET },
    };
  });
  afterAll(async () => {
    await redis.quit();
    await tap.close();
    await sim.close();
  });

  it('control: a plain MSAL app keeps an account, id token and access token per user and never drops them', async () => {
    const msal = new ConfidentialClientApplication({
      auth: {
        clientId: conn.clientId,
        clientSecret: SECRET,
        authority: `https://login.microsoftonline.com/${tenantId}`,
        authorityMetadata: JSON.stringify({
          token_endpoint: `${sim.url}/${tenantId}/oauth2/v2.0/token`,
          issuer: `https://login.microsoftonline.com/${tenantId}/v2.0`,
          jwks_uri: `${sim.url}/${tenantId}/discovery/v2.0/keys`,
          authorization_endpoint: `${sim.url}/${tenantId}/oauth2/v2.0/authorize`,
        }),
      },
    });
    for (let i = 0; i < 20; i++)
      await msal.acquireTokenOnBehalfOf({ oboAssertion: await assertion(i), scopes: SCOPES });
    const cache = JSON.parse(msal.getTokenCache().serialize()) as Record<string, object>;
    expect({
      accounts: Object.keys(cache.Account).length,
      idTokens: Object.keys(cache.IdToken).length,
      accessTokens: Object.keys(cache.AccessToken).length,
    }).toEqual({ accounts: 20, idTokens: 20, accessTokens: 20 });
  });

  it(`keeps memory bounded over ${USERS} distinct users: MSAL's caches stay empty, kept OBO tokens ≤ ${BOUND}`, async () => {
    const tokens = provider();
    await tokens.getAppToken(conn);
    expect(tokens.cacheSize()).toEqual({ msalEntries: 1, oboTokens: 0 }); // the counter sees MSAL's entries: the app token
    const before = oboRequests();
    for (let i = 0; i < USERS; i++) {
      const token = await tokens.getOnBehalfOfToken(conn, await assertion(i), SCOPES);
      expect(decodeJwt(token.accessToken)).toMatchObject({ upn: upn(i), scp: 'GroupMember.Read.All' }); // each user acts as themselves
      expect(tokens.cacheSize().oboTokens).toBeLessThanOrEqual(BOUND);
    }
    expect(oboRequests() - before).toBe(USERS);
    expect(tokens.cacheSize()).toEqual({ msalEntries: 1, oboTokens: BOUND });
  });

  it('serves a repeated call for the same assertion from the kept token; an evicted or new assertion is exchanged again', async () => {
    const tokens = provider(2);
    const [first, second, third] = await Promise.all([assertion(0), assertion(1), assertion(2)]);
    const a = await tokens.getOnBehalfOfToken(conn, first, SCOPES);
    const before = oboRequests();
    expect(await tokens.getOnBehalfOfToken(conn, first, SCOPES)).toEqual({ ...a, fromCache: true });
    expect(oboRequests()).toBe(before);
    await tokens.getOnBehalfOfToken(conn, second, SCOPES);
    await tokens.getOnBehalfOfToken(conn, third, SCOPES); // pushes out `first`
    const again = await tokens.getOnBehalfOfToken(conn, first, SCOPES);
    expect(again.fromCache).toBe(false);
    expect(decodeJwt(again.accessToken)).toMatchObject({ upn: upn(0) });
    expect(oboRequests()).toBe(before + 3);
    expect(tokens.cacheSize()).toEqual({ msalEntries: 0, oboTokens: 2 });
  });

  it('exchanges again once a kept token is within 5 minutes of its expiry', async () => {
    const tokens = provider();
    const user = await assertion(3);
    const kept = await tokens.getOnBehalfOfToken(conn, user, SCOPES);
    const later = kept.expiresOn.getTime() - 4 * 60_000;
    const now = jest.spyOn(Date, 'now').mockReturnValue(later);
    try {
      const before = oboRequests();
      const renewed = await tokens.getOnBehalfOfToken(conn, user, SCOPES);
      expect(renewed.fromCache).toBe(false);
      expect(oboRequests()).toBe(before + 1);
    } finally {
      now.mockRestore();
    }
  });

  it('keeps nothing after a refused exchange, and evicting a connection drops its kept tokens', async () => {
    const tokens = provider();
    const refused = tokens.getOnBehalfOfToken(conn, await sim.issueUserToken(tenantId, 'noconsent@obo.test'), SCOPES);
    await expect(refused).rejects.toBeInstanceOf(GraphAuthError);
    await expect(refused).rejects.toMatchObject({ kind: 'consent_required' });
    expect(tokens.cacheSize()).toEqual({ msalEntries: 0, oboTokens: 0 });
    await tokens.getOnBehalfOfToken(conn, await assertion(4), SCOPES);
    tokens.evict(conn.connectionKey);
    expect(tokens.cacheSize()).toEqual({ msalEntries: 0, oboTokens: 0 });
  });

  it('searches groups twice as one user through forDelegatedUser with a single token exchange', async () => {
    const factory = testFactory(testGraphSettings(sim.url, { tokenEndpointBaseUrl: tap.url }), redis);
    const user = await assertion(5);
    const before = oboRequests();
    for (let round = 0; round < 2; round++) {
      const client = factory.forDelegatedUser(conn, user, SCOPES);
      const names: string[] = [];
      for await (const page of client.list(
        { path: '/groups' },
        { search: '"displayName:finance"', select: ['id', 'displayName'], headers: { ConsistencyLevel: 'eventual' } },
      )) {
        names.push(...page.items.map((g) => String(g.displayName)));
      }
      expect(names).toEqual(['Finance Team']);
    }
    expect(oboRequests()).toBe(before + 1);
  });
});
