import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { controlRoutes, type SimControl } from './control.routes';
import { FaultRegistry, type FaultOptions } from './faults';
import { GraphPipeline } from './graph-dispatcher';
import { graphRoutes } from './graph.routes';
import { AuthorizationCodes } from './authorization-codes';
import { identityRoutes } from './identity.routes';
import { seedFromExports } from './seed-from-exports';
import { SimDirectory, type SimTenant, type SimTenantInfo, type SimTenantInput } from './simulator-state';
import { SpaClientRegistry, type SpaClient } from './spa-clients';
import { StatsRegistry, type SimStats } from './stats';
import { generateGroups, seedSynthetic } from './synthetic-seed';
import { createTenant, demoConsoleClient, demoTenantInput } from './tenants';
import { DEFAULT_THROTTLE, SlidingWindowThrottle, type ThrottleOptions } from './throttle';
import { issueApiUserToken, type TokenEndpointDeps } from './token-endpoint';
import { SimKeys } from './tokens';

export interface GraphSimulatorOptions {
  port?: number;
  host?: string;
  /** Folders of Graph JSON exports, loaded into the default (first) tenant. */
  seedDirs?: string[];
  /** Tenants to create; default: the demo tenant only. */
  tenants?: SimTenantInput[];
  /** Synthetic objects per collection and groups for the default tenant. */
  syntheticPerType?: number;
  groups?: number;
  /** `aud` of user tokens for TenantAtlas' own API. */
  apiAudience?: string;
  /** Default page size of collections (small, so clients really page); `$top` up to 999 overrides it. */
  pageSize?: number;
  throttle?: Partial<ThrottleOptions>;
  /** Single-page apps allowed to sign users in (authorization code + PKCE); default: the console's demo registration. */
  spaClients?: SpaClient[];
  /** Keep the signing key in this file across restarts (created when missing); default: a new key per start. */
  keyFile?: string;
}

export interface GraphSimulator {
  url: string;
  close(): Promise<void>;
  addTenant(input: SimTenantInput): SimTenantInfo;
  tenants(): SimTenantInfo[];
  tenant(tenantId: string): SimTenant;
  setThrottle(opts: Partial<ThrottleOptions>): void;
  setFaults(tenantId: string | '*', faults: Partial<FaultOptions>): void;
  stats(tenantId?: string): SimStats;
  resetStats(): void;
  issueUserToken(
    tenantId: string,
    upn: string,
    extra?: { audience?: string; expiresInSec?: number; scp?: string },
  ): Promise<string>;
  jwksUrl(tenantId?: string): string;
  /** OpenID authority of a tenant (what a single-page app is configured with). */
  authority(tenantId: string): string;
  addSpaClient(client: SpaClient): void;
  /** Refuses the user's refresh tokens issued until now, as Graph's revokeSignInSessions does. */
  revokeSignInSessions(tenantId: string, upn: string): void;
  /** Back to the state the options describe: tenants, seeds, no faults, empty throttle windows and stats. */
  reset(): void;
}

