import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { gql, type GraphqlResponse } from '../../support/graphql-client';
import { startSpawnedApp, type SpawnedApp } from '../../support/spawn-app';
import { testEnvironment } from '../../support/test-env';
import { TestIssuer } from '../../support/test-issuer';
import { waitFor } from '../../support/wait-for';

const ADMIN = 'log.admin@msp.test';
const HOME_TID = randomUUID();

interface LogLine {
  level: number;
  msg?: string;
  context?: string;
  err?: { stack?: string };
  stack?: string;
  req?: { id?: string };
  requestId?: string;
}

/**
 * The app as it runs (child process, JSON logs at debug): ordinary client mistakes are logged below error and
 * without a stack, so nobody can flood the error log by sending bad requests; an unexpected failure is logged once
 * at error, with its stack and the request id the caller sent.
 */
describe('error logging', () => {
  let issuer: TestIssuer;
  let app: SpawnedApp;
  let admin: string;
  let viewer: string;
  let tenantId: string;

  const call = (query: string, variables: Record<string, unknown> = {}, token?: string) =>
    gql(app.url, query, variables, token);
  const lines = (): LogLine[] =>
    app
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);

  beforeAll(async () => {
    issuer = await TestIssuer.start();
    app = await startSpawnedApp({
      ...testEnvironment({ APP_ROLE: 'api', LOG_LEVEL: 'debug', AUTH_JWKS_URL: issuer.jwksUrl, ADMIN_UPNS: ADMIN }),
    });
    admin = await issuer.userToken({ tid: HOME_TID, upn: ADMIN });
    viewer = await issuer.userToken({ tid: HOME_TID, upn: 'nobody@msp.test' });
    const registered = await call(
      `mutation($i: RegisterTenantInput!) { registerTenant(input: $i) { id } }`,
      { i: { entraTenantId: randomUUID(), displayName: 'Logged Ltd', clientId: randomUUID(), clientSecret: 's3cret' } },
      admin,
    );
    tenantId = registered.data!.registerTenant.id;
  }, 90000);
  afterAll(async () => {
    await app?.stop();
    await issuer?.close();
  });

  it('logs no line at error level and no stack for 15 ordinary client mistakes', async () => {
    const before = lines().length;
    const mistakes: Array<Promise<GraphqlResponse>> = [
      call('{ me { oid } }'), // no token
      call('{ me { oid } }', {}, 'not-a-jwt'),
      call('{ me { oid }', {}, admin), // syntax
      call('{ nope }', {}, admin), // unknown field
      call('query($id: ID!) { tenant(id: $id) { id } }', { id: 42.5 }, admin), // variable type
      call('{ tenant(id: "not-a-uuid") { id } }', {}, admin),
      call(`{ tenant(id: "${randomUUID()}") { id } }`, {}, admin),
      call(`{ tenant(id: "${tenantId}") { id } }`, {}, viewer), // invisible tenant
      call(
        `mutation($i: RegisterTenantInput!) { registerTenant(input: $i) { id } }`,
        { i: { entraTenantId: randomUUID(), displayName: 'X', clientId: randomUUID(), clientSecret: 's' } },
        viewer,
      ), // forbidden
      call(
        `mutation($i: RegisterTenantInput!) { registerTenant(input: $i) { id } }`,
        { i: { entraTenantId: 'nope', displayName: 'X', clientId: randomUUID(), clientSecret: 's' } },
        admin,
      ),
      call(`{ inventoryItems(tenantId: "${tenantId}", after: "garbage") { edges { cursor } } }`, {}, admin),
      call('{ operationRuns(first: 1000) { edges { cursor } } }', {}, admin),
      call(`mutation { renameTenant(id: "${tenantId}", displayName: "") { id } }`, {}, admin),
      call(`mutation { revokeTenantAccess(tenantId: "${tenantId}", userUpn: "ghost@msp.test") }`, {}, admin),
      call(`mutation { startInventorySync(tenantId: "${tenantId}", types: ["noSuchType"]) { id } }`, {}, admin),
    ];
    const responses = await Promise.all(mistakes);
    for (const response of responses) {
      expect(response.errors?.length).toBeGreaterThan(0);
      expect(response.errors?.[0].extensions?.code).not.toBe('INTERNAL');
    }
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the child flush its log lines
    const logged = lines().slice(before);
    expect(logged.filter((line) => line.level >= 50)).toEqual([]);
    expect(logged.filter((line) => line.err?.stack || line.stack)).toEqual([]);
  });

  it('logs an unexpected failure once at error, with its stack and the request id', async () => {
    // A trigger in this test file's own database makes one rename fail inside PostgreSQL.
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    try {
      await db.query(`CREATE OR REPLACE FUNCTION fail_marked_rename() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.display_name = 'explode' THEN RAISE EXCEPTION 'forced failure for the logging test'; END IF; RETURN NEW; END $$`);
      await db.query(
        `CREATE TRIGGER fail_marked_rename BEFORE UPDATE ON tenants FOR EACH ROW EXECUTE FUNCTION fail_marked_rename()`,
      );
    } finally {
      await db.end();
    }
    const requestId = `log-test-${randomUUID()}`;
    const before = lines().length;
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, 'x-request-id': requestId },
      body: JSON.stringify({ query: `mutation { renameTenant(id: "${tenantId}", displayName: "explode") { id } }` }),
    });
    const body = (await response.json()) as GraphqlResponse;
    expect(body.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL' } });
    // The child's log line arrives when it arrives (a loaded machine); then a little longer, for a second one.
    await waitFor(
      async () =>
        lines()
          .slice(before)
          .some((line) => line.level >= 50),
      'the error log line',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const errors = lines()
      .slice(before)
      .filter((line) => line.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0].req?.id ?? errors[0].requestId).toBe(requestId);
    expect(errors[0].err?.stack ?? errors[0].stack).toMatch(/forced failure for the logging test/);
    // Nothing printed the query's parameters (TypeORM's own "query failed … PARAMETERS" console line did).
    expect(app.output()).not.toMatch(/PARAMETERS|"explode"/);
  });
});
