import express, { type Request, type Response, type Router } from 'express';
import { EntraError } from './entra-error';
import { loginPage, messagePage } from './login-page';
import type { SimTenant } from './simulator-state';
import type { TokenEndpointDeps } from './token-endpoint';
import { signInUser } from './user-grants';

/** The parameters of an authorization request that survive the login form (echoed back as hidden fields). */
const FORWARDED = [
  'client_id',
  'redirect_uri',
  'response_type',
  'response_mode',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
] as const;
type AuthorizeParams = Partial<Record<(typeof FORWARDED)[number], string>>;

/** An error Entra shows on its own page: the redirect URI is not trusted yet, so nothing is sent there. */
class PageError extends Error {}
/** An error Entra sends back to the (validated) redirect URI. */
class RedirectError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

/**
 * `/{tid}/oauth2/v2.0/authorize` (GET: the login form; POST: the credentials) and `/logout`: the interactive half of
 * the authorization-code flow with PKCE that the console runs in the browser. No session cookie: every sign-in asks.
 */
export function authorizeRoutes(deps: TokenEndpointDeps): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '64kb' });

  const pick = (source: Record<string, unknown>): AuthorizeParams =>
    Object.fromEntries(FORWARDED.filter((k) => typeof source[k] === 'string').map((k) => [k, source[k] as string]));

  /** Validates in Entra's order; returns the tenant (null for common/organizations) or throws. */
  const validate = (tenantRef: string, p: AuthorizeParams): SimTenant | null => {
    const generic = ['common', 'organizations'].includes(tenantRef.toLowerCase());
    const tenant = deps.directory.find(tenantRef) ?? null;
    if (!tenant && !generic) throw new PageError(`AADSTS90002: Tenant '${tenantRef}' not found.`);
    const client = deps.spaClients.find(p.client_id);
    if (!client)
      throw new PageError(
        `AADSTS700016: Application with identifier '${p.client_id ?? ''}' was not found in the directory.`,
      );
    if (!deps.spaClients.allowsRedirect(client, p.redirect_uri))
      throw new PageError(
        `AADSTS50011: The redirect URI '${p.redirect_uri ?? ''}' specified in the request does not match the redirect URIs configured for the application '${client.clientId}'.`,
      );
    if (p.response_type !== 'code')
      throw new RedirectError('unsupported_response_type', 'AADSTS700054: response_type must be code.');
    if (!p.code_challenge || p.code_challenge_method !== 'S256')
      throw new RedirectError(
        'invalid_request',
        'AADSTS9002325: Proof Key for Code Exchange (S256) is required for cross-origin authorization code redemption.',
      );
    return tenant;
  };

  const redirectWith = (res: Response, p: AuthorizeParams, values: Record<string, string>): void => {
    const target = new URL(p.redirect_uri!);
    for (const [k, v] of Object.entries({ ...values, ...(p.state !== undefined ? { state: p.state } : {}) }))
      target.searchParams.set(k, v);
    res.redirect(302, target.toString());
  };

  const fail = (res: Response, p: AuthorizeParams, error: unknown): void => {
    if (error instanceof RedirectError) {
      redirectWith(res, p, { error: error.error, error_description: error.description });
      return;
    }
    res
      .status(400)
      .type('html')
      .send(messagePage('Sorry, but we’re having trouble signing you in.', (error as Error).message));
  };

  router.get('/:tid/oauth2/v2.0/authorize', (req: Request, res: Response) => {
    const tenantRef = String(req.params.tid);
    const p = pick(req.query as Record<string, unknown>);
    res.setHeader('cache-control', 'no-store');
    try {
      const tenant = validate(tenantRef, p);
      res.type('html').send(
        loginPage({
          tenantName: tenant?.displayName ?? 'Your organization',
          params: p as Record<string, string>,
          username: typeof req.query.login_hint === 'string' ? req.query.login_hint : '',
        }),
      );
    } catch (error) {
      fail(res, p, error);
    }
  });

  router.post('/:tid/oauth2/v2.0/authorize', form, (req: Request, res: Response) => {
    const tenantRef = String(req.params.tid);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const p = pick(body);
    res.setHeader('cache-control', 'no-store');
    let tenant: SimTenant | null;
    try {
      tenant = validate(tenantRef, p);
    } catch (error) {
      fail(res, p, error);
      return;
    }
    const username = typeof body.username === 'string' ? body.username.trim() : '';
    try {
      const signedIn = signInUser(deps, tenantRef, username, typeof body.password === 'string' ? body.password : '');
      const code = deps.codes.issue({
        tenantId: signedIn.tenant.tenantId,
        userOid: signedIn.user.oid,
        clientId: p.client_id!,
        redirectUri: p.redirect_uri!,
        scope: p.scope ?? 'openid profile',
        codeChallenge: p.code_challenge!,
        nonce: p.nonce,
      });
      redirectWith(res, p, { code });
    } catch (error) {
      const message =
        error instanceof EntraError && error.aadsts === 50126
          ? 'Your account or password is incorrect.'
          : (error as Error).message;
      res
        .status(200)
        .type('html')
        .send(
          loginPage({
            tenantName: tenant?.displayName ?? 'Your organization',
            params: p as Record<string, string>,
            username,
            error: message,
          }),
        );
    }
  });

  router.get('/:tid/oauth2/v2.0/logout', (req: Request, res: Response) => {
    const target = typeof req.query.post_logout_redirect_uri === 'string' ? req.query.post_logout_redirect_uri : '';
    let origin = '';
    try {
      origin = target ? new URL(target).origin : '';
    } catch {
      origin = '';
    }
    // Only back to an app this directory knows: never an open redirect.
    if (origin && deps.spaClients.allowsOrigin(origin)) {
      const url = new URL(target);
      if (typeof req.query.state === 'string') url.searchParams.set('state', req.query.state);
      res.redirect(302, url.toString());
      return;
    }
    res
      .type('html')
      .send(messagePage('You signed out of your account', 'It’s a good idea to close all browser windows.'));
  });

  return router;
}
