import { EntraError } from './entra-error';
import type { SimTenant, SimUser } from './simulator-state';
import type { TokenEndpointDeps, TokenResponse } from './token-endpoint';
import {
  DEFAULT_TOKEN_LIFETIME_SEC,
  delegatedGraphTokenClaims,
  GRAPH_APP_ID,
  GRAPH_AUDIENCE,
  userApiTokenClaims,
  userIdTokenClaims,
} from './tokens';

export const GRAPH_RESOURCES = new Set([GRAPH_AUDIENCE, `${GRAPH_AUDIENCE}/`, GRAPH_APP_ID]);
export const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
/** What a consented user gets for `https://graph.microsoft.com/.default` in the simulator. */
const DEFAULT_DELEGATED_SCOPES = ['User.Read', 'GroupMember.Read.All'];

export function splitScope(scope: string): { resource: string | null; name: string } {
  // "https://graph.microsoft.com/GroupMember.Read.All" → resource + name; "User.Read" → Graph by default.
  const slash = scope.lastIndexOf('/');
  if (slash < 0) return { resource: null, name: scope };
  return { resource: scope.slice(0, slash), name: scope.slice(slash + 1) };
}

export const scopeList = (scope: string | undefined): string[] => (scope ?? '').split(/\s+/).filter(Boolean);

export function bearer(accessToken: string, extra: Record<string, unknown> = {}): TokenResponse {
  return {
    status: 200,
    body: {
      token_type: 'Bearer',
      expires_in: DEFAULT_TOKEN_LIFETIME_SEC,
      ext_expires_in: DEFAULT_TOKEN_LIFETIME_SEC,
      access_token: accessToken,
      ...extra,
    },
  };
}

/** What Entra returns about the user beside the token: an id_token for `openid`, client_info when asked (MSAL keys its cache by it). */
export async function userIdentity(
  deps: TokenEndpointDeps,
  tenant: SimTenant,
  user: SimUser,
  form: Record<string, string | undefined>,
  clientId: string | undefined,
  nonce?: string,
): Promise<Record<string, unknown>> {
  const extra: Record<string, unknown> = {};
  if (scopeList(form.scope).includes('openid') && clientId)
    extra.id_token = await deps.keys.sign({
      ...userIdTokenClaims(tenant, user, clientId),
      ...(nonce ? { nonce } : {}),
    });
  if (form.client_info === '1')
    extra.client_info = Buffer.from(JSON.stringify({ uid: user.oid, utid: tenant.tenantId })).toString('base64url');
  return extra;
}

/** Delegated Graph scopes from a scope parameter; invalid_scope when a scope names another resource. */
export function graphScopes(scope: string): string[] {
  const names: string[] = [];
  for (const s of scopeList(scope).filter((x) => !OIDC_SCOPES.has(x))) {
    const { resource, name } = splitScope(s);
    if (resource !== null && !GRAPH_RESOURCES.has(resource)) {
      throw new EntraError(
        400,
        'invalid_scope',
        70011,
        `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope ${s} is not valid.`,
      );
    }
    if (name === '.default') names.push(...DEFAULT_DELEGATED_SCOPES);
    else names.push(name);
  }
  return [...new Set(names.length ? names : DEFAULT_DELEGATED_SCOPES)];
}

/**
 * The access token a signed-in user gets for the requested scopes: a delegated Graph token when every resource
 * scope is Graph's, else a token for the first named API (our own: `api://tenantatlas/access_as_user`).
 */
export async function userAccessToken(
  deps: TokenEndpointDeps,
  tenant: SimTenant,
  user: SimUser,
  clientId: string | undefined,
  requestedScope: string | undefined,
): Promise<{ accessToken: string; scope: string }> {
  const resourceScopes = scopeList(requestedScope).filter((s) => !OIDC_SCOPES.has(s));
  const isGraph =
    resourceScopes.length > 0 &&
    resourceScopes.every((s) => {
      const { resource } = splitScope(s);
      return resource === null || GRAPH_RESOURCES.has(resource);
    });
  if (isGraph) {
    const accessToken = await deps.keys.sign(
      delegatedGraphTokenClaims(
        tenant,
        user,
        clientId ? tenant.findApp(clientId) : undefined,
        graphScopes(resourceScopes.join(' ')),
      ),
    );
    return { accessToken, scope: resourceScopes.join(' ') };
  }
  const first = resourceScopes[0] ? splitScope(resourceScopes[0]) : null;
  const audience = first?.resource ?? deps.apiAudience;
  deps.knownApiAudiences.add(audience);
  const scp =
    first && first.name !== '.default' ? resourceScopes.map((s) => splitScope(s).name).join(' ') : 'access_as_user';
  const accessToken = await deps.keys.sign(userApiTokenClaims(tenant, user, audience, clientId, scp));
  return { accessToken, scope: resourceScopes.join(' ') };
}
