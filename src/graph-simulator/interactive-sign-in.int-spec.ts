/**
 * The console's sign-in against the simulated Entra: authorize (login form) → code → token endpoint with PKCE →
 * access, id and refresh tokens; plus CORS for the console's origin and logout. Real HTTP, no browser.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { DEMO_TENANT, startGraphSimulator, type GraphSimulator } from './index';
import { http, tokenRequest } from './test-helpers';

const API_AUDIENCE = 'api://tenantatlas-console-test';
const REDIRECT = 'http://127.0.0.1:43123/auth/callback';
const tid = DEMO_TENANT.tenantId;

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

describe('simulated Entra sign-in for the console (authorization code + PKCE)', () => {
  let sim: GraphSimulator;

  beforeAll(async () => {
    sim = await startGraphSimulator({ apiAudience: API_AUDIENCE });
  });
  afterAll(() => sim.close());

  const authorizeParams = (challenge: string, extra: Record<string, string> = {}) => ({
    client_id: DEMO_TENANT.consoleClientId,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: `openid profile offline_access ${API_AUDIENCE}/access_as_user`,
    state: 'state-123',
    nonce: 'nonce-456',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  });

  /** Posts the login form as a browser would; returns the redirect (Location) or the re-rendered page. */
  async function submitLogin(params: Record<string, string>, username: string, password: string) {
    const res = await fetch(`${sim.url}/${tid}/oauth2/v2.0/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...params, username, password }).toString(),
    });
    return { status: res.status, location: res.headers.get('location'), html: await res.text() };
  }

  async function signIn(challenge: string): Promise<string> {
    const res = await submitLogin(authorizeParams(challenge), DEMO_TENANT.upn, DEMO_TENANT.password);
    expect(res.status).toBe(302);
    const location = new URL(res.location!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('state-123');
    return location.searchParams.get('code')!;
  }

  const redeem = (code: string, verifier: string, extra: Record<string, string> = {}) =>
    tokenRequest(sim, tid, {
      grant_type: 'authorization_code',
      client_id: DEMO_TENANT.consoleClientId,
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
      ...extra,
    });

  it('shows a login form with labelled fields that posts the request back', async () => {
    const { challenge } = pkce();
    const res = await http(
      `${sim.url}/${tid}/oauth2/v2.0/authorize?${new URLSearchParams(authorizeParams(challenge))}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toContain('<label for="username">');
    expect(res.body).toContain('<label for="password">');
    expect(res.body).toContain('<button type="submit">Sign in</button>');
    expect(res.body).toContain(`value="${challenge}"`);
  });

  it('refuses a wrong password on the form and issues no code', async () => {
    const { challenge } = pkce();
    const res = await submitLogin(authorizeParams(challenge), DEMO_TENANT.upn, 'not-the-password');
    expect(res.status).toBe(200);
    expect(res.location).toBeNull();
    expect(res.html).toContain('role="alert"');
    expect(res.html).toContain('Your account or password is incorrect.');
    expect(res.html).not.toContain('not-the-password');
  });

  it('never redirects to an unregistered redirect URI', async () => {
    const { challenge } = pkce();
    const res = await submitLogin(
      authorizeParams(challenge, { redirect_uri: 'https://evil.example/auth/callback' }),
      DEMO_TENANT.upn,
      DEMO_TENANT.password,
    );
    expect(res.status).toBe(400);
    expect(res.location).toBeNull();
    expect(res.html).toContain('AADSTS50011');
  });

  it('requires PKCE with S256: a request without a challenge goes back with invalid_request', async () => {
    const params = authorizeParams('');
    const res = await fetch(`${sim.url}/${tid}/oauth2/v2.0/authorize?${new URLSearchParams(params)}`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('state')).toBe('state-123');
  });

  it('redeems a code with the right verifier for an API token the app accepts, an id token and a refresh token', async () => {
    const { verifier, challenge } = pkce();
    const res = await redeem(await signIn(challenge), verifier);
    expect(res.status).toBe(200);
    const jwks = createRemoteJWKSet(new URL(sim.jwksUrl(tid)));
    const { payload } = await jwtVerify(res.body.access_token, jwks, {
      audience: API_AUDIENCE,
      issuer: `https://login.microsoftonline.com/${tid}/v2.0`,
    });
    expect(payload).toMatchObject({
      tid,
      oid: DEMO_TENANT.oid,
      scp: 'access_as_user',
      azp: DEMO_TENANT.consoleClientId,
    });
    expect(payload.preferred_username).toBe(DEMO_TENANT.upn);
    expect(decodeJwt(res.body.id_token)).toMatchObject({
      aud: DEMO_TENANT.consoleClientId,
      nonce: 'nonce-456',
      sub: DEMO_TENANT.oid,
    });
    expect(typeof res.body.refresh_token).toBe('string');
    expect(res.body.scope).toContain(`${API_AUDIENCE}/access_as_user`);
  });

  it('refuses a code presented with another verifier (PKCE mismatch)', async () => {
    const { challenge } = pkce();
    const res = await redeem(await signIn(challenge), pkce().verifier);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_grant', error_codes: [501481] });
    expect(res.body.access_token).toBeUndefined();
  });

  it('redeems a code only once', async () => {
    const { verifier, challenge } = pkce();
    const code = await signIn(challenge);
    expect((await redeem(code, verifier)).status).toBe(200);
    const again = await redeem(code, verifier);
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: 'invalid_grant', error_codes: [54005] });
  });

  it('refuses a code sent with another redirect URI', async () => {
    const { verifier, challenge } = pkce();
    const res = await redeem(await signIn(challenge), verifier, { redirect_uri: 'http://127.0.0.1:1/auth/callback' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_grant');
  });

  it('refreshes: a new access token for the same user, until the user’s sessions are revoked', async () => {
    const { verifier, challenge } = pkce();
    const first = await redeem(await signIn(challenge), verifier);
    const refresh = () =>
      tokenRequest(sim, tid, {
        grant_type: 'refresh_token',
        client_id: DEMO_TENANT.consoleClientId,
        refresh_token: first.body.refresh_token,
      });
    const refreshed = await refresh();
    expect(refreshed.status).toBe(200);
    expect(decodeJwt(refreshed.body.access_token)).toMatchObject({ aud: API_AUDIENCE, oid: DEMO_TENANT.oid });
    expect(typeof refreshed.body.refresh_token).toBe('string');

    sim.revokeSignInSessions(tid, DEMO_TENANT.upn);
    const revoked = await refresh();
    expect(revoked.status).toBe(400);
    expect(revoked.body).toMatchObject({ error: 'invalid_grant', error_codes: [50173] });
  });

  it('answers CORS for the console’s origin only', async () => {
    const console = 'http://127.0.0.1:43123';
    const allowed = await fetch(`${sim.url}/${tid}/v2.0/.well-known/openid-configuration`, {
      headers: { origin: console },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(console);
    const metadata = (await allowed.json()) as Record<string, string>;
    expect(metadata.authorization_endpoint).toBe(`${sim.url}/${tid}/oauth2/v2.0/authorize`);
    expect(metadata.end_session_endpoint).toBe(`${sim.url}/${tid}/oauth2/v2.0/logout`);
    const preflight = await fetch(`${sim.url}/${tid}/oauth2/v2.0/token`, {
      method: 'OPTIONS',
      headers: { origin: console, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(console);
    const other = await fetch(`${sim.url}/${tid}/discovery/v2.0/keys`, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('signs out back to a registered origin only', async () => {
    const back = await fetch(
      `${sim.url}/${tid}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent('http://127.0.0.1:43123/')}&state=s1`,
      { redirect: 'manual' },
    );
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('http://127.0.0.1:43123/?state=s1');
    const open = await fetch(
      `${sim.url}/${tid}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent('https://evil.example/')}`,
      { redirect: 'manual' },
    );
    expect(open.status).toBe(200);
  });
});
