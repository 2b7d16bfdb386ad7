import { createHash, randomUUID } from 'node:crypto';
import { errorCodes, gql, type GraphqlResponse } from '../../support/graphql-client';
import { startTestApp, type RunningTestApp } from '../../support/test-app';
import { TestIssuer } from '../../support/test-issuer';

/** Shared by the tenants, rbac, audit and isolation e2e tests: one app, one issuer, users by UPN with stable oids. */
export const PLATFORM_ADMIN = 'platform.admin@msp.test';
export const MSP_TID = '0c0ffee0-0000-4000-8000-000000000001';

export const TENANT_FIELDS = `id entraTenantId displayName clientId status archivedAt myRole createdAt grantedPermissions
  credential { kind setAt expiresAt }
  capabilities { canReadGroups canSearchGroups types { typeKey canRead canWrite } }
  verification { status code message runId at organizationName }`;

export interface AccessHarness {
  app: RunningTestApp;
  issuer: TestIssuer;
  token(upn: string): Promise<string>;
  call<T = Record<string, any>>(
    upn: string,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResponse<T>>;
  registerTenant(
    overrides?: Partial<{ entraTenantId: string; displayName: string; clientId: string; clientSecret: string }>,
  ): Promise<{ id: string; entraTenantId: string; displayName: string }>;
  grant(tenantId: string, upn: string, role: 'VIEWER' | 'OPERATOR' | 'ADMIN'): Promise<void>;
  close(): Promise<void>;
}

export function oidFor(upn: string): string {
  const h = createHash('sha256').update(upn.toLowerCase()).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function startAccessHarness(
  env: Record<string, string | number | boolean | undefined> = {},
): Promise<AccessHarness> {
  const issuer = await TestIssuer.start();
  // Graph and token calls go to a closed local port unless a test brings the simulator: never to Microsoft.
  // Own Redis prefix: other test files' apps share this run's database but must not run our queued jobs (their
  // workers point Graph elsewhere). The global teardown still clears it (same prefix stem).
  const REDIS_PREFIX = `${process.env.REDIS_PREFIX}-${randomUUID().slice(0, 8)}`;
  const app = await startTestApp({
    REDIS_PREFIX,
    AUTH_JWKS_URL: issuer.jwksUrl,
    ADMIN_UPNS: PLATFORM_ADMIN,
    GRAPH_BASE_URL: 'http://127.0.0.1:9',
    GRAPH_TOKEN_ENDPOINT_BASE_URL: 'http://127.0.0.1:9',
    GRAPH_MAX_ATTEMPTS: 1,
    ...env,
  });
  const token = (upn: string) => issuer.userToken({ tid: MSP_TID, oid: oidFor(upn), upn, name: upn });
  const call = async <T = Record<string, any>>(upn: string, query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(app.url, query, variables, await token(upn));
  return {
    app,
    issuer,
    token,
    call,
    async registerTenant(overrides = {}) {
      const input = {
        entraTenantId: randomUUID(),
        displayName: `Contoso ${randomUUID().slice(0, 6)}`,
        clientId: randomUUID(),
        clientSecret: `s3cr3t-${randomUUID()}`,
        ...overrides,
      };
      const res = await call(
        PLATFORM_ADMIN,
        `mutation($input: RegisterTenantInput!) { registerTenant(input: $input) { id entraTenantId displayName } }`,
        { input },
      );
      if (res.errors) throw new Error(`registerTenant failed: ${JSON.stringify(res.errors)}`);
      return res.data!.registerTenant;
    },
    async grant(tenantId, upn, role) {
      const res = await call(
        PLATFORM_ADMIN,
        `mutation($t: ID!, $u: String!, $r: TenantRole!) { grantTenantAccess(tenantId: $t, userUpn: $u, role: $r) { id } }`,
        { t: tenantId, u: upn, r: role },
      );
      if (res.errors) throw new Error(`grant failed: ${JSON.stringify(res.errors)}`);
    },
    async close() {
      await app.close();
      await issuer.close();
    },
  };
}

export { errorCodes, gql };

/** Polls a run until it completes (the worker runs in this same app: APP_ROLE=all). */
export async function waitForRun(
  h: AccessHarness,
  runId: string,
  timeoutMs = 30000,
): Promise<{ status: string; outcome: string; failures: Array<{ code: string; message: string }> }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await h.call(
      PLATFORM_ADMIN,
      `query($id: ID!) { operationRun(id: $id) { status outcome failures { code message } } }`,
      { id: runId },
    );
    const run = res.data?.operationRun;
    if (run?.status === 'COMPLETED') return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} did not complete: ${JSON.stringify(res)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
