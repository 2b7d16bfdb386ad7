import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, jwtVerify, SignJWT, importPKCS8 } from 'jose';
import { DEMO_TENANT, startGraphSimulator, type GraphSimulator } from './index';
import { graph, http, tokenRequest } from './test-helpers';

const GRAPH_DEFAULT = 'https://graph.microsoft.com/.default';

describe('simulated Entra token endpoint', () => {
  let sim: GraphSimulator;
  const tid = DEMO_TENANT.tenantId;
  const cc = (extra: Record<string, string> = {}): Record<string, string> => ({
    grant_type: 'client_credentials',
    client_id: DEMO_TENANT.clientId,
    client_secret: DEMO_TENANT.clientSecret,
    scope: GRAPH_DEFAULT,
    ...extra,
  });

  beforeAll(async () => {
    sim = await startGraphSimulator();
  });
  afterAll(() => sim.close());

  it('issues an app token for a correct secret that verifies against the JWKS and carries the granted roles', async () => {
    const res = await tokenRequest(sim, tid, cc());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: expect.any(Number),
      ext_expires_in: expect.any(Number),
    });
    const jwks = createRemoteJWKSet(new URL(sim.jwksUrl(tid)));
    const { payload, protectedHeader } = await jwtVerify(res.body.access_token, jwks, {
      audience: 'https://graph.microsoft.com',
      issuer: `https://sts.windows.net/${tid}/`,
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({ tid, appid: DEMO_TENANT.clientId, azp: DEMO_TENANT.clientId, idtyp: 'app' });
    expect(payload.roles).toEqual(
      expect.arrayContaining(['DeviceManagementConfiguration.ReadWrite.All', 'Group.Read.All']),
    );
  });

  it('answers a wrong secret with 401 invalid_client AADSTS7000215 and never echoes the secret', async () => {
    const res = await tokenRequest(sim, tid, cc({ client_secret: 'not-the-secret-xyz' }));
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
    expect(res.body.error_description).toMatch(/^AADSTS7000215: Invalid client secret provided/);
    expect(res.body).toHaveProperty('timestamp');
    expect(res.body).toHaveProperty('trace_id');
    expect(res.body).toHaveProperty('correlation_id');
    expect(JSON.stringify(res.body)).not.toContain('not-the-secret-xyz');
  });

  it('answers an expired secret with invalid_client AADSTS7000222', async () => {
    const t = sim.addTenant({ apps: [{ clientSecret: 'old-secret', secretExpiresAt: '2020-01-01T00:00:00Z' }] });
    const res = await tokenRequest(sim, t.tenantId, {
      grant_type: 'client_credentials',
      client_id: t.apps[0].clientId,
      client_secret: 'old-secret',
      scope: GRAPH_DEFAULT,
    });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: 'invalid_client', error_codes: [7000222] });
  });

  it('answers an unknown tenant with 400 invalid_request AADSTS90002', async () => {
    const unknown = randomUUID();
    const res = await tokenRequest(sim, unknown, cc());
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_request', error_codes: [90002] });
    expect(res.body.error_description).toContain(`Tenant '${unknown}' not found`);
  });

  it('answers an unknown client with 400 unauthorized_client AADSTS700016', async () => {
    const res = await tokenRequest(sim, tid, cc({ client_id: randomUUID() }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
  });

  it('reports the client-request-id MSAL sends as the correlation id', async () => {
    const crid = randomUUID();
    const res = await http(`${sim.url}/${tid}/oauth2/v2.0/token?client-request-id=${crid}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(cc({ client_secret: 'wrong' })).toString(),
    });
    expect(res.body.correlation_id).toBe(crid);
  });

  describe.each(['RS256', 'PS256'] as const)('certificate client assertion signed with %s', (alg) => {
    it('is accepted when signed by the registered certificate key and rejected when signed by another key', async () => {
      const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
      // A real certificate thumbprint hashes the DER certificate; any stable bytes do for matching.
      const thumbprintSha256 = createHash('sha256')
        .update(publicKey.export({ type: 'spki', format: 'der' }))
        .digest('hex');
      const t = sim.addTenant({
        apps: [
          {
            certificates: [
              { thumbprintSha256, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
            ],
          },
        ],
      });
      const clientId = t.apps[0].clientId;
      const assertion = async (pem: string): Promise<string> =>
        new SignJWT({ jti: randomUUID() })
          .setProtectedHeader({
            alg,
            typ: 'JWT',
            'x5t#S256': Buffer.from(thumbprintSha256, 'hex').toString('base64url'),
          })
          .setIssuer(clientId)
          .setSubject(clientId)
          .setAudience(`https://login.microsoftonline.com/${t.tenantId}/oauth2/v2.0/token`)
          .setIssuedAt()
          .setNotBefore(Math.floor(Date.now() / 1000))
          .setExpirationTime('10m')
          .sign(await importPKCS8(pem, alg));
      const form = (a: string): Record<string, string> => ({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: a,
        scope: GRAPH_DEFAULT,
      });
      const good = await tokenRequest(
        sim,
        t.tenantId,
        form(await assertion(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())),
      );
      expect(good.status).toBe(200);
      expect(decodeJwt(good.body.access_token).appid).toBe(clientId);
      const bad = await tokenRequest(
        sim,
        t.tenantId,
        form(await assertion(other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())),
      );
      expect(bad.status).toBe(401);
      expect(bad.body).toMatchObject({ error: 'invalid_client', error_codes: [700027] });
    });
  });

  it('issues a user token for the API via ROPC with oid, tid, preferred_username and the API audience', async () => {
    const res = await tokenRequest(sim, tid, {
      grant_type: 'password',
      client_id: DEMO_TENANT.clientId,
      username: DEMO_TENANT.upn,
      password: DEMO_TENANT.password,
      scope: 'api://tenantatlas/.default openid profile',
    });
    expect(res.status).toBe(200);
    const { payload } = await jwtVerify(res.body.access_token, createRemoteJWKSet(new URL(sim.jwksUrl(tid))), {
      issuer: `https://login.microsoftonline.com/${tid}/v2.0`,
      audience: 'api://tenantatlas',
    });
    expect(payload).toMatchObject({
      oid: DEMO_TENANT.oid,
      tid,
      preferred_username: DEMO_TENANT.upn,
      scp: 'access_as_user',
      ver: '2.0',
    });
    const wrong = await tokenRequest(sim, tid, {
      grant_type: 'password',
      client_id: DEMO_TENANT.clientId,
      username: DEMO_TENANT.upn,
      password: 'nope',
      scope: 'api://tenantatlas/.default',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: 'invalid_grant', error_codes: [50126] });
  });

  it('exchanges an API user token on-behalf-of for a delegated Graph token that can search groups', async () => {
    const userToken = await sim.issueUserToken(tid, DEMO_TENANT.upn);
    const res = await tokenRequest(sim, tid, {
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      client_id: DEMO_TENANT.clientId,
      client_secret: DEMO_TENANT.clientSecret,
      assertion: userToken,
      requested_token_use: 'on_behalf_of',
      scope: 'https://graph.microsoft.com/GroupMember.Read.All',
    });
    expect(res.status).toBe(200);
    const claims = decodeJwt(res.body.access_token);
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      scp: 'GroupMember.Read.All',
      oid: DEMO_TENANT.oid,
      tid,
    });
    const groups = await graph(sim, res.body.access_token, '/v1.0/groups?$top=1');
    expect(groups.status).toBe(200);
  });

  it('refuses on-behalf-of with invalid_grant AADSTS65001 when the user has not consented', async () => {
    const t = sim.addTenant({ users: [{ upn: 'noconsent@x.test', password: 'pw', delegatedConsent: false }] });
    const userToken = await sim.issueUserToken(t.tenantId, 'noconsent@x.test');
    const res = await tokenRequest(sim, t.tenantId, {
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      client_id: t.apps[0].clientId,
      client_secret: t.apps[0].clientSecret!,
      assertion: userToken,
      requested_token_use: 'on_behalf_of',
      scope: 'https://graph.microsoft.com/GroupMember.Read.All',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_grant', error_codes: [65001] });
  });

  it('refuses on-behalf-of for an assertion that is a Graph token rather than an API token', async () => {
    const app = await tokenRequest(sim, tid, cc());
    const res = await tokenRequest(sim, tid, {
      ...cc(),
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: app.body.access_token,
      requested_token_use: 'on_behalf_of',
      scope: 'https://graph.microsoft.com/GroupMember.Read.All',
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_grant');
  });

  it('publishes OpenID metadata pointing at its own token endpoint and JWKS', async () => {
    const res = await http(`${sim.url}/${tid}/v2.0/.well-known/openid-configuration`);
    expect(res.body).toMatchObject({
      issuer: `https://login.microsoftonline.com/${tid}/v2.0`,
      token_endpoint: `${sim.url}/${tid}/oauth2/v2.0/token`,
      jwks_uri: `${sim.url}/${tid}/discovery/v2.0/keys`,
    });
    expect(res.body.authorization_endpoint).toBeDefined();
    const keys = await http(sim.jwksUrl());
    expect(keys.body.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) });
  });

  it('rejects Graph calls with an expired token (401 InvalidAuthenticationToken)', async () => {
    const expiredUser = await sim.issueUserToken(tid, DEMO_TENANT.upn, {
      audience: 'https://graph.microsoft.com',
      expiresInSec: -60,
    });
    const res = await graph(sim, expiredUser, '/v1.0/organization');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('InvalidAuthenticationToken');
  });
});
