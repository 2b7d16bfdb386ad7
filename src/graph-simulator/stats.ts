/** Request counters per tenant; unauthenticated calls are counted under '-' (no tenant known). */
export interface SimStats {
  requests: number;
  writes: number;
  throttled429: number;
  byStatus: Record<string, number>;
}

const empty = (): SimStats => ({ requests: 0, writes: 0, throttled429: 0, byStatus: {} });

export class StatsRegistry {
  private readonly byTenant = new Map<string, SimStats>();

  record(tenantId: string | null, isWrite: boolean, status: number): void {
    const key = tenantId ?? '-';
    const s = this.byTenant.get(key) ?? empty();
    this.byTenant.set(key, s);
    s.requests++;
    if (isWrite) s.writes++;
    if (status === 429) s.throttled429++;
    s.byStatus[String(status)] = (s.byStatus[String(status)] ?? 0) + 1;
  }

  get(tenantId?: string): SimStats {
    if (tenantId) {
      const s = this.byTenant.get(tenantId.toLowerCase()) ?? empty();
      return { ...s, byStatus: { ...s.byStatus } };
    }
    const total = empty();
    for (const s of this.byTenant.values()) {
      total.requests += s.requests;
      total.writes += s.writes;
      total.throttled429 += s.throttled429;
      for (const [k, v] of Object.entries(s.byStatus)) total.byStatus[k] = (total.byStatus[k] ?? 0) + v;
    }
    return total;
  }

  reset(): void {
    this.byTenant.clear();
  }
}
