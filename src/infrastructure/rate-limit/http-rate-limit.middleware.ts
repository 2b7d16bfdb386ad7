import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { AppConfig } from '../config/app-config';
import { parseTrustProxy, trustProxyFn } from '../config/trust-proxy';
import { clientAddressKey } from './client-address';
import { type RateDecision, RateLimits } from './rate-limits';
import { sendRateLimited } from './rate-limited';

export const GRAPHQL_PATH = '/graphql';

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/**
 * The first middleware of the HTTP server (bootstrap.ts installs it before Nest adds body parsing, logging, the
 * router and Apollo), so a refused request costs no body parsing, no token verification and no GraphQL parsing.
 * - `/health/*` is never limited: a flood must not make the liveness probe fail.
 * - `/graphql` with a token this process already verified: per user, then per address (all users behind it).
 * - `/graphql` otherwise (no token, a bad one, or one not seen yet): per address, before any token work.
 * - anything else (the web console's static files): a generous per-address limit, never the per-user one.
 */
@Injectable()
export class HttpRateLimitMiddleware {
  private readonly trust: (address: string, hop: number) => boolean;

  constructor(
    private readonly limits: RateLimits,
    private readonly verifier: AccessTokenVerifier,
    { env }: AppConfig,
  ) {
    this.trust = trustProxyFn(parseTrustProxy(env.TRUST_PROXY));
  }

  readonly handle = (req: Request, res: Response, next: NextFunction): void => {
    if (isUnder(req.path, '/health')) return next();
    const graphql = isUnder(req.path, GRAPHQL_PATH);
    this.decide(req, graphql).then(
      (decision) => (decision.limited ? sendRateLimited(res, decision, graphql) : next()),
      next,
    );
  };

  private async decide(req: Request, graphql: boolean): Promise<RateDecision> {
    const address = clientAddressKey(req, this.trust);
    if (!graphql) return this.limits.take('static', address);
    const user = this.verifier.cachedUser(req.headers.authorization);
    if (!user) return this.limits.take('anonymous', address);
    const perUser = await this.limits.take('user', user.id);
    return perUser.limited ? perUser : this.limits.take('address', address);
  }
}
