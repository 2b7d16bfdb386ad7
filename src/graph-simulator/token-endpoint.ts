import { createPublicKey } from 'node:crypto';
import { decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { SimApp, SimDirectory, SimTenant, SimUser } from './simulator-state';
import type { AuthorizationCodes } from './authorization-codes';
import { EntraError, tenantNotFound } from './entra-error';
import type { SpaClientRegistry } from './spa-clients';
import { appTokenClaims, delegatedGraphTokenClaims, userApiTokenClaims, type SimKeys } from './tokens';
import { authorizationCodeGrant, passwordGrant, refreshTokenGrant } from './user-grants';
import { bearer, GRAPH_RESOURCES, graphScopes, userIdentity } from './user-tokens';

export { EntraError, entraErrorBody, tenantNotFound } from './entra-error';

export interface TokenEndpointDeps {
  directory: SimDirectory;
  keys: SimKeys;
  apiAudience: string;
  /** Audiences the simulator has issued user tokens for: OBO accepts those as "our API". */
  knownApiAudiences: Set<string>;
  /** Registered single-page apps (the console) and their redirect URIs. */
  spaClients: SpaClientRegistry;
  codes: AuthorizationCodes;
}

export interface TokenResponse {
  status: number;
  body: Record<string, unknown>;
}

const b64urlToHex = (s: string): string => Buffer.from(s, 'base64url').toString('hex').toLowerCase();

export async function handleTokenRequest(
  deps: TokenEndpointDeps,
  tenantRef: string,
  form: Record<string, string | undefined>,
): Promise<TokenResponse> {
  const grant = form.grant_type ?? '';
  if (!grant)
    throw new EntraError(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'grant_type'.",
    );
  if (grant === 'password') return passwordGrant(deps, tenantRef, form);
  const tenant = deps.directory.find(tenantRef);
  if (!tenant) throw tenantNotFound(tenantRef);
  if (grant === 'client_credentials') return clientCredentials(deps, tenant, form);
  if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer') return onBehalfOf(deps, tenant, form);
  if (grant === 'authorization_code') return authorizationCodeGrant(deps, tenant, form);
  if (grant === 'refresh_token') return refreshTokenGrant(deps, tenant, form);
  throw new EntraError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant}'.`);
}

