/** Injected failures per tenant (or '*' for every tenant): 503s, latency and withheld permissions. */
export interface FaultOptions {
  /** Probability (0..1) that a Graph request fails with 503. */
  fail503Rate: number;
  /** The next N Graph requests fail with 503. */
  fail503Count: number;
  /** Added before every Graph response. */
  latencyMs: number;
  /** Treated as not granted even when the token carries them (403). */
  missingPermissions: string[];
  /** Retry-After sent with injected 503s, in seconds (small, so tests stay fast). */
  retryAfter503Sec: number;
  /** The N-th write (POST/PUT/PATCH/DELETE) admitted after this is set fails once with 500; 0 = off. */
  failNthWrite: number;
  /** Requests whose path contains one of these (e.g. an object id) always fail with 500: a broken object. */
  failPathsContaining: string[];
}

export const NO_FAULTS: FaultOptions = {
  fail503Rate: 0,
  fail503Count: 0,
  latencyMs: 0,
  missingPermissions: [],
  retryAfter503Sec: 0.05,
  failNthWrite: 0,
  failPathsContaining: [],
};

export class FaultRegistry {
  private readonly byTenant = new Map<string, FaultOptions>();
  /** Writes seen since `failNthWrite` was last set, per key. */
  private readonly writesSeen = new Map<string, number>();

  constructor(private readonly random: () => number = Math.random) {}

  set(tenantId: string | '*', faults: Partial<FaultOptions>): void {
    const key = tenantId.toLowerCase();
    this.byTenant.set(key, { ...(this.byTenant.get(key) ?? NO_FAULTS), ...faults });
    if (faults.failNthWrite !== undefined) this.writesSeen.set(key, 0);
  }

  get(tenantId: string | '*'): FaultOptions {
    return { ...(this.byTenant.get(tenantId.toLowerCase()) ?? NO_FAULTS) };
  }

  reset(): void {
    this.byTenant.clear();
    this.writesSeen.clear();
  }

  /** Counts one admitted write; true when it is the one `failNthWrite` names (which then switches off). */
  takeWriteFault(tenantId: string): boolean {
    for (const key of ['*', tenantId.toLowerCase()]) {
      const f = this.byTenant.get(key);
      if (!f || f.failNthWrite <= 0) continue;
      const seen = (this.writesSeen.get(key) ?? 0) + 1;
      this.writesSeen.set(key, seen);
      if (seen === f.failNthWrite) {
        f.failNthWrite = 0;
        return true;
      }
    }
    return false;
  }

  latencyMs(tenantId: string): number {
    return this.layers(tenantId).reduce((sum, f) => sum + f.latencyMs, 0);
  }

  /** Whether this request path belongs to an object made to fail (`failPathsContaining`). */
  failsPath(tenantId: string, path: string): boolean {
    return this.layers(tenantId).some((f) => (f.failPathsContaining ?? []).some((part) => path.includes(part)));
  }

  missingPermissions(tenantId: string): Set<string> {
    return new Set(this.layers(tenantId).flatMap((f) => f.missingPermissions));
  }

  /** Decides whether this request gets an injected 503; consumes one of `fail503Count` when it does. */
  take503(tenantId: string): { retryAfterSec: number } | null {
    for (const key of ['*', tenantId.toLowerCase()]) {
      const f = this.byTenant.get(key);
      if (!f) continue;
      if (f.fail503Count > 0) {
        f.fail503Count--;
        return { retryAfterSec: f.retryAfter503Sec };
      }
      if (f.fail503Rate > 0 && this.random() < f.fail503Rate) return { retryAfterSec: f.retryAfter503Sec };
    }
    return null;
  }

  private layers(tenantId: string): FaultOptions[] {
    return ['*', tenantId.toLowerCase()].map((k) => this.byTenant.get(k)).filter((f): f is FaultOptions => !!f);
  }
}
