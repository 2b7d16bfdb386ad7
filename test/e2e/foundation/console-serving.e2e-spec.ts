/**
 * The app serves the built console at `/` (deep links fall back to index.html, API paths never do), its run-time
 * sign-in settings at /console-config.json, and helmet's headers with a CSP the console can live with.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type RunningTestApp } from '../../support/test-app';

const AUTHORITY = 'https://login.example.test/11111111-1111-4111-8111-111111111111/v2.0';

describe('console serving and security headers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-'));
  let app: RunningTestApp;

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    app = await startTestApp({
      CONSOLE_DIR: dir,
      CONSOLE_CLIENT_ID: 'console-client',
      CONSOLE_AUTHORITY: AUTHORITY,
      CONSOLE_SCOPES: 'api://tenantatlas-test/access_as_user',
    });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, accept = 'text/html') => fetch(`${app.url}${path}`, { headers: { accept } });

  it('serves index.html at / and for deep links such as /operations/<id>', async () => {
    for (const path of ['/', '/operations/8d2f1c1e-0000-4000-8000-000000000000', '/tenants']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it('caches hashed assets for good and answers a missing asset with 404, not the page', async () => {
    const asset = await get('/assets/index-abc123.js', '*/*');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await get('/assets/missing-0000.js', '*/*')).status).toBe(404);
  });

  it('leaves the API paths to the API', async () => {
    const api = await get('/api/no-such-route');
    expect(api.status).toBe(404);
    expect(await api.text()).not.toContain('<div id="root">');
    const graphql = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(graphql.status).toBe(401);
    expect((await get('/health/live', 'application/json')).status).toBe(200);
  });

  it('serves the sign-in settings at run time', async () => {
    const res = await get('/console-config.json', 'application/json');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      auth: { authority: AUTHORITY, clientId: 'console-client', scopes: ['api://tenantatlas-test/access_as_user'] },
      graphqlPath: '/graphql',
    });
  });

  it('sends helmet headers without X-Powered-By and a CSP with own scripts, inline styles, own sockets and the authority', async () => {
    for (const path of ['/', '/health/live']) {
      const res = await get(path);
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = Object.fromEntries(
        (res.headers.get('content-security-policy') ?? '')
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values]),
      );
      const host = new URL(app.url).host;
      expect(csp['script-src']).toEqual(["'self'"]);
      expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
      expect(csp['connect-src']).toEqual(["'self'", `ws://${host}`, `wss://${host}`, 'https://login.example.test']);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      expect(csp['object-src']).toEqual(["'none'"]);
      expect(csp['upgrade-insecure-requests']).toBeUndefined();
    }
  });
});

describe('console without sign-in settings', () => {
  let app: RunningTestApp;
  beforeAll(async () => {
    app = await startTestApp({ CONSOLE_DIR: join(tmpdir(), 'no-console-here') });
  });
  afterAll(() => app?.close());

  it('answers auth: null and serves the API alone when no console is built', async () => {
    expect(await (await fetch(`${app.url}/console-config.json`)).json()).toEqual({
      auth: null,
      graphqlPath: '/graphql',
    });
    expect((await fetch(`${app.url}/`, { headers: { accept: 'text/html' } })).status).toBe(404);
  });
});
