import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { AppConfig, csv } from '../config/app-config';
import { UnauthenticatedError } from '../../shared/app-errors';
import { isUuid } from '../../shared/uuid';
import { type AuthenticatedUser, userKey } from './authenticated-user';

type KeySet = ReturnType<typeof createRemoteJWKSet>;

const VERIFIED_MAX = 10_000;
const VERIFIED_TTL_MS = 10 * 60_000;

function bearerToken(authorization: string | undefined | null): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
}

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Validates bearer tokens the way an Entra multi-tenant API does: signature (JWKS), issuer per tid, audience, expiry.
 * Key sets are per token tenant: an LRU of AUTH_JWKS_CACHE_SIZE, and at most AUTH_JWKS_FETCHES_PER_MINUTE tenants
 * not in it are looked up per minute, so tokens naming random tenants neither grow memory nor make us fetch at will.
 * A verified token is remembered (by digest, until it expires, at most 10 min): the same token on the next request
 * costs a hash, not a signature check, and the rate limiter can name its caller before any other work.
 */
@Injectable()
export class AccessTokenVerifier {
  private readonly keySets: LRUCache<string, KeySet>;
  private readonly newKeySets: RateLimiterMemory;
  private readonly audiences: string[];
  private readonly issuerTemplates: string[];
  private readonly allowedTenants: Set<string>;
  private readonly verified = new LRUCache<string, AuthenticatedUser>({ max: VERIFIED_MAX, ttl: VERIFIED_TTL_MS });

  constructor(private readonly config: AppConfig) {
    this.audiences = csv(config.env.AUTH_AUDIENCE);
    this.issuerTemplates = csv(config.env.AUTH_ISSUER);
    this.allowedTenants = new Set(csv(config.env.AUTH_ALLOWED_TENANTS).map((t) => t.toLowerCase()));
    this.keySets = new LRUCache({ max: config.env.AUTH_JWKS_CACHE_SIZE });
    this.newKeySets = new RateLimiterMemory({ points: config.env.AUTH_JWKS_FETCHES_PER_MINUTE, duration: 60 });
  }

  /** The caller of a token this process verified and that has not expired, or undefined (no cryptography). */
  cachedUser(authorization: string | undefined | null): AuthenticatedUser | undefined {
    const token = bearerToken(authorization);
    return token ? this.verified.get(digest(token)) : undefined;
  }

  async verify(authorization: string | undefined | null): Promise<AuthenticatedUser> {
    const token = bearerToken(authorization);
    if (!token) throw new UnauthenticatedError();
    const key = digest(token);
    const known = this.verified.get(key);
    if (known) return known;
    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(token);
    } catch {
      throw new UnauthenticatedError('Invalid bearer token: not a JWT');
    }
    const tid = typeof unverified.tid === 'string' ? unverified.tid.toLowerCase() : '';
    if (!isUuid(tid)) throw new UnauthenticatedError('Invalid bearer token: missing tenant (tid)');
    if (this.allowedTenants.size && !this.allowedTenants.has(tid))
      throw new UnauthenticatedError('Invalid bearer token: tenant not allowed');

    const keySet = await this.keySet(tid);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keySet, {
        issuer: this.issuerTemplates.map((t) => t.replaceAll('{tid}', tid)),
        audience: this.audiences,
        algorithms: ['RS256'],
        clockTolerance: this.config.env.AUTH_CLOCK_SKEW_SEC,
        requiredClaims: ['exp', 'iss', 'aud', 'oid'],
      }));
    } catch (error) {
      throw new UnauthenticatedError(`Invalid bearer token: ${describe(error)}`);
    }
    const oid = String(payload.oid);
    const upn = (payload.preferred_username ?? payload.upn ?? payload.unique_name ?? null) as string | null;
    const user: AuthenticatedUser = {
      id: userKey(tid, oid),
      oid,
      tid,
      upn: upn ? upn.toLowerCase() : null,
      name: (payload.name as string | undefined) ?? null,
      scopes: typeof payload.scp === 'string' ? payload.scp.split(' ').filter(Boolean) : [],
      appRoles: Array.isArray(payload.roles) ? payload.roles.map(String) : [],
      expiresAtMs: Number(payload.exp) * 1000,
      accessToken: token,
    };
    const ttl = Number(payload.exp) * 1000 - Date.now();
    if (ttl > 0) this.verified.set(key, user, { ttl: Math.min(ttl, VERIFIED_TTL_MS) });
    return user;
  }

  private async keySet(tid: string): Promise<KeySet> {
    const url = this.config.env.AUTH_JWKS_URL.replaceAll('{tid}', tid);
    const cached = this.keySets.get(url);
    if (cached) return cached;
    try {
      await this.newKeySets.consume('new-tenant');
    } catch {
      throw new UnauthenticatedError(
        "Invalid bearer token: the signing keys of this token's tenant cannot be fetched right now; try again later",
      );
    }
    const set = createRemoteJWKSet(new URL(url), {
      cooldownDuration: 30_000,
      cacheMaxAge: 10 * 60_000,
      timeoutDuration: 5_000,
    });
    this.keySets.set(url, set);
    return set;
  }
}

function describe(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'token expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim "${error.claim}" rejected (${error.reason})`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'signature verification failed';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'no matching signing key';
  if (error instanceof joseErrors.JOSEError) return error.code;
  return 'verification failed';
}