export async function startGraphSimulator(options: GraphSimulatorOptions = {}): Promise<GraphSimulator> {
  const keys = await SimKeys.create(options.keyFile);
  const directory = new SimDirectory();
  const throttle = new SlidingWindowThrottle(options.throttle);
  const faults = new FaultRegistry();
  const stats = new StatsRegistry();
  const apiAudience = options.apiAudience ?? 'api://tenantatlas';
  const tokenDeps: TokenEndpointDeps = {
    directory,
    keys,
    apiAudience,
    knownApiAudiences: new Set([apiAudience]),
    spaClients: new SpaClientRegistry(options.spaClients ?? [demoConsoleClient()]),
    codes: new AuthorizationCodes(),
  };
  const pipeline = new GraphPipeline({
    directory,
    keys,
    throttle,
    faults,
    stats,
    pageSize: () => options.pageSize ?? 25,
  });
  let url = '';

  const tenantOrThrow = (tenantId: string): SimTenant => {
    const t = directory.find(tenantId);
    if (!t) throw new Error(`Unknown simulator tenant ${tenantId}`);
    return t;
  };

  const populate = (): void => {
    directory.clear();
    const inputs = options.tenants?.length ? options.tenants : [demoTenantInput()];
    inputs.forEach((input) => directory.add(createTenant(input)));
    const first = directory.all()[0];
    for (const dir of options.seedDirs ?? []) seedFromExports(first, dir);
    if (options.syntheticPerType) seedSynthetic(first, options.syntheticPerType);
    if (options.groups) first.groups.push(...generateGroups(first.tenantId, options.groups, first.groups.length));
  };
  populate();

  const control: SimControl & Pick<GraphSimulator, 'addTenant'> = {
    tenants: () => directory.all().map((t) => t.info()),
    tenant: tenantOrThrow,
    addTenant: (input) => {
      if (input.tenantId && directory.find(input.tenantId)) throw new Error(`Tenant ${input.tenantId} already exists`);
      return directory.add(createTenant(input)).info();
    },
    reset: () => {
      populate();
      throttle.configure({ ...DEFAULT_THROTTLE, ...options.throttle });
      throttle.reset();
      faults.reset();
      stats.reset();
    },
    seedDir: (tenantId, dir) => seedFromExports(tenantOrThrow(tenantId), dir),
    seedSynthetic: (tenantId, perType, groupCount) => {
      const t = tenantOrThrow(tenantId);
      const objects = perType > 0 ? seedSynthetic(t, perType) : 0;
      t.groups.push(...generateGroups(t.tenantId, groupCount, t.groups.length));
      return { objects, groups: groupCount };
    },
    setThrottle: (opts) => throttle.configure(opts),
    throttleSettings: () => throttle.settings,
    setFaults: (tenantId, f) => faults.set(tenantId, f),
    stats: (tenantId) => stats.get(tenantId),
    resetStats: () => stats.reset(),
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(controlRoutes(control));
  app.use(identityRoutes(tokenDeps, () => url));
  app.use(graphRoutes(pipeline));
  app.use((req, res) => {
    res.status(404).json({ error: { code: 'NotFound', message: `No simulator route for ${req.method} ${req.path}` } });
  });

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port ?? 0, options.host ?? '127.0.0.1', (error?: Error) =>
      error ? reject(error) : resolve(s),
    );
  });
  // Clients (MSAL, fetch) keep sockets open; do not let idle keep-alives hold close() hostage.
  server.keepAliveTimeout = 5_000;
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  url = `http://${host}:${address.port}`;

  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    addTenant: control.addTenant,
    tenants: control.tenants,
    tenant: tenantOrThrow,
    setThrottle: control.setThrottle,
    setFaults: control.setFaults,
    stats: control.stats,
    resetStats: control.resetStats,
    reset: control.reset,
    issueUserToken: async (tenantId, upn, extra = {}) => {
      const tenant = tenantOrThrow(tenantId);
      const user = tenant.findUser(upn);
      if (!user) throw new Error(`Unknown user ${upn} in tenant ${tenantId}`);
      return issueApiUserToken(tokenDeps, tenant, user, extra);
    },
    jwksUrl: (tenantId) => `${url}/${tenantId ?? 'common'}/discovery/v2.0/keys`,
    authority: (tenantId) => `${url}/${tenantId}/v2.0`,
    addSpaClient: (client) => tokenDeps.spaClients.add(client),
    revokeSignInSessions: (tenantId, upn) => {
      const user = tenantOrThrow(tenantId).findUser(upn);
      if (!user) throw new Error(`Unknown user ${upn} in tenant ${tenantId}`);
      // Tokens carry whole seconds: one issued in this very second counts as revoked too.
      user.signInSessionsValidFrom = Math.floor(Date.now() / 1000) + 1;
    },
  };
}
