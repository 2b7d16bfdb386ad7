import { errors as joseErrors, type JWTPayload } from 'jose';
import { EntraError, tenantNotFound } from './entra-error';
import type { SimTenant, SimUser } from './simulator-state';
import { authenticateClient, type TokenEndpointDeps, type TokenResponse } from './token-endpoint';
import { v2Issuer } from './tokens';
import { bearer, scopeList, userAccessToken, userIdentity } from './user-tokens';

/** Entra's refresh tokens for single-page apps live 24 hours. */
const SPA_REFRESH_TOKEN_LIFETIME_SEC = 24 * 3600;

const badCredentials = (): EntraError =>
  new EntraError(400, 'invalid_grant', 50126, 'Error validating credentials due to invalid username or password.');

/** The tenant and user a username/password pair signs in (tenant `common`/`organizations`: the user's home). */
export function signInUser(
  deps: TokenEndpointDeps,
  tenantRef: string,
  username: string,
  password: string | undefined,
): { tenant: SimTenant; user: SimUser } {
  let tenant = deps.directory.find(tenantRef);
  if (!tenant && ['common', 'organizations'].includes(tenantRef.toLowerCase())) {
    tenant = deps.directory.all().find((t) => t.findUser(username));
    if (!tenant) throw badCredentials();
  }
  if (!tenant) throw tenantNotFound(tenantRef);
  const user = tenant.findUser(username);
  if (!user || user.password !== password) throw badCredentials();
  return { tenant, user };
}

/** ROPC (`grant_type=password`): tests and scripts sign a user in without a browser. */
export async function passwordGrant(
  deps: TokenEndpointDeps,
  tenantRef: string,
  form: Record<string, string | undefined>,
): Promise<TokenResponse> {
  const known = deps.directory.find(tenantRef);
  // ROPC clients are often public clients; a confidential one that sends credentials gets them checked.
  if (
    known &&
    (form.client_secret !== undefined || form.client_assertion) &&
    form.client_id &&
    known.findApp(form.client_id)
  ) {
    await authenticateClient(known, form);
  }
  const { tenant, user } = signInUser(deps, tenantRef, form.username ?? '', form.password);
  const { accessToken, scope } = await userAccessToken(deps, tenant, user, form.client_id, form.scope);
  return bearer(accessToken, { scope, ...(await userIdentity(deps, tenant, user, form, form.client_id)) });
}

/** `grant_type=authorization_code` with PKCE, for a registered single-page app (public client: no secret). */
export async function authorizationCodeGrant(
  deps: TokenEndpointDeps,
  tenant: SimTenant,
  form: Record<string, string | undefined>,
): Promise<TokenResponse> {
  if (!deps.spaClients.find(form.client_id)) throw unknownClient(form.client_id, tenant);
  const grant = deps.codes.redeem(form);
  if (grant.tenantId !== tenant.tenantId)
    throw new EntraError(400, 'invalid_grant', 50000, 'The authorization code was issued for another tenant.');
  const user = tenant.findUser(grant.userOid);
  if (!user) throw new EntraError(400, 'invalid_grant', 50034, 'The user account does not exist in this directory.');
  return userTokens(deps, tenant, user, grant.clientId, grant.scope, grant.nonce);
}

/** `grant_type=refresh_token`: a new access token (and a new refresh token) without the user; refused after a session revoke. */
export async function refreshTokenGrant(
  deps: TokenEndpointDeps,
  tenant: SimTenant,
  form: Record<string, string | undefined>,
): Promise<TokenResponse> {
  const client = deps.spaClients.find(form.client_id);
  if (!client) throw unknownClient(form.client_id, tenant);
  if (!form.refresh_token)
    throw new EntraError(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'refresh_token'.",
    );
  let claims: JWTPayload;
  try {
    claims = await deps.keys.verify(form.refresh_token, client.clientId);
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired)
      throw new EntraError(400, 'invalid_grant', 700082, 'The refresh token has expired due to inactivity.');
    throw new EntraError(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
  }
  if (claims.token_use !== 'refresh' || claims.tid !== tenant.tenantId)
    throw new EntraError(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
  const user = tenant.findUser(String(claims.oid));
  if (!user) throw new EntraError(400, 'invalid_grant', 50034, 'The user account does not exist in this directory.');
  if (user.signInSessionsValidFrom && (claims.iat ?? 0) < user.signInSessionsValidFrom)
    throw new EntraError(
      400,
      'invalid_grant',
      50173,
      'The provided grant has expired due to it being revoked, a fresh auth token is needed.',
    );
  return userTokens(deps, tenant, user, client.clientId, form.scope || String(claims.scope ?? ''));
}

async function userTokens(
  deps: TokenEndpointDeps,
  tenant: SimTenant,
  user: SimUser,
  clientId: string,
  requestedScope: string,
  nonce?: string,
): Promise<TokenResponse> {
  const { accessToken, scope } = await userAccessToken(deps, tenant, user, clientId, requestedScope);
  const requested = scopeList(requestedScope);
  const extra: Record<string, unknown> = {
    scope: [...requested.filter((s) => s === 'openid' || s === 'profile' || s === 'offline_access'), scope]
      .filter(Boolean)
      .join(' '),
    ...(await userIdentity(deps, tenant, user, { scope: requestedScope }, clientId, nonce)),
  };
  if (requested.includes('offline_access')) {
    extra.refresh_token = await deps.keys.sign(
      {
        aud: clientId,
        iss: v2Issuer(tenant.tenantId),
        tid: tenant.tenantId,
        oid: user.oid,
        sub: user.oid,
        scope: requested.join(' '),
        token_use: 'refresh',
      },
      SPA_REFRESH_TOKEN_LIFETIME_SEC,
    );
    extra.refresh_token_expires_in = SPA_REFRESH_TOKEN_LIFETIME_SEC;
  }
  return bearer(accessToken, extra);
}

function unknownClient(clientId: string | undefined, tenant: SimTenant): EntraError {
  return new EntraError(
    400,
    'unauthorized_client',
    700016,
    `Application with identifier '${clientId ?? ''}' was not found in the directory '${tenant.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
  );
}
