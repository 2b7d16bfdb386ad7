import { randomUUID } from 'node:crypto';
import { getIntrospectionQuery } from 'graphql';
import { collect, gql, wsClient } from '../../support/graphql-client';
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

  it('rejects a query of depth 20 as QUERY_TOO_COMPLEX (400), naming the limit', async () => {
    let selection = 'name';
    for (let depth = 0; depth < 20; depth++) selection = `ofType { ${selection} }`;
    const query = `{ __schema { types { fields { type { ${selection} } } } } }`;
    const response = await gql(app.url, query, {}, token);
    expect(response.status).toBe(400);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0].message).toMatch(/^Query too complex: depth \d+ exceeds the limit of 15/);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 15 });
  });

  it('rejects a query over the cost limit as QUERY_TOO_COMPLEX, without calling it a syntax error', async () => {
    const query = `{ operationRuns(first: 100) { edges { node { failures { item code message } summaryCounts { total processed succeeded failed skipped } } } } }`;
    const response = await gql(app.url, query, {}, token);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 5000 });
    expect(response.errors?.[0].message).toMatch(/^Query too complex: cost \d+ exceeds the limit of 5000/);
    expect(response.errors?.[0].message).not.toMatch(/syntax/i);
  });

  it('rejects a document of more than 2000 tokens as QUERY_TOO_COMPLEX', async () => {
    const fields = Array.from({ length: 2100 }, () => 'oid').join(' ');
    const response = await gql(app.url, `{ me { ${fields} } }`, {}, token);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: 2000 });
  });

  it('answers a syntax error with 400 GRAPHQL_PARSE_FAILED, not 500', async () => {
    const response = await gql(app.url, '{ me { oid }', {}, token);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(response.errors?.[0].message).toMatch(/^Syntax Error/);
  });

  it('still accepts the standard introspection query outside production', async () => {
    const response = await gql(app.url, getIntrospectionQuery(), {}, token);
    expect(response.errors).toBeUndefined();
    expect(response.data?.__schema.queryType.name).toBe('Query');
  });

  it('rejects a query with 100 aliases as QUERY_TOO_COMPLEX', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: me { oid }`).join(' ');
    const response = await gql(app.url, `{ ${aliases} }`, {}, token);
    expect(response.status).toBe(400);
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.[0].message).toMatch(/^Query too complex: 100 aliases exceed the limit of 15/);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: 15 });
  });

  it('blocks GET mutations and simple cross-site requests (CSRF prevention)', async () => {
    const response = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ me { oid } }')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  it('reports unknown fields as 400 GRAPHQL_VALIDATION_FAILED without a stack trace', async () => {
    const response = await gql(app.url, '{ nope }', {}, token);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(response)).not.toMatch(/stacktrace/i);
  });

  it('applies the same limits over WebSocket, answering a bad operation without closing the socket', async () => {
    const closeCodes: number[] = [];
    const client = wsClient(app.url, token, (event) => closeCodes.push(event.code));
    const codeOf = (query: string) =>
      collect(client, query, {}, 1, 10000).done.then(
        () => 'ok',
        (errors: Array<{ extensions?: { code?: string } }>) => String(errors[0]?.extensions?.code),
      );
    let selection = 'name';
    for (let depth = 0; depth < 20; depth++) selection = `ofType { ${selection} }`;
    expect(await codeOf(`{ __schema { types { fields { type { ${selection} } } } } }`)).toBe('QUERY_TOO_COMPLEX');
    expect(await codeOf('{ me { oid }')).toBe('GRAPHQL_PARSE_FAILED');
    expect(await codeOf('{ me { oid } }')).toBe('ok');
    // Only normal closes of the idle lazy client; graphql-ws' default closed the socket with 4500 on a syntax error.
    expect(closeCodes.filter((code) => code !== 1000)).toEqual([]);
    await client.dispose();
  });
});
