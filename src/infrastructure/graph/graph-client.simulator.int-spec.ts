/**
 * The Graph layer against the project's own Graph simulator over real HTTP: real MSAL (secret and certificate),
 * real Redis (the throttle budget, prefix from REDIS_PREFIX + a random suffix), the real GraphClient.
 * The throttle budget's timing test lives in graph-throttle-budget.int-spec.ts.
 */
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import Redis from 'ioredis';
import { SignJWT } from 'jose';
import { GRAPH_CONTRACTS, getContract, type GraphContract } from '../../../config/graph-contracts';
import {
  collectionFromContext,
  startGraphSimulator,
  type GraphSimulator,
  type ThrottleOptions,
} from '../../graph-simulator';
import { appToken, graph, tokenRequest, withoutOdata } from '../../graph-simulator/test-helpers';
import { GraphCallStats } from './graph-call-stats';
import { GraphClientFactory } from './graph-client.factory';
import {
  GraphAuthError,
  GraphError,
  GraphNotFoundError,
  GraphPermissionError,
  GraphThrottledError,
  GraphUnavailableError,
  GraphValidationError,
} from './graph-errors';
import { GraphSettings } from './graph-settings';
import { GraphTokenProvider } from './graph-token.provider';
import { TenantGraphConnection } from './tenant-graph-connection';
import {
  CapturingLogger,
  captureLogs,
  captureProcessOutput,
  testFactory,
  testGraphSettings,
  testRedis,
} from './testing/graph-test-context';
import { addSimTenant, seedDeviceConfigurations, type SimTestTenant } from './testing/simulator-context';
import { startTokenEndpointTap, type TokenEndpointTap } from './testing/token-endpoint-tap';

const FIXTURES = join(__dirname, '../../../../shared/fixtures/openintunebaseline');
const FIXTURE_TENANT = 'f1f1f1f1-0000-4000-8000-000000000001';
const FIXTURE_SECRET = `fixture-tenant-secret-${randomBytes(8).toString('hex')}`;
/** Intune's real limits: generous enough that only the tests that tighten them see a 429. */
const INTUNE_THROTTLE: ThrottleOptions = {
  enabled: true,
  windowMs: 20_000,
  maxRequests: 1000,
  maxWrites: 100,
  retryAfterMode: 'header',
};
const configurations = getContract('deviceConfiguration');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? jsonFiles(full) : name.endsWith('.json') ? [full] : [];
    });
}

const contractByCollection = (collection: string): GraphContract | undefined =>
  Object.values(GRAPH_CONTRACTS).find((c) => c.collectionPath === `/${collection}`);

/** A node:http server on a loopback address that records every request it receives (method, path, Authorization). */
interface LocalServer {
  url: string;
  requests: Array<{ method: string; path: string; authorization?: string }>;
  close(): Promise<void>;
}

async function startLocalServer(
  host: string,
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<LocalServer> {
  const requests: LocalServer['requests'] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization });
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Replaces the origin of a URL, keeping path and query. */
const withOrigin = (url: string, origin: string): string => {
  const u = new URL(url);
  return `${origin}${u.pathname}${u.search}`;
};

