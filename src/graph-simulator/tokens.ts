import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';
import type { SimApp, SimTenant, SimUser } from './simulator-state';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
/** Graph's first-party app id; v1 Graph tokens sometimes carry it as `aud`. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const GRAPH_AUDIENCES = [GRAPH_AUDIENCE, `${GRAPH_AUDIENCE}/`, GRAPH_APP_ID];

export const DEFAULT_TOKEN_LIFETIME_SEC = 3599;

/**
 * One RS256 key pair per simulator; `kid` stays stable for its lifetime so JWKS caches keep working. With a key file
 * the pair also survives restarts (a printed demo token stays valid): read when present, else created and written.
 */
export class SimKeys {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
    private readonly jwk: JWK,
    readonly kid: string,
  ) {}

  static async create(keyFile?: string): Promise<SimKeys> {
    const stored = keyFile ? readKeyFile(keyFile) : null;
    if (stored) {
      const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = stored;
      const privateKey = (await importJWK(stored, 'RS256')) as CryptoKey;
      const publicKey = (await importJWK(publicJwk, 'RS256')) as CryptoKey;
      return new SimKeys(privateKey, publicKey, { ...publicJwk, use: 'sig', alg: 'RS256' }, stored.kid!);
    }
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = `sim-${randomUUID().slice(0, 8)}`;
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256', kty: 'RSA' };
    if (keyFile) {
      mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
      writeFileSync(keyFile, JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'RS256' }), { mode: 0o600 });
    }
    return new SimKeys(privateKey, publicKey, jwk, kid);
  }

  jwks(): { keys: JWK[] } {
    return { keys: [{ ...this.jwk }] };
  }

  async sign(claims: JWTPayload, expiresInSec = DEFAULT_TOKEN_LIFETIME_SEC): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claims, uti: randomUUID().replace(/-/g, '').slice(0, 22) })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.kid })
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + expiresInSec)
      .sign(this.privateKey);
  }

  /** Verifies signature and lifetime; audience only when given. Throws jose errors. */
  async verify(token: string, audience?: string | string[]): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, this.publicKey, { algorithms: ['RS256'], audience });
    return payload;
  }

  verifyGraphToken(token: string): Promise<JWTPayload> {
    return this.verify(token, GRAPH_AUDIENCES);
  }
}

function readKeyFile(file: string): JWK | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const jwk = JSON.parse(text) as JWK;
  if (jwk.kty !== 'RSA' || !jwk.d || !jwk.kid)
    throw new Error(`${file} is not a simulator signing key (RSA JWK with kid)`);
  return jwk;
}

export const v2Issuer = (tid: string): string => `https://login.microsoftonline.com/${tid}/v2.0`;
export const v1Issuer = (tid: string): string => `https://sts.windows.net/${tid}/`;

/** Claims of a client-credentials Graph token (v1 format, as Graph tokens are). */
export function appTokenClaims(tenant: SimTenant, app: SimApp): JWTPayload {
  return {
    aud: GRAPH_AUDIENCE,
    iss: v1Issuer(tenant.tenantId),
    tid: tenant.tenantId,
    appid: app.clientId,
    azp: app.clientId,
    app_displayname: app.displayName,
    idtyp: 'app',
    oid: app.servicePrincipalId,
    sub: app.servicePrincipalId,
    roles: [...app.roles],
    ver: '1.0',
  };
}

/** Claims of a user's id_token for `audience` (v2); a user token for our API adds scp and azp. */
export function userIdTokenClaims(tenant: SimTenant, user: SimUser, audience: string): JWTPayload {
  return {
    aud: audience,
    iss: v2Issuer(tenant.tenantId),
    tid: tenant.tenantId,
    oid: user.oid,
    sub: user.oid,
    preferred_username: user.upn,
    name: user.displayName,
    ver: '2.0',
  };
}

/** Claims of a user token for our own API (v2 format: what the API's verifier expects). */
export function userApiTokenClaims(
  tenant: SimTenant,
  user: SimUser,
  audience: string,
  clientId: string | undefined,
  scp = 'access_as_user',
): JWTPayload {
  return { ...userIdTokenClaims(tenant, user, audience), scp, azp: clientId ?? audience };
}

/** Claims of a delegated Graph token (on-behalf-of or ROPC for Graph scopes). */
export function delegatedGraphTokenClaims(
  tenant: SimTenant,
  user: SimUser,
  app: SimApp | undefined,
  scopes: string[],
): JWTPayload {
  return {
    aud: GRAPH_AUDIENCE,
    iss: v1Issuer(tenant.tenantId),
    tid: tenant.tenantId,
    oid: user.oid,
    sub: user.oid,
    upn: user.upn,
    name: user.displayName,
    appid: app?.clientId,
    azp: app?.clientId,
    idtyp: 'user',
    scp: scopes.join(' '),
    ver: '1.0',
  };
}
