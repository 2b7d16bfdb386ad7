import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type Redis from 'ioredis';
import { decodeJwt } from 'jose';
import { REDIS_CLIENT } from '../redis/redis.tokens';
import { GraphClient } from './graph-client';
import { GraphCallStats } from './graph-call-stats';
import { GraphCircuitBreakers } from './graph-circuit-breakers';
import { GRAPH_SETTINGS, GraphSettings } from './graph-settings';
import { BudgetState, GraphThrottleBudget } from './graph-throttle-budget';
import { GraphTokenProvider } from './graph-token.provider';
import { HttpGraphClient } from './http-graph-client';
import { TenantGraphConnection } from './tenant-graph-connection';

export interface GraphClientOptions {
  /** Accumulates this run's Graph traffic; a fresh one per client when omitted. */
  stats?: GraphCallStats;
  signal?: AbortSignal;
  /** Stop calling Graph after it has been unavailable this long (the run type's outage limit); unset: no limit. */
  outageLimitMs?: number;
}

/** Builds GraphClients for tenant connections; owns the shared token cache and throttle budget. */
@Injectable()
export class GraphClientFactory {
  private readonly logger = new Logger('GraphClient');
  private readonly tokens: GraphTokenProvider;
  private readonly budget: GraphThrottleBudget | null;
  private readonly breakers: GraphCircuitBreakers;

  constructor(
    @Inject(GRAPH_SETTINGS) private readonly settings: GraphSettings,
    @Optional() @Inject(REDIS_CLIENT) redis?: Redis,
  ) {
    this.tokens = new GraphTokenProvider(settings);
    this.breakers = new GraphCircuitBreakers(settings);
    this.budget =
      redis && settings.budget.enabled
        ? new GraphThrottleBudget(redis, settings.budget, settings.redisKeyPrefix)
        : null;
  }

  /** App-only access (client credentials). */
  forConnection(conn: TenantGraphConnection, opts: GraphClientOptions = {}): GraphClient {
    return this.client(conn, async () => (await this.tokens.getAppToken(conn)).accessToken, opts);
  }

  /** Delegated access on behalf of the signed-in user whose token for our API is `userAssertion`. */
  forDelegatedUser(
    conn: TenantGraphConnection,
    userAssertion: string,
    scopes: string[],
    opts: GraphClientOptions = {},
  ): GraphClient {
    return this.client(
      conn,
      async () => (await this.tokens.getOnBehalfOfToken(conn, userAssertion, scopes)).accessToken,
      opts,
    );
  }

  /** For tenant verify: the app token's `roles` (granted application permissions). Decoded, not verified: Graph tokens are opaque to us. */
  async acquireAppToken(conn: TenantGraphConnection): Promise<{ roles: string[]; expiresOn: Date }> {
    const token = await this.tokens.getAppToken(conn);
    return { roles: rolesOf(token.accessToken), expiresOn: token.expiresOn };
  }

  getBudgetState(entraTenantId: string, clientId: string): Promise<BudgetState | null> {
    return this.budget ? this.budget.getBudgetState(entraTenantId, clientId) : Promise.resolve(null);
  }

  /** Forget a connection's cached MSAL app (credentials replaced or tenant archived). */
  evictConnection(connectionKey: string): void {
    this.tokens.evict(connectionKey);
  }

  private client(
    conn: TenantGraphConnection,
    getAccessToken: () => Promise<string>,
    opts: GraphClientOptions,
  ): GraphClient {
    return new HttpGraphClient({
      settings: this.settings,
      identity: { entraTenantId: conn.entraTenantId, clientId: conn.clientId },
      getAccessToken,
      budget: this.budget,
      stats: opts.stats ?? new GraphCallStats(),
      signal: opts.signal,
      logger: this.logger,
      breakers: this.breakers,
      outageLimitMs: opts.outageLimitMs,
    });
  }
}

/** The `roles` claim of an app token, decoded without verification (Graph tokens are opaque to us); [] if unreadable. */
function rolesOf(jwt: string): string[] {
  try {
    const { roles } = decodeJwt(jwt);
    return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return [];
  }
}
