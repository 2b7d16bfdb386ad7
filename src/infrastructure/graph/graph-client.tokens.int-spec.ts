/** The GraphClient's tokens: real MSAL (secret, certificate, its cache) against the simulator's token endpoint. */
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { getContract } from '../../../config/graph-contracts';
import type { GraphSimulator } from '../../graph-simulator';
import { tokenRequest } from '../../graph-simulator/test-helpers';
import { GraphAuthError } from './graph-errors';
import { GraphTokenProvider } from './graph-token.provider';
import { TenantGraphConnection } from './tenant-graph-connection';
import { GraphClientSuite } from './testing/graph-client-suite';
import { seedDeviceConfigurations } from './testing/simulator-context';
import type { TokenEndpointTap } from './testing/token-endpoint-tap';

const configurations = getContract('deviceConfiguration');

describe('GraphClient against the Graph simulator (real HTTP, real MSAL, real Redis)', () => {
  const suite = new GraphClientSuite();
  const { factory, settings, tenant, secrets } = suite;
  let sim: GraphSimulator;
  let tap: TokenEndpointTap;

  beforeAll(async () => {
    await suite.start();
    ({ sim, tap } = suite);
  });
  afterAll(() => suite.stop());
  beforeEach(() => suite.reset());

  describe('tokens (MSAL ConfidentialClientApplication → simulator token endpoint)', () => {
    const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const privateKeyPem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const publicKeyPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    // Entra's thumbprint is the SHA-256 of the certificate's DER; with no X.509 builder in Node we register the
    // public key under the SHA-256 of its SPKI DER, which is what MSAL sends as x5t#S256 and the simulator matches.
    const thumbprintSha256 = createHash('sha256')
      .update(keys.publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex');
    const ROLES = ['DeviceManagementConfiguration.Read.All', 'Group.Read.All'];

    it('acquires an app token with a client secret; the token carries the granted roles', async () => {
      const t = tenant({ roles: ROLES });
      const token = await factory().acquireAppToken(t.conn);
      expect(token.roles).toEqual(ROLES);
      expect(token.expiresOn.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
      expect(tap.count(t.clientId)).toBe(1);
    });

    it('serves the second token of one connection from the MSAL cache: the token endpoint is hit once', async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 3);
      const f = factory();
      await f.acquireAppToken(t.conn);
      await f.acquireAppToken(t.conn);
      const client = f.forConnection(t.conn);
      await client.get(configurations, 'cfg-1');
      await client.get(configurations, 'cfg-2');
      expect(tap.count(t.clientId)).toBe(1);
      expect(sim.stats(t.tenantId).byStatus).toEqual({ '200': 2 });

      const provider = new GraphTokenProvider(settings());
      expect((await provider.getAppToken(t.conn)).fromCache).toBe(false);
      expect((await provider.getAppToken(t.conn)).fromCache).toBe(true);
      expect(tap.count(t.clientId)).toBe(2);
    });

    it('asks for a new token when the credentials change (new connection key)', async () => {
      const t = tenant();
      const f = factory();
      await f.acquireAppToken(t.conn);
      await f.acquireAppToken({ ...t.conn, connectionKey: `${t.tenantId}:v2` });
      expect(tap.count(t.clientId)).toBe(2);
    });

    it('acquires an app token with a certificate (MSAL-signed client assertion)', async () => {
      const t = tenant({
        roles: ['DeviceManagementApps.Read.All'],
        certificates: [{ thumbprintSha256, publicKeyPem }],
      });
      const certConn: TenantGraphConnection = {
        ...t.conn,
        connectionKey: `${t.tenantId}:cert`,
        credential: { kind: 'certificate', privateKeyPem, thumbprintSha256 },
      };
      const token = await factory().acquireAppToken(certConn);
      expect(token.roles).toEqual(['DeviceManagementApps.Read.All']);
      expect(tap.requests.filter((r) => r.clientId === t.clientId).map((r) => r.status)).toEqual([200]);
    });

    it('accepts a client assertion whose nbf is a second ahead, as MSAL sends (nbf = Math.round(now)) and Entra allows', async () => {
      const t = tenant({ certificates: [{ thumbprintSha256, publicKeyPem }] });
      const now = Math.floor(Date.now() / 1000);
      const assertion = await new SignJWT({ jti: randomBytes(8).toString('hex') })
        .setProtectedHeader({ alg: 'PS256', 'x5t#S256': Buffer.from(thumbprintSha256, 'hex').toString('base64url') })
        .setIssuer(t.clientId)
        .setSubject(t.clientId)
        .setAudience(`${sim.url}/${t.tenantId}/oauth2/v2.0/token`)
        .setNotBefore(now + 1)
        .setExpirationTime(now + 600)
        .sign(keys.privateKey);
      const res = await tokenRequest(sim, t.tenantId, {
        grant_type: 'client_credentials',
        client_id: t.clientId,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
        scope: 'https://graph.microsoft.com/.default',
      });
      expect(res.status).toBe(200);
      secrets.push(res.body.access_token);
    });

    it('rejects an assertion signed by another key under a registered thumbprint: GraphAuthError invalid_client', async () => {
      const t = tenant({ certificates: [{ thumbprintSha256, publicKeyPem }] });
      const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString();
      const error = await factory()
        .acquireAppToken({
          ...t.conn,
          connectionKey: `${t.tenantId}:bad-cert`,
          credential: { kind: 'certificate', privateKeyPem: other, thumbprintSha256 },
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphAuthError);
      expect(error).toMatchObject({ kind: 'invalid_client', aadstsCode: 'AADSTS700027' });
      expect(JSON.stringify({ message: (error as Error).message, ...(error as object) })).not.toContain('PRIVATE KEY');
    });

    it('turns a wrong secret into GraphAuthError invalid_client whose message holds no secret', async () => {
      const t = tenant();
      const wrong = `wrong-secret-${randomBytes(8).toString('hex')}`;
      secrets.push(wrong);
      const error = await factory()
        .acquireAppToken({
          ...t.conn,
          connectionKey: `${t.tenantId}:wrong`,
          credential: { kind: 'secret', secret: wrong },
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphAuthError);
      expect(error).toMatchObject({ kind: 'invalid_client', aadstsCode: 'AADSTS7000215' });
      const everything = JSON.stringify({
        message: (error as Error).message,
        stack: (error as Error).stack,
        ...(error as object),
      });
      expect(everything).not.toContain(wrong);
      expect(everything).not.toContain(t.secret);
      expect(tap.requests.filter((r) => r.clientId === t.clientId).map((r) => r.status)).toEqual([401]);
    });

    it('maps an unknown tenant to GraphAuthError tenant_not_found', async () => {
      const t = tenant();
      const missing = '0badbad0-0000-4000-8000-000000000000';
      const error = await factory()
        .acquireAppToken({ ...t.conn, connectionKey: 'missing:v1', entraTenantId: missing })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'GraphAuthError', kind: 'tenant_not_found', aadstsCode: 'AADSTS90002' });
    });
  });

  describe('log hygiene', () => {
    it('no secret, private key or token appears in any captured log line (Nest Logger, stdout, stderr, console)', () => {
      // Not vacuous: MSAL's success and error paths (wrong secret, wrong key, unknown tenant) ran here.
      expect(suite.logs.lines.length).toBeGreaterThan(5);
      expect(suite.tap.accessTokens.length).toBeGreaterThan(4);
      expect(suite.logLeaks()).toEqual([]);
    });
  });
});
