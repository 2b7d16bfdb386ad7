import { randomUUID } from 'node:crypto';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import {
  startGraphSimulator,
  type GraphSimulator,
  type GraphSimulatorOptions,
  type SimTenantInfo,
  type SimTenantInput,
} from '../../src/graph-simulator';
import { gql, type GraphqlResponse } from './graphql-client';
import { TEST_AUDIENCE } from './test-issuer';
import { startTestApp, type RunningTestApp } from './test-app';

/**
 * The whole product on one machine, as the demo runs it: the Graph simulator (Microsoft's side: a "home" tenant
 * where the MSP's people sign in, plus managed tenants) and the app, wired over real HTTP, real MSAL, real JWTs.
 */
export interface Scenario {
  sim: GraphSimulator;
  app: RunningTestApp;
  url: string;
  homeTenantId: string;
  adminUpn: string;
  /** A platform admin's token (ADMIN_UPNS). */
  adminToken: string;
  /** A user of the home tenant (created on first use) and their API token. */
  tokenFor(upn: string): Promise<string>;
  /** Adds a managed tenant to the simulator and registers it through the API as the platform admin. */
  addManagedTenant(input?: SimTenantInput & { name?: string }): Promise<{ tenantId: string; sim: SimTenantInfo }>;
  call<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphqlResponse<T>>;
  close(): Promise<void>;
}

export async function startScenario(
  options: {
    simulator?: GraphSimulatorOptions;
    env?: Record<string, string | number | boolean | undefined>;
    /** Test hook: spans go here instead of OTLP (tracing still needs OTEL_EXPORTER_OTLP_ENDPOINT in `env`). */
    traceExporter?: SpanExporter;
  } = {},
): Promise<Scenario> {
  const sim = await startGraphSimulator({ port: 0, apiAudience: TEST_AUDIENCE, tenants: [], ...options.simulator });
  const adminUpn = `admin-${randomUUID().slice(0, 8)}@msp.test`;
  const home = sim.addTenant({ displayName: 'MSP home', users: [{ upn: adminUpn, password: 'pw' }] });
  const app = await startTestApp(
    {
      GRAPH_BASE_URL: sim.url,
      GRAPH_TOKEN_ENDPOINT_BASE_URL: sim.url,
      AUTH_JWKS_URL: `${sim.url}/{tid}/discovery/v2.0/keys`,
      ADMIN_UPNS: adminUpn,
      GRAPH_BACKOFF_BASE_MS: 20,
      GRAPH_BACKOFF_CAP_MS: 500,
      ...options.env,
    },
    { traceExporter: options.traceExporter },
  );
  const tokenFor = async (upn: string) => {
    const tenant = sim.tenant(home.tenantId);
    if (!tenant.users.some((u) => u.upn === upn.toLowerCase())) {
      tenant.users.push({
        oid: randomUUID(),
        upn: upn.toLowerCase(),
        password: 'pw',
        displayName: upn,
        delegatedConsent: true,
      });
    }
    return sim.issueUserToken(home.tenantId, upn.toLowerCase(), { audience: TEST_AUDIENCE });
  };
  const adminToken = await tokenFor(adminUpn);
  const call = <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token = adminToken) =>
    gql<T>(app.url, query, variables, token);
  return {
    sim,
    app,
    url: app.url,
    homeTenantId: home.tenantId,
    adminUpn,
    adminToken,
    tokenFor,
    call,
    async addManagedTenant(input = {}) {
      const simTenant = sim.addTenant({ displayName: input.name ?? `Managed ${randomUUID().slice(0, 6)}`, ...input });
      const app0 = simTenant.apps[0];
      const response = await call<{ registerTenant: { id: string } }>(
        `mutation($input: RegisterTenantInput!) { registerTenant(input: $input) { id } }`,
        {
          input: {
            entraTenantId: simTenant.tenantId,
            displayName: simTenant.displayName,
            clientId: app0.clientId,
            clientSecret: app0.clientSecret,
          },
        },
      );
      if (!response.data?.registerTenant) throw new Error(`registerTenant failed: ${JSON.stringify(response.errors)}`);
      return { tenantId: response.data.registerTenant.id, sim: simTenant };
    },
    async close() {
      await app.close();
      await sim.close();
    },
  };
}

/** Polls a run through the API until it completes (monitoring is DB-only, so this never waits on Graph). */
export async function waitForRun(scenario: Scenario, runId: string, timeoutMs = 60000): Promise<Record<string, any>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await scenario.call(
      `query($id: ID!) { operationRun(id: $id) { id type status outcome summaryCounts { total processed succeeded failed skipped } failures { item code message } } }`,
      { id: runId },
    );
    const run = response.data?.operationRun;
    if (run?.status === 'COMPLETED') return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} did not complete: ${JSON.stringify(response)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