describe('GraphClient against the Graph simulator (real HTTP, real MSAL, real Redis)', () => {
  let sim: GraphSimulator;
  let tap: TokenEndpointTap;
  let redis: Redis;
  let logs: CapturingLogger;
  let output: ReturnType<typeof captureProcessOutput>;
  /** Every credential and token this file handled: none may show up in a log line. */
  const secrets: string[] = [FIXTURE_SECRET];

  const settings = (overrides: Partial<GraphSettings> = {}): GraphSettings => ({
    ...testGraphSettings(sim.url, overrides),
    tokenEndpointBaseUrl: tap.url,
  });
  const factory = (overrides: Partial<GraphSettings> = {}): GraphClientFactory =>
    testFactory(settings(overrides), redis);
  const tenant = (opts: Parameters<typeof addSimTenant>[1] = {}): SimTestTenant => {
    const t = addSimTenant(sim, opts);
    secrets.push(t.secret);
    return t;
  };
  /** A token fetched around the GraphClient, to fill the simulator's throttle window for the same app. */
  const rawToken = async (tenantId: string): Promise<string> => {
    const token = await appToken(sim, tenantId);
    secrets.push(token);
    return token;
  };
  const fillWindow = async (token: string, n: number): Promise<void> => {
    for (let i = 0; i < n; i++)
      expect((await graph(sim, token, '/beta/deviceManagement/deviceConfigurations?$top=1')).status).toBe(200);
  };
  const warnLines = () => logs.lines.filter((l) => l.startsWith('warn '));

  beforeAll(async () => {
    logs = captureLogs();
    output = captureProcessOutput();
    redis = testRedis();
    sim = await startGraphSimulator({
      tenants: [{ tenantId: FIXTURE_TENANT, displayName: 'Fixture tenant', apps: [{ clientSecret: FIXTURE_SECRET }] }],
      seedDirs: [FIXTURES],
      throttle: INTUNE_THROTTLE,
    });
    tap = await startTokenEndpointTap(sim.url);
  });

  afterAll(async () => {
    output.restore();
    await tap.close();
    await sim.close();
    redis.disconnect();
  });

  beforeEach(() => {
    sim.setThrottle(INTUNE_THROTTLE);
    sim.setFaults('*', { fail503Count: 0, fail503Rate: 0, latencyMs: 0, missingPermissions: [] });
  });

  describe('tokens (MSAL ConfidentialClientApplication → simulator token endpoint)', () => {
    const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const privateKeyPem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const publicKeyPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    // Entra's thumbprint is the SHA-256 of the certificate's DER; with no X.509 builder in Node we register the
    // public key under the SHA-256 of its SPKI DER, which is what MSAL sends as x5t#S256 and the simulator matches.
    const thumbprintSha256 = createHash('sha256')
      .update(keys.publicKey.export({ type: 'spki', format: 'der' }))
      .digest('hex');
    const ROLES = ['DeviceManagementConfiguration.Read.All', 'Group.Read.All'];

    it('acquires an app token with a client secret; the token carries the granted roles', async () => {
      const t = tenant({ roles: ROLES });
      const token = await factory().acquireAppToken(t.conn);
      expect(token.roles).toEqual(ROLES);
      expect(token.expiresOn.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
      expect(tap.count(t.clientId)).toBe(1);
    });

    it('serves the second token of one connection from the MSAL cache: the token endpoint is hit once', async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 3);
      const f = factory();
      await f.acquireAppToken(t.conn);
      await f.acquireAppToken(t.conn);
      const client = f.forConnection(t.conn);
      await client.get(configurations, 'cfg-1');
      await client.get(configurations, 'cfg-2');
      expect(tap.count(t.clientId)).toBe(1);
      expect(sim.stats(t.tenantId).byStatus).toEqual({ '200': 2 });

      const provider = new GraphTokenProvider(settings());
      expect((await provider.getAppToken(t.conn)).fromCache).toBe(false);
      expect((await provider.getAppToken(t.conn)).fromCache).toBe(true);
      expect(tap.count(t.clientId)).toBe(2);
    });

    it('asks for a new token when the credentials change (new connection key)', async () => {
      const t = tenant();
      const f = factory();
      await f.acquireAppToken(t.conn);
      await f.acquireAppToken({ ...t.conn, connectionKey: `${t.tenantId}:v2` });
      expect(tap.count(t.clientId)).toBe(2);
    });

    it('acquires an app token with a certificate (MSAL-signed client assertion)', async () => {
      const t = tenant({
        roles: ['DeviceManagementApps.Read.All'],
        certificates: [{ thumbprintSha256, publicKeyPem }],
      });
      const certConn: TenantGraphConnection = {
        ...t.conn,
        connectionKey: `${t.tenantId}:cert`,
        credential: { kind: 'certificate', privateKeyPem, thumbprintSha256 },
      };
      const token = await factory().acquireAppToken(certConn);
      expect(token.roles).toEqual(['DeviceManagementApps.Read.All']);
      expect(tap.requests.filter((r) => r.clientId === t.clientId).map((r) => r.status)).toEqual([200]);
    });

    it('accepts a client assertion whose nbf is a second ahead, as MSAL sends (nbf = Math.round(now)) and Entra allows', async () => {
      const t = tenant({ certificates: [{ thumbprintSha256, publicKeyPem }] });
      const now = Math.floor(Date.now() / 1000);
      const assertion = await new SignJWT({ jti: randomBytes(8).toString('hex') })
        .setProtectedHeader({ alg: 'PS256', 'x5t#S256': Buffer.from(thumbprintSha256, 'hex').toString('base64url') })
        .setIssuer(t.clientId)
        .setSubject(t.clientId)
        .setAudience(`${sim.url}/${t.tenantId}/oauth2/v2.0/token`)
        .setNotBefore(now + 1)
        .setExpirationTime(now + 600)
        .sign(keys.privateKey);
      const res = await tokenRequest(sim, t.tenantId, {
        grant_type: 'client_credentials',
        client_id: t.clientId,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
        scope: 'https://graph.microsoft.com/.default',
      });
      expect(res.status).toBe(200);
      secrets.push(res.body.access_token);
    });

    it('rejects an assertion signed by another key under a registered thumbprint: GraphAuthError invalid_client', async () => {
      const t = tenant({ certificates: [{ thumbprintSha256, publicKeyPem }] });
      const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString();
      const error = await factory()
        .acquireAppToken({
          ...t.conn,
          connectionKey: `${t.tenantId}:bad-cert`,
          credential: { kind: 'certificate', privateKeyPem: other, thumbprintSha256 },
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphAuthError);
      expect(error).toMatchObject({ kind: 'invalid_client', aadstsCode: 'AADSTS700027' });
      expect(JSON.stringify({ message: (error as Error).message, ...(error as object) })).not.toContain('PRIVATE KEY');
    });

    it('turns a wrong secret into GraphAuthError invalid_client whose message holds no secret', async () => {
      const t = tenant();
      const wrong = `wrong-secret-${randomBytes(8).toString('hex')}`;
      secrets.push(wrong);
      const error = await factory()
        .acquireAppToken({
          ...t.conn,
          connectionKey: `${t.tenantId}:wrong`,
          credential: { kind: 'secret', secret: wrong },
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphAuthError);
      expect(error).toMatchObject({ kind: 'invalid_client', aadstsCode: 'AADSTS7000215' });
      const everything = JSON.stringify({
        message: (error as Error).message,
        stack: (error as Error).stack,
        ...(error as object),
      });
      expect(everything).not.toContain(wrong);
      expect(everything).not.toContain(t.secret);
      expect(tap.requests.filter((r) => r.clientId === t.clientId).map((r) => r.status)).toEqual([401]);
    });

    it('maps an unknown tenant to GraphAuthError tenant_not_found', async () => {
      const t = tenant();
      const missing = '0badbad0-0000-4000-8000-000000000000';
      const error = await factory()
        .acquireAppToken({ ...t.conn, connectionKey: 'missing:v1', entraTenantId: missing })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'GraphAuthError', kind: 'tenant_not_found', aadstsCode: 'AADSTS90002' });
    });
  });

  describe('reads', () => {
    it('follows @odata.nextLink across 6 pages with $top and honours $select', async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 53);
      const pages: number[] = [];
      const items: Record<string, unknown>[] = [];
      for await (const page of factory()
        .forConnection(t.conn)
        .list(configurations, { select: ['id', 'displayName'], top: 10 })) {
        pages.push(page.items.length);
        items.push(...page.items);
      }
      expect(pages).toEqual([10, 10, 10, 10, 10, 3]);
      expect(items.map((i) => i.id)).toEqual(Array.from({ length: 53 }, (_, i) => `cfg-${i}`));
      // Graph keeps @odata.type on polymorphic entities whatever $select says.
      for (const item of items) expect(Object.keys(item).sort()).toEqual(['@odata.type', 'displayName', 'id']);
      expect(sim.stats(t.tenantId)).toMatchObject({ requests: 6, throttled429: 0 });
    });

    it('pages with the simulator default page size when no $top is given, and $count comes on the first page', async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 60);
      const pages: Array<{ n: number; count?: number }> = [];
      for await (const page of factory()
        .forConnection(t.conn)
        .list(configurations, { select: configurations.listSelect, count: true })) {
        pages.push({ n: page.items.length, count: page.count });
      }
      expect(pages).toEqual([
        { n: 25, count: 60 },
        { n: 25, count: undefined },
        { n: 10, count: undefined },
      ]);
    });

    it('sends a fresh client-request-id per call and reports Graph’s request-id in errors and logs', async () => {
      const t = tenant();
      const client = factory().forConnection(t.conn);
      const errors = await Promise.all(
        ['nope-1', 'nope-2'].map((id) => client.get(configurations, id).catch((e: unknown) => e)),
      );
      for (const error of errors) {
        expect(error).toBeInstanceOf(GraphNotFoundError);
        expect(error).toMatchObject({
          status: 404,
          requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          clientRequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        });
      }
      const [a, b] = errors as GraphNotFoundError[];
      expect(a.clientRequestId).not.toBe(b.clientRequestId);
      expect(
        logs.lines.some((l) => l.includes(`request-id=${a.requestId} client-request-id=${a.clientRequestId}`)),
      ).toBe(true);
    });

    it('searches groups with ConsistencyLevel: eventual (and gets Graph’s 400 without it)', async () => {
      const t = tenant({
        groups: [{ displayName: 'Finance Laptops' }, { displayName: 'Finance Desktops' }, { displayName: 'HR Kiosks' }],
      });
      const client = factory().forConnection(t.conn);
      const names: string[] = [];
      const query = {
        search: '"displayName:finance"',
        select: ['id', 'displayName'],
        headers: { ConsistencyLevel: 'eventual' },
      };
      for await (const page of client.list({ path: '/groups' }, query))
        names.push(...page.items.map((g) => String(g.displayName)));
      expect(names.sort()).toEqual(['Finance Desktops', 'Finance Laptops']);
      await expect(
        client.list({ path: '/groups' }, { search: '"displayName:finance"' })[Symbol.asyncIterator]().next(),
      ).rejects.toBeInstanceOf(GraphValidationError);
    });

    it('reports a missing permission as GraphPermissionError (403) without retrying it', async () => {
      const t = tenant({ roles: ['Group.Read.All'] });
      await expect(factory().forConnection(t.conn).get(configurations, 'cfg-0')).rejects.toBeInstanceOf(
        GraphPermissionError,
      );
      expect(sim.stats(t.tenantId)).toMatchObject({ requests: 1, byStatus: { '403': 1 } });
    });
  });

  describe('@odata.nextLink host check (the bearer token never leaves the configured Graph host)', () => {
    /** Poses as Graph (GRAPH_BASE_URL points here): forwards to the simulator and rewrites each nextLink with `rewriteNextLink`. */
    let graphHost: LocalServer;
    /** Stand-ins for a foreign host: answer an empty page, so a client without the check would finish the listing normally. */
    let otherHost: LocalServer;
    let otherPort: LocalServer;
    let rewriteNextLink: (nextLink: string) => string;
    const emptyPage = async (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ value: [] }));
    };

    beforeAll(async () => {
      graphHost = await startLocalServer('127.0.0.1', async (req, res) => {
        const headers: Record<string, string> = {};
        for (const name of ['authorization', 'accept', 'client-request-id', 'consistencylevel']) {
          const value = req.headers[name];
          if (typeof value === 'string') headers[name] = value;
        }
        const upstream = await fetch(`${sim.url}${req.url ?? '/'}`, { method: req.method, headers });
        const text = await upstream.text();
        let body = text;
        if (upstream.ok && text) {
          const page = JSON.parse(text) as Record<string, unknown>;
          if (typeof page['@odata.nextLink'] === 'string')
            page['@odata.nextLink'] = rewriteNextLink(page['@odata.nextLink']);
          body = JSON.stringify(page);
        }
        res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
        res.end(body);
      });
      otherHost = await startLocalServer('127.0.0.2', emptyPage);
      otherPort = await startLocalServer('127.0.0.1', emptyPage);
    });

    afterAll(async () => {
      await Promise.all([graphHost.close(), otherHost.close(), otherPort.close()]);
    });

    beforeEach(() => {
      for (const server of [graphHost, otherHost, otherPort]) server.requests.length = 0;
    });

    const listThroughGraphHost = async (t: SimTestTenant): Promise<{ pages: number[]; error: unknown }> => {
      const pages: number[] = [];
      try {
        for await (const page of factory({ graphBaseUrl: graphHost.url })
          .forConnection(t.conn)
          .list(configurations, { select: ['id'], top: 10 })) {
          pages.push(page.items.length);
        }
        return { pages, error: undefined };
      } catch (error) {
        return { pages, error };
      }
    };

    it('follows a nextLink on the configured Graph host (control: the fake host in front of the simulator pages normally)', async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 23);
      rewriteNextLink = (nextLink) => withOrigin(nextLink, graphHost.url);
      const { pages, error } = await listThroughGraphHost(t);
      expect(error).toBeUndefined();
      expect(pages).toEqual([10, 10, 3]);
      expect(graphHost.requests).toHaveLength(3);
      expect(graphHost.requests.every((r) => r.authorization?.startsWith('Bearer '))).toBe(true);
    });

    it.each([
      ['another host (127.0.0.2)', () => otherHost.url, () => otherHost],
      ['the same host on another port', () => otherPort.url, () => otherPort],
      ['a public host (https://evil.example)', () => 'https://evil.example', () => undefined],
    ])(
      'refuses a nextLink to %s with a GraphError after the first page; nothing is sent there',
      async (_label, origin, server) => {
        const t = tenant();
        seedDeviceConfigurations(sim, t.tenantId, 23);
        rewriteNextLink = (nextLink) => withOrigin(nextLink, origin());
        const { pages, error } = await listThroughGraphHost(t);
        expect(pages).toEqual([10]);
        // The base GraphError, not GraphUnavailableError: refused before any fetch, never retried.
        expect(error).toBeInstanceOf(GraphError);
        expect((error as GraphError).constructor).toBe(GraphError);
        expect(error).toMatchObject({
          status: 0,
          message: `Refusing @odata.nextLink to another host: ${new URL(origin()).origin}`,
        });
        expect(server()?.requests ?? []).toEqual([]);
        expect(graphHost.requests).toHaveLength(1);
        expect(sim.stats(t.tenantId)).toMatchObject({ requests: 1 });
      },
    );
  });

  describe('writes', () => {
    it('strips read-only fields before a create (the simulator answers 400 to any of them)', async () => {
      const t = tenant();
      const created = await factory().forConnection(t.conn).create(configurations, {
        '@odata.type': '#microsoft.graph.windows10CustomConfiguration',
        id: 'old-id',
        version: 4,
        createdDateTime: '2024-01-01T00:00:00Z',
        supportsScopeTags: true,
        displayName: 'Created through the GraphClient',
        omaSettings: [],
      });
      expect(created).toMatchObject({ displayName: 'Created through the GraphClient', version: 1 });
      expect(created.id).not.toBe('old-id');
      expect(sim.stats(t.tenantId)).toMatchObject({ writes: 1, byStatus: { '201': 1 } });
    });
  });

  describe('updates, deletes and assignments', () => {
    const settingsCatalog = getContract('settingsCatalogPolicy');
    const scripts = getContract('deviceManagementScript');
    const autopilot = getContract('windowsAutopilotDeploymentProfile');
    const groupTarget = (groupId: string) => ({
      target: { '@odata.type': '#microsoft.graph.groupAssignmentTarget', groupId },
    });
    const setting = (id: string, value: string) => ({
      '@odata.type': '#microsoft.graph.deviceManagementConfigurationSetting',
      settingInstance: {
        '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance',
        settingDefinitionId: id,
        choiceSettingValue: {
          '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingValue',
          value,
          children: [],
        },
      },
    });
    const assignmentsOf = async (
      client: ReturnType<GraphClientFactory['forConnection']>,
      contract: GraphContract,
      id: string,
    ) => {
      const items: Record<string, unknown>[] = [];
      for await (const page of client.list({
        path: `${contract.collectionPath}/${id}/assignments`,
        version: contract.apiVersion,
      }))
        items.push(...page.items);
      return items.map((a) => (a.target as { groupId?: string }).groupId).sort();
    };

    it('updates a device configuration with PATCH (204), stripping the read-only fields a GET returned', async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 1);
      const client = factory().forConnection(t.conn);
      const read = await client.get(configurations, 'cfg-0');
      // Everything Graph returned goes back (id, version, @odata.context, …); the simulator answers 400 to any read-only field.
      const body = {
        ...read,
        description: 'Changed through the GraphClient',
        version: 7,
        createdDateTime: '2020-01-01T00:00:00Z',
        supportsScopeTags: true,
        isAssigned: false,
      };
      await expect(client.update(configurations, 'cfg-0', body)).resolves.toBeUndefined();
      // Only deviceConfigurations exposes no PUT: a 204 here means the client sent PATCH.
      expect(sim.stats(t.tenantId)).toMatchObject({ writes: 1, byStatus: { '200': 1, '204': 1 } });
      expect(await client.get(configurations, 'cfg-0')).toMatchObject({
        id: 'cfg-0',
        description: 'Changed through the GraphClient',
        version: 2,
      });
    });

    it('replaces a settings catalog policy with PUT carrying its settings (204), stripping settingCount and creationSource', async () => {
      const t = tenant();
      const client = factory().forConnection(t.conn);
      const created = await client.create(settingsCatalog, {
        name: 'Catalog policy',
        description: 'before',
        platforms: 'windows10',
        technologies: 'mdm',
        settings: [setting('device_vendor_msft_policy_config_a', 'a_1')],
      });
      const id = String(created.id);
      const read = await client.get(settingsCatalog, id, { expand: settingsCatalog.backup.expand });
      expect(read).toMatchObject({ settingCount: 1, settings: [expect.any(Object)] });
      const body = {
        ...read,
        name: 'Catalog policy (renamed)',
        creationSource: 'test',
        settings: [
          setting('device_vendor_msft_policy_config_b', 'b_0'),
          setting('device_vendor_msft_policy_config_c', 'c_1'),
        ],
      };
      await expect(client.update(settingsCatalog, id, body)).resolves.toBeUndefined();
      // A PATCH with `settings` is a 400 on Graph (and the simulator): the 204 is the PUT.
      expect(sim.stats(t.tenantId)).toMatchObject({ writes: 2, byStatus: { '201': 1, '200': 1, '204': 1 } });
      const after = await client.get(settingsCatalog, id, { expand: ['settings'] });
      expect(after).toMatchObject({ id, name: 'Catalog policy (renamed)', settingCount: 2 });
      expect(
        (after.settings as Array<{ settingInstance: { settingDefinitionId: string } }>).map(
          (s) => s.settingInstance.settingDefinitionId,
        ),
      ).toEqual(['device_vendor_msft_policy_config_b', 'device_vendor_msft_policy_config_c']);
    });

    it('deletes an object (204); reading it afterwards is GraphNotFoundError', async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 2);
      const client = factory().forConnection(t.conn);
      await expect(client.delete(configurations, 'cfg-0')).resolves.toBeUndefined();
      await expect(client.get(configurations, 'cfg-0')).rejects.toBeInstanceOf(GraphNotFoundError);
      await expect(client.get(configurations, 'cfg-1')).resolves.toMatchObject({ id: 'cfg-1' });
      expect(sim.stats(t.tenantId)).toMatchObject({ writes: 1, byStatus: { '204': 1, '404': 1, '200': 1 } });
    });

    it("assigns with the assign action and body key 'assignments' (200), replacing the whole set", async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 1);
      const client = factory().forConnection(t.conn);
      await expect(
        client.assign(configurations, 'cfg-0', [groupTarget('g-1'), groupTarget('g-2')]),
      ).resolves.toBeUndefined();
      expect(await assignmentsOf(client, configurations, 'cfg-0')).toEqual(['g-1', 'g-2']);
      await client.assign(configurations, 'cfg-0', [groupTarget('g-3')]);
      expect(await assignmentsOf(client, configurations, 'cfg-0')).toEqual(['g-3']);
      expect(sim.stats(t.tenantId)).toMatchObject({ writes: 2, byStatus: { '200': 4 } });
    });

    it("assigns a PowerShell script with body key 'deviceManagementScriptAssignments' (204)", async () => {
      const t = tenant();
      const client = factory().forConnection(t.conn);
      const created = await client.create(scripts, {
        displayName: 'Script',
        scriptContent: Buffer.from('Write-Output "hi"').toString('base64'),
        fileName: 'script.ps1',
        runAsAccount: 'system',
      });
      const id = String(created.id);
      await expect(client.assign(scripts, id, [groupTarget('g-1')])).resolves.toBeUndefined();
      expect(await assignmentsOf(client, scripts, id)).toEqual(['g-1']);
      // The simulator answers 400 to any other body key (as Graph does).
      expect(sim.stats(t.tenantId)).toMatchObject({ writes: 2, byStatus: { '201': 1, '204': 1, '200': 1 } });
    });

    it('assigns an Autopilot profile per target: deletes the existing assignments, then POSTs each target (201)', async () => {
      const t = tenant();
      const client = factory().forConnection(t.conn);
      const created = await client.create(autopilot, {
        '@odata.type': '#microsoft.graph.azureADWindowsAutopilotDeploymentProfile',
        displayName: 'Autopilot',
        locale: 'os-default',
      });
      const id = String(created.id);
      await client.assign(autopilot, id, [groupTarget('g-1'), groupTarget('g-2')]);
      expect(await assignmentsOf(client, autopilot, id)).toEqual(['g-1', 'g-2']);
      await client.assign(autopilot, id, [groupTarget('g-3')]);
      expect(await assignmentsOf(client, autopilot, id)).toEqual(['g-3']);
      // create 201; first assign: GET (empty) + 2 × POST 201; read 200; second: GET + 2 × DELETE 204 + POST 201; read 200.
      expect(sim.stats(t.tenantId)).toMatchObject({ writes: 6, byStatus: { '201': 4, '200': 4, '204': 2 } });
    });
  });

  describe('$batch', () => {
    it('retries only the inner request the simulator throttled', async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 5);
      // Five inner requests, four slots: exactly one inner 429 with a Retry-After of ≈ 300 ms.
      sim.setThrottle({ windowMs: 300, maxRequests: 4, retryAfterMode: 'header' });
      const stats = new GraphCallStats();
      const requests = Array.from({ length: 5 }, (_, i) => ({
        id: String(i),
        method: 'GET' as const,
        url: `${configurations.collectionPath}/cfg-${i}`,
      }));
      const responses = await factory().forConnection(t.conn, { stats }).batch(requests);
      expect(responses.map((r) => [r.id, r.status, (r.body as { id?: string })?.id])).toEqual(
        requests.map((r, i) => [r.id, 200, `cfg-${i}`]),
      );
      // 5 inner requests + 1 resent = 6 reached the simulator: the 4 that succeeded were not sent again.
      expect(sim.stats(t.tenantId)).toMatchObject({ requests: 6, throttled429: 1, byStatus: { '200': 5, '429': 1 } });
      expect(stats).toMatchObject({ requests: 6, throttled429: 1, retries: 1 });
      expect(logs.lines.some((l) => l.includes('$batch: retrying 1 of 5 inner requests'))).toBe(true);
    });

    it('splits 45 requests into $batch calls of ≤ 20 (the simulator rejects larger ones) and keeps request order', async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 45);
      const requests = Array.from({ length: 45 }, (_, i) => ({
        id: `r${i}`,
        method: 'GET' as const,
        url: `${configurations.collectionPath}/cfg-${i}`,
      }));
      const responses = await factory().forConnection(t.conn).batch(requests);
      expect(responses.map((r) => r.id)).toEqual(requests.map((r) => r.id));
      expect(responses.every((r, i) => r.status === 200 && (r.body as { id: string }).id === `cfg-${i}`)).toBe(true);
      expect(sim.stats(t.tenantId).requests).toBe(45);
    });
  });

  describe('retries', () => {
    it("waits at least the Retry-After the simulator sent ('header' mode), and the retry is admitted", async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 2);
      sim.setThrottle({ windowMs: 500, maxRequests: 3, retryAfterMode: 'header' });
      const f = factory();
      await f.acquireAppToken(t.conn); // the token request stays outside the measured time
      await fillWindow(await rawToken(t.tenantId), 3);
      const warnsBefore = warnLines().length;
      const stats = new GraphCallStats();
      const started = performance.now();
      await expect(f.forConnection(t.conn, { stats }).get(configurations, 'cfg-1')).resolves.toMatchObject({
        id: 'cfg-1',
      });
      const elapsed = performance.now() - started;
      const warn = warnLines()
        .slice(warnsBefore)
        .find((l) => l.includes('429 on GET'));
      const retryAfterSec = Number(/\(Retry-After ([\d.]+)\)/.exec(warn ?? '')?.[1]);
      expect(retryAfterSec).toBeGreaterThan(0.2);
      expect(retryAfterSec).toBeLessThanOrEqual(0.5);
      expect(elapsed).toBeGreaterThanOrEqual(retryAfterSec * 1000);
      expect(stats.waitedMs).toBeGreaterThanOrEqual(retryAfterSec * 1000);
      // Retrying a millisecond early would have met a full window again: exactly one 429.
      expect(sim.stats(t.tenantId)).toMatchObject({ throttled429: 1, byStatus: { '200': 4, '429': 1 } });
      expect(stats).toMatchObject({ throttled429: 1, retries: 1 });
    });

    it("backs off with full jitter when the 429 carries no Retry-After ('omit' mode)", async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 2);
      sim.setThrottle({ windowMs: 300, maxRequests: 2, retryAfterMode: 'omit' });
      await fillWindow(await rawToken(t.tenantId), 2);
      const warnsBefore = warnLines().length;
      const stats = new GraphCallStats();
      const f = factory({ backoffBaseMs: 100, backoffCapMs: 400, maxAttempts: 12 });
      await expect(f.forConnection(t.conn, { stats }).get(configurations, 'cfg-0')).resolves.toMatchObject({
        id: 'cfg-0',
      });
      const throttled = warnLines()
        .slice(warnsBefore)
        .filter((l) => l.includes('429 on GET'));
      expect(throttled.length).toBeGreaterThanOrEqual(1);
      for (const line of throttled) expect(line).toContain('(Retry-After absent)');
      expect(stats.retries).toBe(throttled.length);
      // Full jitter: each delay is below min(cap, base·2^(n−1)).
      const ceilings = Array.from({ length: stats.retries }, (_, n) => Math.min(400, 100 * 2 ** n));
      expect(stats.waitedMs).toBeLessThan(ceilings.reduce((a, b) => a + b, 0));
      expect(sim.stats(t.tenantId).throttled429).toBe(throttled.length);
    });

    it('gives up after maxAttempts with GraphThrottledError carrying Graph’s request ids', async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 1);
      sim.setThrottle({ windowMs: 60_000, maxRequests: 1, retryAfterMode: 'omit' });
      await fillWindow(await rawToken(t.tenantId), 1);
      const error = await factory({ maxAttempts: 3, backoffBaseMs: 10 })
        .forConnection(t.conn)
        .get(configurations, 'cfg-0')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GraphThrottledError);
      expect(error).toMatchObject({
        status: 429,
        graphCode: 'TooManyRequests',
        requestId: expect.any(String),
        clientRequestId: expect.any(String),
      });
      expect(sim.stats(t.tenantId)).toMatchObject({ throttled429: 3, byStatus: { '200': 1, '429': 3 } });
    });

    it('retries an injected 503 and gives up on a persistent one with GraphUnavailableError', async () => {
      const t = tenant();
      seedDeviceConfigurations(sim, t.tenantId, 1);
      const client = factory({ maxAttempts: 3 }).forConnection(t.conn);
      sim.setFaults(t.tenantId, { fail503Count: 1, retryAfter503Sec: 0.02 });
      await expect(client.get(configurations, 'cfg-0')).resolves.toMatchObject({ id: 'cfg-0' });
      sim.setFaults(t.tenantId, { fail503Count: 100 });
      await expect(client.get(configurations, 'cfg-0')).rejects.toBeInstanceOf(GraphUnavailableError);
      expect(sim.stats(t.tenantId).byStatus).toEqual({ '200': 1, '503': 4 });
      sim.setFaults(t.tenantId, { fail503Count: 0 });
    });
  });

  describe('fixtures: openintunebaseline through contracts + GraphClient + simulator', () => {
    const files = jsonFiles(FIXTURES);

    it('reads every export back with the contract’s backup $expand, equal in content ignoring @odata annotations', async () => {
      expect(files.length).toBeGreaterThanOrEqual(72);
      const client = factory().forConnection({
        connectionKey: `${FIXTURE_TENANT}:v1`,
        entraTenantId: FIXTURE_TENANT,
        clientId: sim.tenants()[0].apps[0].clientId,
        credential: { kind: 'secret', secret: FIXTURE_SECRET },
      });
      const byType: Record<string, number> = {};
      for (const file of files) {
        const raw = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
        const collection = collectionFromContext(String(raw['@odata.context']))!;
        const contract = contractByCollection(collection);
        if (!contract) throw new Error(`${file}: no contract for collection ${collection}`);
        const got = await client.get(contract, String(raw.id), { expand: contract.backup.expand });
        // An export leaves out navigation collections that were empty; Graph (and the simulator) return [] for them.
        for (const nav of contract.backup.expand.map((e) => e.replace(/\(.*$/, ''))) {
          if (nav in raw) continue;
          expect({ file, nav, value: got[nav] }).toEqual({ file, nav, value: [] });
          delete got[nav];
        }
        expect(withoutOdata(got)).toEqual(withoutOdata(raw));
        byType[contract.typeKey] = (byType[contract.typeKey] ?? 0) + 1;
      }
      expect(Object.values(byType).reduce((a, b) => a + b, 0)).toBe(files.length);
      expect(Object.keys(byType).sort()).toEqual([
        'androidManagedAppProtection',
        'deviceCompliancePolicy',
        'deviceConfiguration',
        'iosManagedAppProtection',
        'settingsCatalogPolicy',
        'windowsDriverUpdateProfile',
      ]);
    });
  });

  describe('log hygiene', () => {
    it('no secret, private key or token appears in any captured log line (Nest Logger, stdout, stderr, console)', () => {
      const all = [...logs.lines, ...output.lines].join('\n');
      // Not vacuous: the captured lines hold this file's Graph traffic, 429 warnings and MSAL's error path.
      expect(logs.lines.length).toBeGreaterThan(50);
      expect(all).toMatch(/429 on GET/);
      expect(tap.accessTokens.length).toBeGreaterThan(10);
      for (const secret of [...secrets, ...tap.accessTokens]) expect(all).not.toContain(secret);
      expect(all).not.toContain('PRIVATE KEY');
      expect(all).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
      expect(all).not.toMatch(/Bearer [^[\s]/);
    });
  });
});
