import { randomUUID } from 'node:crypto';
import { getIntrospectionQuery } from 'graphql';
import { gql } from '../../support/graphql-client';
import { startTestApp, type RunningTestApp } from '../../support/test-app';
import { TestIssuer } from '../../support/test-issuer';

describe('GraphQL hardening', () => {
  let issuer: TestIssuer;
  let app: RunningTestApp;
  let token: string;

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    app = await startTestApp({ APP_ROLE: 'api', AUTH_JWKS_URL: issuer.jwksUrl });
    token = await issuer.userToken({ tid: randomUUID() });
  });
  afterAll(async () => {
    await app.close();
    await issuer.close();
  });

  it('rejects a query of depth 20 with a clear error', async () => {
    let selection = 'name';
    for (let depth = 0; depth < 20; depth++) selection = `ofType { ${selection} }`;
    const query = `{ __schema { types { fields { type { ${selection} } } } } }`;
    const response = await gql(app.url, query, {}, token);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0].message).toMatch(/depth/i);
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('still accepts the standard introspection query outside production', async () => {
    const response = await gql(app.url, getIntrospectionQuery(), {}, token);
    expect(response.errors).toBeUndefined();
    expect(response.data?.__schema.queryType.name).toBe('Query');
  });

  it('rejects a query with 100 aliases with a clear error', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: me { oid }`).join(' ');
    const response = await gql(app.url, `{ ${aliases} }`, {}, token);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0].message).toMatch(/alias/i);
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('blocks GET mutations and simple cross-site requests (CSRF prevention)', async () => {
    const response = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ me { oid } }')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  it('reports unknown fields without a stack trace', async () => {
    const response = await gql(app.url, '{ nope }', {}, token);
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(response)).not.toMatch(/stacktrace/i);
  });
});
