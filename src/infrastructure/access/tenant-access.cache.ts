import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AppConfig } from '../config/app-config';
import { TenantAccessService } from './tenant-access.service';

/**
 * `canSee` for subscription deliveries, remembered per user and tenant for SUBSCRIPTION_ACCESS_TTL_MS (5 s by
 * default): thousands of run events a second would otherwise cost one PostgreSQL query each, per subscriber. Short
 * on purpose: a revoked membership stops deliveries within one window. Queries and mutations never use it.
 */
@Injectable()
export class TenantAccessCache {
  /** Enough for every live subscriber of one api process; beyond it the least recently used decisions go first. */
  static readonly MAX_ENTRIES = 10_000;
  // The promise itself is cached: a burst of events arriving before the answer shares one query.
  private readonly decisions: LRUCache<string, Promise<boolean>> | null;

  constructor(
    private readonly access: TenantAccessService,
    config: AppConfig,
  ) {
    const ttl = config.env.SUBSCRIPTION_ACCESS_TTL_MS;
    // noUpdateTTL: a hit never extends a decision's life, so a revocation is seen within one window.
    // Wall-clock time (Date) rather than performance.now(): the TTL is a policy, not a measurement. lru-cache counts
    // an entry stale once strictly older than its ttl; a decision expires when the window of ttl ms is over.
    this.decisions =
      ttl > 0
        ? new LRUCache({ max: TenantAccessCache.MAX_ENTRIES, ttl: Math.max(1, ttl - 1), noUpdateTTL: true, perf: Date })
        : null;
  }

  canSee(user: AuthenticatedUser, tenantId: string | null): Promise<boolean> {
    if (tenantId === null || !this.decisions) return this.access.canSee(user, tenantId); // null needs no query
    const key = `${user.id}\n${tenantId}`;
    const hit = this.decisions.get(key);
    if (hit) return hit;
    const decision = this.access.canSee(user, tenantId);
    this.decisions.set(key, decision);
    decision.catch(() => {
      if (this.decisions?.get(key) === decision) this.decisions.delete(key); // a failed check is retried next event
    });
    return decision;
  }

  /** Live decisions (expired ones are dropped first; diagnostics and tests only). */
  get size(): number {
    this.decisions?.purgeStale();
    return this.decisions?.size ?? 0;
  }
}
