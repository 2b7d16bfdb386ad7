import { createHash, generateKeyPairSync } from 'node:crypto';
import Redis from 'ioredis';
import { GraphAuthError } from './graph-errors';
import { TenantGraphConnection } from './tenant-graph-connection';
import { FakeGraph, startFakeGraph } from './testing/fake-graph.server';
import { CapturingLogger, captureLogs, testFactory, testGraphSettings, testRedis } from './testing/graph-test-context';

const TENANT = '11111111-1111-4111-8111-111111111111';
const SECRET_APP = '22222222-2222-4222-8222-222222222222';
const CERT_APP = '33333333-3333-4333-8333-333333333333';
const SECRET = 'demo-secret-value-7f3a9';
const ROLES = ['DeviceManagementConfiguration.Read.All', 'Group.Read.All'];

describe('Graph tokens through MSAL (real MSAL against a local token endpoint)', () => {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const publicKeyPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  // Entra's thumbprint is the SHA-256 of the certificate's DER; any stable hex works against the fake.
  const thumbprintSha256 = createHash('sha256').update(keys.publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
  let fake: FakeGraph;
  let redis: Redis;
  let logs: CapturingLogger;

  const secretConnection = (secret = SECRET, version = 'v1'): TenantGraphConnection => ({
    connectionKey: `tenant-a:${version}`,
    entraTenantId: TENANT,
    clientId: SECRET_APP,
    credential: { kind: 'secret', secret },
  });

  beforeAll(async () => {
    logs = captureLogs();
    redis = testRedis();
    fake = await startFakeGraph({
      tenantId: TENANT,
      apps: [
        { clientId: SECRET_APP, secret: SECRET, roles: ROLES },
        { clientId: CERT_APP, certificatePublicKeyPem: publicKeyPem, roles: ['DeviceManagementApps.Read.All'] },
      ],
    });
  });

  afterAll(async () => {
    await fake.close();
    redis.disconnect();
  });

  beforeEach(() => {
    fake.tokenRequests = 0;
  });

  it('acquires an app token with a client secret and reads its roles', async () => {
    const factory = testFactory(testGraphSettings(fake.url), redis);
    const token = await factory.acquireAppToken(secretConnection());
    expect(token.roles).toEqual(ROLES);
    expect(token.expiresOn.getTime()).toBeGreaterThan(Date.now());
  });

  it('serves the second token request of one connection from the MSAL cache', async () => {
    const factory = testFactory(testGraphSettings(fake.url), redis);
    await factory.acquireAppToken(secretConnection());
    await factory.acquireAppToken(secretConnection());
    expect(fake.tokenRequests).toBe(1);
  });

  it('asks for a new token when the credentials change (new connection key)', async () => {
    const factory = testFactory(testGraphSettings(fake.url), redis);
    await factory.acquireAppToken(secretConnection(SECRET, 'v1'));
    await factory.acquireAppToken(secretConnection(SECRET, 'v2'));
    expect(fake.tokenRequests).toBe(2);
  });

  it('acquires an app token with a certificate (signed client assertion)', async () => {
    const factory = testFactory(testGraphSettings(fake.url), redis);
    const token = await factory.acquireAppToken({
      connectionKey: 'tenant-b:v1',
      entraTenantId: TENANT,
      clientId: CERT_APP,
      credential: { kind: 'certificate', privateKeyPem, thumbprintSha256 },
    });
    expect(token.roles).toEqual(['DeviceManagementApps.Read.All']);
  });

  it('turns a wrong secret into GraphAuthError invalid_client whose message holds no secret', async () => {
    const factory = testFactory(testGraphSettings(fake.url), redis);
    const wrong = 'wrong-secret-a81c0e';
    const error = await factory.acquireAppToken(secretConnection(wrong, 'bad')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphAuthError);
    expect(error).toMatchObject({ kind: 'invalid_client', aadstsCode: 'AADSTS7000215' });
    expect(JSON.stringify({ message: (error as Error).message, ...(error as object) })).not.toContain(wrong);
  });

  it('writes no secret, private key or token to any log line', () => {
    const all = logs.lines.join('\n');
    for (const secret of [SECRET, 'wrong-secret-a81c0e', 'PRIVATE KEY', 'eyJ']) expect(all).not.toContain(secret);
  });
});
