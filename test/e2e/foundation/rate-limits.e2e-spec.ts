import { randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import { errorCodes, gql, wsClient, collect } from '../../support/graphql-client';
import { startTestApp, type RunningTestApp } from '../../support/test-app';
import { TestIssuer } from '../../support/test-issuer';

const ME = '{ me { oid } }';
const LIMITS = {
  RATE_LIMIT_WINDOW_SECONDS: 60,
  RATE_LIMIT_USER_REQUESTS: 5,
  RATE_LIMIT_IP_REQUESTS: 1000,
  RATE_LIMIT_ANONYMOUS_REQUESTS: 5,
  RATE_LIMIT_STATIC_REQUESTS: 5,
  RATE_LIMIT_WS_CONNECTIONS: 3,
  RATE_LIMIT_WS_MESSAGES: 10,
};

async function post(url: string, body: string, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() };
}

/** A raw WebSocket upgrade: the status the server answers (101 when it upgrades). */
function upgradeStatus(url: string): Promise<{ status: number; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/graphql`, {
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
        'Sec-WebSocket-Protocol': 'graphql-transport-ws',
      },
    });
    req.on('upgrade', (_res, socket) => {
      socket.destroy();
      resolve({ status: 101 });
    });
    req.on('response', (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined });
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Request limits, checked before any other work, counted in Redis (so they hold across api processes): per user,
 * per client address for requests without a known token, generous per address for static paths, never for health.
 * Each block boots its own app with tiny limits and its own Redis prefix.
 */
describe('rate limits', () => {
  let issuer: TestIssuer;
  const tid = randomUUID();
  const tokens = new Map<string, Promise<string>>();
  /** One token per user for the whole file (a new token would be a new caller, with its own first verification). */
  const token = (upn: string) => {
    if (!tokens.has(upn)) tokens.set(upn, issuer.userToken({ tid, upn, oid: randomUUID() }));
    return tokens.get(upn)!;
  };
  const boot = (prefix: string, extra: Record<string, string | number> = {}) =>
    startTestApp({
      ...LIMITS,
      AUTH_JWKS_URL: issuer.jwksUrl,
      REDIS_PREFIX: `${process.env.REDIS_PREFIX}-${prefix}`,
      APP_ROLE: 'api',
      ...extra,
    });

  beforeAll(async () => {
    issuer = await TestIssuer.start();
  });
  afterAll(() => issuer.close());

  describe('over HTTP', () => {
    let app: RunningTestApp;
    beforeAll(async () => {
      app = await boot('http');
    });
    afterAll(() => app.close());

    it("answers a user's requests over the limit with 429, Retry-After and RATE_LIMITED, while another user is served", async () => {
      const flooder = await token('flooder@msp.test');
      const results = [];
      for (let i = 0; i < 10; i++) results.push(await post(app.url, JSON.stringify({ query: ME }), flooder));
      // The first request verifies the token (counted per address), then five per user, then refusals.
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 429, 429, 429, 429]);
      const refused = results[9];
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
      expect(JSON.parse(refused.body)).toEqual({
        errors: [
          {
            message: `Too many requests: retry after ${refused.retryAfter} s`,
            extensions: { code: 'RATE_LIMITED', retryAfterSeconds: Number(refused.retryAfter), limit: 'user' },
          },
        ],
      });
      const other = await token('other@msp.test');
      for (let i = 0; i < 3; i++) expect((await gql(app.url, ME, {}, other)).status).toBe(200);
    });

    it('refuses a limited user before parsing the body or the query', async () => {
      const flooder = await token('flooder@msp.test');
      const broken = await post(app.url, '{"query": "{ me { oid }', flooder);
      expect(broken.status).toBe(429);
      expect(JSON.parse(broken.body).errors[0].extensions.code).toBe('RATE_LIMITED');
    });

    it('limits requests without a known token per address, before verifying them', async () => {
      const statuses = [];
      for (let i = 0; i < 8; i++) statuses.push((await post(app.url, JSON.stringify({ query: ME }), 'garbage')).status);
      // Two of the five were spent by the first requests of the two users above.
      expect(statuses).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
      // A known token is counted per user, not per address: the other user still gets through.
      expect((await gql(app.url, ME, {}, await token('other@msp.test'))).status).toBe(200);
    });

    it('never limits the health endpoints', async () => {
      for (let i = 0; i < 20; i++) {
        expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
        expect((await fetch(`${app.url}/health/ready`)).status).toBe(200);
      }
    });

    it('gives other paths (static files) their own per-address limit, not the per-user one', async () => {
      const statuses = [];
      for (let i = 0; i < 7; i++) statuses.push((await fetch(`${app.url}/assets/app.js`)).status);
      expect(statuses).toEqual([404, 404, 404, 404, 404, 429, 429]);
    });
  });

  it('holds one limit across two api processes (counted in Redis)', async () => {
    const prefix = 'shared';
    const [one, two] = [await boot(prefix), await boot(prefix)];
    try {
      const shared = await token('shared@msp.test');
      const statuses = [];
      for (let i = 0; i < 12; i++) statuses.push((await gql(i % 2 ? two.url : one.url, ME, {}, shared)).status);
      // Each process verifies the token once (per address), then both draw on the same five.
      expect(statuses.filter((s) => s === 200)).toHaveLength(7);
      expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    } finally {
      await one.close();
      await two.close();
    }
  });

  describe('over WebSocket', () => {
    let app: RunningTestApp;
    beforeAll(async () => {
      app = await boot('ws', { RATE_LIMIT_USER_REQUESTS: 3 });
    });
    afterAll(() => app.close());

    it('refuses connection attempts over the per-address limit with 429 before the upgrade', async () => {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push(await upgradeStatus(app.url));
      expect(statuses.map((s) => s.status)).toEqual([101, 101, 101, 429, 429]);
      expect(Number(statuses[4].retryAfter)).toBeGreaterThanOrEqual(1);
    });
  });

  describe('over WebSocket, per connection and per user', () => {
    let app: RunningTestApp;
    beforeAll(async () => {
      app = await boot('ws-ops', { RATE_LIMIT_USER_REQUESTS: 3, RATE_LIMIT_WS_CONNECTIONS: 100 });
    });
    afterAll(() => app.close());

    it("counts subscribed operations against the user's limit and answers the rest RATE_LIMITED", async () => {
      const user = await token('ws.user@msp.test');
      await gql(app.url, ME, {}, user); // verified once over HTTP (counted per address)
      const client = wsClient(app.url, user);
      const outcomes: string[] = [];
      for (let i = 0; i < 5; i++) {
        const run = collect<{ me: { oid: string } }>(client, 'query { me { oid } }', {}, 1, 10000);
        outcomes.push(
          await run.done.then(
            () => 'ok',
            // graphql-ws hands a refused operation's errors to the sink as an array
            (errors: Array<{ extensions?: { code?: string } }>) => String(errors[0]?.extensions?.code),
          ),
        );
      }
      await client.dispose();
      expect(outcomes).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED']);
    });

    it('closes a connection that sends more messages than the limit with 4429', async () => {
      const socket = new WebSocket(`${app.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
      const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
      await new Promise((resolve) => socket.on('open', resolve));
      socket.send(
        JSON.stringify({
          type: 'connection_init',
          payload: { authorization: `Bearer ${await token('chatty@msp.test')}` },
        }),
      );
      await new Promise((resolve) => socket.once('message', resolve)); // connection_ack
      for (let i = 0; i < 15 && socket.readyState === WebSocket.OPEN; i++)
        socket.send(JSON.stringify({ type: 'ping' }));
      expect(await closed).toBe(4429);
    });
  });

  it('refuses nothing when RATE_LIMIT_ENABLED is false', async () => {
    const app = await boot('off', { RATE_LIMIT_ENABLED: 'false' });
    try {
      const user = await token('unlimited@msp.test');
      for (let i = 0; i < 10; i++) expect(errorCodes(await gql(app.url, ME, {}, user))).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
