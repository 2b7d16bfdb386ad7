import { randomUUID } from 'node:crypto';
import { generateKeyPair } from 'jose';
import { collect, errorCodes, gql, wsClient } from '../../support/graphql-client';
import { startTestApp, type RunningTestApp } from '../../support/test-app';
import { TestIssuer } from '../../support/test-issuer';

describe('authentication', () => {
  let issuer: TestIssuer;
  let app: RunningTestApp;
  const tid = randomUUID();

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    app = await startTestApp({ APP_ROLE: 'api', AUTH_JWKS_URL: issuer.jwksUrl, AUTH_CLOCK_SKEW_SEC: 5 });
  });
  afterAll(async () => {
    await app.close();
    await issuer.close();
  });

  const badTokens: Array<[string, () => Promise<string | undefined>]> = [
    ['a missing token', async () => undefined],
    ['an expired token', () => issuer.userToken({ tid }, { expiresIn: Math.floor(Date.now() / 1000) - 600 })],
    ['a token for another audience', () => issuer.userToken({ tid }, { aud: 'api://someone-else' })],
    ['a token from another issuer', () => issuer.userToken({ tid }, { iss: 'https://evil.example/v2.0' })],
    [
      'a token whose issuer names another tenant',
      () => issuer.userToken({ tid }, { iss: `https://login.microsoftonline.com/${randomUUID()}/v2.0` }),
    ],
    [
      'a token signed by an unknown key',
      async () => issuer.userToken({ tid }, { key: (await generateKeyPair('RS256')).privateKey }),
    ],
    ['garbage', async () => 'not-a-jwt'],
  ];

  it.each(badTokens)('rejects %s over HTTP with UNAUTHENTICATED', async (_name, makeToken) => {
    const response = await gql(app.url, '{ me { oid } }', {}, await makeToken());
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(JSON.stringify(response)).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
  });

  it.each(badTokens)('rejects %s over WebSocket at connection_init', async (_name, makeToken) => {
    let closeCode = 0;
    const client = wsClient(app.url, await makeToken(), (event) => (closeCode = event.code));
    await expect(collect(client, '{ me { oid } }', {}, 1, 5000).done).rejects.toBeDefined();
    expect(closeCode).toBe(4403);
    await client.dispose();
  });

  it('accepts a valid token over WebSocket', async () => {
    const oid = randomUUID();
    const client = wsClient(app.url, await issuer.userToken({ tid, oid }));
    const [result] = await collect<{ me: { oid: string } }>(client, '{ me { oid } }', {}, 1).done;
    expect(result.me.oid).toBe(oid);
    await client.dispose();
  });
});
