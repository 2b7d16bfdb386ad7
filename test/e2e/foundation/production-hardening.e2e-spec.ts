import { randomBytes, randomUUID } from 'node:crypto';
import { getIntrospectionQuery } from 'graphql';
import { gql } from '../../support/graphql-client';
import { startTestApp, type RunningTestApp } from '../../support/test-app';
import { TestIssuer } from '../../support/test-issuer';

describe('GraphQL in production mode', () => {
  let issuer: TestIssuer;
  let app: RunningTestApp;
  let token: string;

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    const tid = randomUUID();
    app = await startTestApp({
      APP_ROLE: 'api',
      NODE_ENV: 'production',
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      AUTH_ALLOWED_TENANTS: tid,
      AUTH_JWKS_URL: issuer.jwksUrl,
    });
    token = await issuer.userToken({ tid });
  });
  afterAll(async () => {
    await app.close();
    await issuer.close();
  });

  it('refuses introspection', async () => {
    const response = await gql(app.url, getIntrospectionQuery(), {}, token);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0].message).toMatch(/introspection/i);
  });

  it('does not suggest field names', async () => {
    const response = await gql(app.url, '{ mee { oid } }', {}, token);
    expect(response.errors?.[0].message).toMatch(/Cannot query field/);
    expect(response.errors?.[0].message).not.toMatch(/Did you mean/i);
  });

  it('refuses users of tenants outside AUTH_ALLOWED_TENANTS', async () => {
    const outsider = await issuer.userToken({ tid: randomUUID() });
    const response = await gql(app.url, '{ me { tid } }', {}, outsider);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers real operations', async () => {
    const response = await gql(app.url, '{ me { tid } }', {}, token);
    expect(response.errors).toBeUndefined();
  });
});