async function clientCredentials(
  deps: TokenEndpointDeps,
  tenant: SimTenant,
  form: Record<string, string | undefined>,
): Promise<TokenResponse> {
  const app = await authenticateClient(tenant, form);
  const scope = (form.scope ?? '').trim();
  if (!scope)
    throw new EntraError(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'scope'.",
    );
  if (!scope.endsWith('/.default') || scope.includes(' ')) {
    throw new EntraError(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  const resource = scope.slice(0, -'/.default'.length);
  if (!GRAPH_RESOURCES.has(resource)) {
    throw new EntraError(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${tenant.displayName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    );
  }
  return bearer(await deps.keys.sign(appTokenClaims(tenant, app)));
}

/** client_secret or a certificate-signed client_assertion (RS256 or PS256, as MSAL sends). */
export async function authenticateClient(
  tenant: SimTenant,
  form: Record<string, string | undefined>,
  required = true,
): Promise<SimApp> {
  const clientId = form.client_id;
  if (!clientId)
    throw new EntraError(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'client_id'.",
    );
  const app = tenant.findApp(clientId);
  if (!app) {
    throw new EntraError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );
  }
  if (form.client_assertion) {
    await verifyClientAssertion(app, form.client_assertion, form.client_assertion_type);
    return app;
  }
  if (form.client_secret !== undefined) {
    if (!app.clientSecret || form.client_secret !== app.clientSecret) {
      throw new EntraError(
        401,
        'invalid_client',
        7000215,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
      );
    }
    if (app.secretExpiresAt && Date.parse(app.secretExpiresAt) <= Date.now()) {
      throw new EntraError(
        401,
        'invalid_client',
        7000222,
        `The provided client secret keys for app '${app.clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
      );
    }
    return app;
  }
  if (!required) return app;
  throw new EntraError(
    401,
    'invalid_client',
    7000218,
    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
  );
}

async function verifyClientAssertion(app: SimApp, assertion: string, assertionType: string | undefined): Promise<void> {
  if (assertionType !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
    throw new EntraError(
      400,
      'invalid_request',
      7000216,
      "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.",
    );
  }
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(assertion);
  } catch {
    throw new EntraError(401, 'invalid_client', 50027, 'JWT token is invalid or malformed.');
  }
  const s256 = typeof header['x5t#S256'] === 'string' ? b64urlToHex(header['x5t#S256']) : null;
  const s1 = typeof header.x5t === 'string' ? b64urlToHex(header.x5t) : null;
  const cert = app.certificates.find(
    (c) => (s256 && c.thumbprintSha256.toLowerCase() === s256) || (s1 && c.thumbprint?.toLowerCase() === s1),
  );
  if (!cert) {
    throw new EntraError(
      401,
      'invalid_client',
      700027,
      `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${(s256 ?? s1 ?? '').toUpperCase()}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${app.clientId}'.]`,
    );
  }
  const alg = header.alg === 'PS256' ? 'PS256' : 'RS256';
  let claims: JWTPayload;
  try {
    // Entra allows 5 minutes of clock skew; MSAL sets nbf = Math.round(now), up to 0.5 s ahead of the verifier's floor(now).
    ({ payload: claims } = await jwtVerify(assertion, createPublicKey(cert.publicKeyPem), {
      algorithms: [alg],
      clockTolerance: 300,
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired)
      throw new EntraError(401, 'invalid_client', 700024, 'Client assertion is not within its valid time range.');
    throw new EntraError(401, 'invalid_client', 700027, 'Client assertion failed signature validation.');
  }
  if (claims.iss !== app.clientId || claims.sub !== app.clientId) {
    throw new EntraError(
      401,
      'invalid_client',
      700021,
      "Client assertion application identifier doesn't match 'client_id' parameter.",
    );
  }
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud ?? ''];
  if (!aud.some((a) => /\/oauth2\/(v2\.0\/)?token$/.test(a))) {
    throw new EntraError(
      401,
      'invalid_client',
      700212,
      'No matching federated identity record found for presented assertion audience.',
    );
  }
}

async function onBehalfOf(
  deps: TokenEndpointDeps,
  tenant: SimTenant,
  form: Record<string, string | undefined>,
): Promise<TokenResponse> {
  const app = await authenticateClient(tenant, form);
  if (form.requested_token_use !== 'on_behalf_of') {
    throw new EntraError(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'requested_token_use'.",
    );
  }
  if (!form.assertion)
    throw new EntraError(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'assertion'.",
    );
  let claims: JWTPayload;
  try {
    claims = await deps.keys.verify(form.assertion);
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired)
      throw new EntraError(400, 'invalid_grant', 500133, 'Assertion is not within its valid time range.');
    throw new EntraError(400, 'invalid_grant', 50013, 'Assertion failed signature validation.');
  }
  const aud = String(claims.aud ?? '');
  const ours =
    aud === deps.apiAudience ||
    deps.knownApiAudiences.has(aud) ||
    aud === app.clientId ||
    aud === `api://${app.clientId}`;
  if (!ours)
    throw new EntraError(
      400,
      'invalid_grant',
      50013,
      'Assertion audience does not match the Client app presenting the assertion.',
    );
  if (claims.tid !== tenant.tenantId)
    throw new EntraError(400, 'invalid_grant', 50013, 'Assertion is not issued for this tenant.');
  const user = typeof claims.oid === 'string' ? tenant.findUser(claims.oid) : undefined;
  if (!user) throw new EntraError(400, 'invalid_grant', 50034, 'The user account does not exist in this directory.');
  if (!user.delegatedConsent) {
    throw new EntraError(
      400,
      'invalid_grant',
      65001,
      `The user or administrator has not consented to use the application with ID '${app.clientId}' named '${app.displayName}'. Send an interactive authorization request for this user and resource.`,
      'consent_required',
    );
  }
  const scopes = graphScopes(form.scope ?? '');
  return bearer(await deps.keys.sign(delegatedGraphTokenClaims(tenant, user, app, scopes)), {
    scope: scopes.join(' '),
    ...(await userIdentity(deps, tenant, user, form, app.clientId)),
  });
}

/** For `issueUserToken` (ROPC without HTTP). */
export async function issueApiUserToken(
  deps: TokenEndpointDeps,
  tenant: SimTenant,
  user: SimUser,
  opts: { audience?: string; expiresInSec?: number; scp?: string } = {},
): Promise<string> {
  const audience = opts.audience ?? deps.apiAudience;
  deps.knownApiAudiences.add(audience);
  return deps.keys.sign(userApiTokenClaims(tenant, user, audience, undefined, opts.scp), opts.expiresInSec);
}
