import { constants, createPublicKey, verify } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A deliberately tiny Graph + token endpoint for this layer's own tests, used until (and beside) the project's
 * Graph simulator: paging, $select, $batch, sliding-window throttling, injected failures, client credentials.
 */
export interface FakeGraphApp {
  clientId: string;
  secret?: string;
  certificatePublicKeyPem?: string;
  roles: string[];
}

export interface FakeFailure {
  method?: string;
  pathIncludes: string;
  status: number;
  retryAfter?: string;
  remaining: number;
}

export interface FakeGraphOptions {
  tenantId: string;
  apps: FakeGraphApp[];
  throttle?: { windowMs: number; maxRequests: number; retryAfterMode: 'header' | 'omit' };
}

export interface FakeGraph {
  url: string;
  tokenRequests: number;
  /** Every Graph request admitted or refused, inner $batch requests included. */
  log: Array<{ method: string; path: string; status: number; at: number; clientRequestId?: string; batchInner?: boolean }>;
  collections: Map<string, Record<string, unknown>[]>;
  failures: FakeFailure[];
  throttled429: number;
  close(): Promise<void>;
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

export async function startFakeGraph(options: FakeGraphOptions): Promise<FakeGraph> {
  const admitted: number[] = [];
  const fake: FakeGraph = {
    url: '',
    tokenRequests: 0,
    log: [],
    collections: new Map(),
    failures: [],
    throttled429: 0,
    close: async () => undefined,
  };

  const throttleCheck = (): number | null => {
    const t = options.throttle;
    if (!t) return null;
    const now = Date.now();
    while (admitted.length && admitted[0] <= now - t.windowMs) admitted.shift();
    if (admitted.length < t.maxRequests) {
      admitted.push(now);
      return null;
    }
    return (admitted[0] + t.windowMs - now) / 1000;
  };

  /** One Graph request (top level or inside a batch) → status, headers, body. */
  const handleGraph = (method: string, rawUrl: string, body: unknown, batchInner: boolean, clientRequestId?: string) => {
    const url = new URL(rawUrl, 'http://fake');
    const path = url.pathname;
    const done = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      fake.log.push({ method, path, status, at: Date.now(), clientRequestId, batchInner });
      if (status === 429) fake.throttled429 += 1;
      return { status, headers: { 'request-id': `req-${fake.log.length}`, ...headers }, body: payload };
    };
    const failure = fake.failures.find((f) => f.remaining > 0 && path.includes(f.pathIncludes) && (!f.method || f.method === method));
    if (failure) {
      failure.remaining -= 1;
      return done(failure.status, { error: { code: failure.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable', message: 'Injected' } }, failure.retryAfter ? { 'Retry-After': failure.retryAfter } : {});
    }
    const wait = throttleCheck();
    if (wait !== null) {
      const headers: Record<string, string> = options.throttle?.retryAfterMode === 'header' ? { 'Retry-After': wait.toFixed(3) } : {};
      return done(429, { error: { code: 'TooManyRequests', message: 'Please retry again later.' } }, headers);
    }
    const versionless = path.replace(/^\/(beta|v1\.0)/, '');
    const items = fake.collections.get(versionless);
    if (method === 'GET' && items) {
      const top = Number(url.searchParams.get('$top') ?? 100);
      const skip = Number(url.searchParams.get('$skip') ?? 0);
      const select = url.searchParams.get('$select')?.split(',');
      const page = items.slice(skip, skip + top).map((item) => (select ? Object.fromEntries(select.filter((k) => k in item).map((k) => [k, item[k]])) : item));
      const next = new URL(`${fake.url}${path}`);
      next.searchParams.set('$top', String(top));
      next.searchParams.set('$skip', String(skip + top));
      if (select) next.searchParams.set('$select', select.join(','));
      return done(200, { '@odata.context': 'fake', value: page, ...(skip + top < items.length ? { '@odata.nextLink': next.toString() } : {}) });
    }
    const parent = fake.collections.get(versionless.replace(/\/[^/]+$/, ''));
    const found = parent?.find((item) => `${versionless}`.endsWith(`/${String(item.id)}`));
    if (method === 'GET' && found) return done(200, found);
    if (method === 'POST' && fake.collections.has(versionless)) return done(201, { id: `new-${fake.log.length}`, ...(body as object) });
    return done(404, { error: { code: 'ResourceNotFound', message: `No ${path}` } });
  };

  const handleToken = (form: URLSearchParams, res: ServerResponse) => {
    fake.tokenRequests += 1;
    const app = options.apps.find((a) => a.clientId === form.get('client_id'));
    const assertion = form.get('client_assertion');
    const secretOk = app?.secret !== undefined && form.get('client_secret') === app.secret;
    const certOk = app?.certificatePublicKeyPem !== undefined && assertion !== null && verifyAssertion(assertion, app.certificatePublicKeyPem);
    if (!app || !(secretOk || certOk)) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.', error_codes: [7000215] }));
      return;
    }
    const now = Math.floor(Date.now() / 1000);
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ tid: options.tenantId, appid: app.clientId, roles: app.roles, iat: now, exp: now + 3600 })}.sig`;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token }));
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    if (path.endsWith('/oauth2/v2.0/token')) return handleToken(new URLSearchParams(raw), res);
    if (!/^Bearer \S+/.test(req.headers.authorization ?? '')) {
      res.writeHead(401, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } }));
    }
    const clientRequestId = req.headers['client-request-id'] as string | undefined;
    const body = raw ? JSON.parse(raw) : undefined;
    if (path.endsWith('/$batch')) {
      const version = path.split('/')[1];
      const requests = (body as { requests: Array<{ id: string; method: string; url: string; body?: unknown }> }).requests;
      const responses = requests.map((r) => ({ id: r.id, ...handleGraph(r.method, `/${version}${r.url}`, r.body, true, clientRequestId) }));
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ responses: responses.reverse() }));
    }
    const out = handleGraph(req.method ?? 'GET', req.url ?? '/', body, false, clientRequestId);
    res.writeHead(out.status, { 'content-type': 'application/json', ...out.headers });
    res.end(out.body === undefined ? '' : JSON.stringify(out.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

function verifyAssertion(assertion: string, publicKeyPem: string): boolean {
  const [header, payload, signature] = assertion.split('.');
  if (!header || !payload || !signature) return false;
  // MSAL signs with PS256 when given a SHA-256 thumbprint, RS256 with a SHA-1 one.
  const { alg } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: string };
  const key = createPublicKey(publicKeyPem);
  const pss = alg === 'PS256' ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST } : key;
  return verify('sha256', Buffer.from(`${header}.${payload}`), pss, Buffer.from(signature, 'base64url'));
}
