import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { AppConfig } from '../../../infrastructure/config/app-config';
import { TenantAccessService } from './tenant-access.service';

interface Entry {
  expiresAt: number;
  decision: Promise<boolean>;
}

/**
 * `canSee` for subscription deliveries, remembered per user and tenant for SUBSCRIPTION_ACCESS_TTL_MS (5 s by
 * default): thousands of run events a second would otherwise cost one PostgreSQL query each, per subscriber. Short
 * on purpose: a revoked membership stops deliveries within one window. Queries and mutations never use it.
 */
@Injectable()
export class TenantAccessCache {
  /** Enough for every live subscriber of one api process; beyond it the oldest decisions go first. */
  static readonly MAX_ENTRIES = 10_000;
  // Every entry lives the same TTL and is re-inserted on refresh, so insertion order is expiry order.
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;

  constructor(
    private readonly access: TenantAccessService,
    config: AppConfig,
  ) {
    this.ttlMs = config.env.SUBSCRIPTION_ACCESS_TTL_MS;
  }

  canSee(user: AuthenticatedUser, tenantId: string | null): Promise<boolean> {
    if (tenantId === null || this.ttlMs === 0) return this.access.canSee(user, tenantId); // null needs no query
    const key = `${user.id}\n${tenantId}`;
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.decision;
    this.entries.delete(key);
    this.evict(now);
    // The promise itself is cached: a burst of events arriving before the answer shares one query.
    const decision = this.access.canSee(user, tenantId);
    this.entries.set(key, { expiresAt: now + this.ttlMs, decision });
    decision.catch(() => {
      if (this.entries.get(key)?.decision === decision) this.entries.delete(key); // a failed check is retried next event
    });
    return decision;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Drops expired entries from the front, and the oldest live ones while at the cap. */
  private evict(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now && this.entries.size < TenantAccessCache.MAX_ENTRIES) return;
      this.entries.delete(key);
    }
  }
}
