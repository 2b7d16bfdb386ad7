import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_TENANT, startGraphSimulator, type GraphSimulator } from '../../src/graph-simulator';
import { dropDatabase } from '../../src/infrastructure/database/database-url';
import { freePort } from '../support/free-port';
import { gql } from '../support/graphql-client';
import { spawnApp } from '../support/spawn-app';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, '..', 'shared', 'fixtures', 'openintunebaseline');
const AUDIENCE = 'api://tenantatlas';

export const VIEWER = { upn: 'viewer@demo.tenantatlas.test', password: 'viewer-password' };

export interface Stack {
  sim: GraphSimulator;
  url: string;
  demoTenantId: string;
  /** A tenant the viewer holds no role on. */
  otherTenantId: string;
  objectCount: number;
  adminToken(): Promise<string>;
  call<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The demo, as `npm run demo` builds it, on random ports and its own database: the simulator (OpenIntuneBaseline
 * fixtures when present) with the console's SPA registration, the app from source serving the built console, the demo
 * tenant registered and verified with the demo user as admin, a viewer, and a second tenant the viewer cannot see.
 */
export async function startStack(): Promise<Stack> {
  const seeded = existsSync(FIXTURES);
  const sim = await startGraphSimulator({
    port: 0,
    apiAudience: AUDIENCE,
    seedDirs: seeded ? [FIXTURES] : [],
    syntheticPerType: seeded ? 0 : 3,
    groups: 20,
  });
  sim.tenant(DEMO_TENANT.tenantId).users.push({
    oid: randomUUID(),
    upn: VIEWER.upn,
    password: VIEWER.password,
    displayName: 'Demo Viewer',
    delegatedConsent: true,
  });
  const other = sim.addTenant({ displayName: 'Fabrikam' });
  const objectCount = sim.tenant(DEMO_TENANT.tenantId).count();

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const database = `postgres://postgres@127.0.0.1:5432/ta_browser_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const app: ChildProcess = spawnApp({
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATABASE_URL: database,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `ta-browser-${randomBytes(4).toString('hex')}`,
    AUTH_JWKS_URL: `${sim.url}/{tid}/discovery/v2.0/keys`,
    AUTH_AUDIENCE: AUDIENCE,
    ADMIN_UPNS: DEMO_TENANT.upn,
    GRAPH_BASE_URL: sim.url,
    GRAPH_TOKEN_ENDPOINT_BASE_URL: sim.url,
    GRAPH_BACKOFF_BASE_MS: '20',
    CONSOLE_CLIENT_ID: DEMO_TENANT.consoleClientId,
    CONSOLE_AUTHORITY: sim.authority(DEMO_TENANT.tenantId),
    CONSOLE_DIR: join(ROOT, 'dist', 'web'),
  });
  let output = '';
  app.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  app.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (app.exitCode !== null) throw new Error(`the app exited (${app.exitCode}): ${output}`);
    const ready = await fetch(`${url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`the app did not become ready: ${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }

  const adminToken = () => sim.issueUserToken(DEMO_TENANT.tenantId, DEMO_TENANT.upn, { audience: AUDIENCE });
  const call = async <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await gql<T>(url, query, variables, await adminToken());
    if (response.errors?.length) throw new Error(JSON.stringify(response.errors));
    return response.data as T;
  };
  const register = async (entraTenantId: string, displayName: string, clientId: string, clientSecret: string) =>
    (
      await call<{ registerTenant: { id: string } }>(
        `mutation($input: RegisterTenantInput!) { registerTenant(input: $input) { id } }`,
        { input: { entraTenantId, displayName, clientId, clientSecret } },
      )
    ).registerTenant.id;
  const demoTenantId = await register(
    DEMO_TENANT.tenantId,
    'Contoso (demo)',
    DEMO_TENANT.clientId,
    DEMO_TENANT.clientSecret,
  );
  const otherTenantId = await register(other.tenantId, 'Fabrikam', other.apps[0].clientId, other.apps[0].clientSecret!);
  const grant = `mutation($t: ID!, $u: String!, $r: TenantRole!) { grantTenantAccess(tenantId: $t, userUpn: $u, role: $r) { role } }`;
  await call(grant, { t: demoTenantId, u: DEMO_TENANT.upn, r: 'ADMIN' });
  await call(grant, { t: demoTenantId, u: VIEWER.upn, r: 'VIEWER' });
  const { verifyTenant } = await call<{ verifyTenant: { id: string } }>(
    `mutation($t: ID!) { verifyTenant(tenantId: $t) { id } }`,
    {
      t: demoTenantId,
    },
  );
  for (const end = Date.now() + 60_000; ;) {
    const { operationRun } = await call<{ operationRun: { status: string } }>(
      `query($id: ID!) { operationRun(id: $id) { status } }`,
      {
        id: verifyTenant.id,
      },
    );
    if (operationRun.status === 'COMPLETED') break;
    if (Date.now() > end) throw new Error('verify did not complete');
    await new Promise((r) => setTimeout(r, 250));
  }

  return {
    sim,
    url,
    demoTenantId,
    otherTenantId,
    objectCount,
    adminToken,
    call,
    async close() {
      const exited = new Promise((resolve) => app.once('exit', resolve));
      app.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
      if (app.exitCode === null && app.signalCode === null) app.kill('SIGKILL');
      await sim.close();
      await dropDatabase(database);
    },
  };
}
