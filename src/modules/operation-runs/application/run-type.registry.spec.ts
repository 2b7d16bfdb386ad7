import { dedupeKeyFor, lockKeyFor } from './run-type.registry';
import type { RunTypeOptions } from '../../../infrastructure/runs';

const base: RunTypeOptions = {
  type: 'inventory.sync',
  title: 'Inventory sync',
  requiresTenant: true,
  dedupe: 'tenant',
  timeoutMs: 1000,
};

describe('run type scopes', () => {
  it('should deduplicate a per-tenant type by type and tenant', () => {
    expect(dedupeKeyFor(base, 't1', {})).toBe('inventory.sync:t1');
    expect(dedupeKeyFor({ ...base, dedupe: 'global' }, 't1', {})).toBe('inventory.sync');
    expect(dedupeKeyFor({ ...base, dedupe: 'none' }, 't1', {})).toBeNull();
  });

  it('should deduplicate a custom scope by its function, and not at all when it returns null', () => {
    // A hypothetical type keyed by plan: the registry works on options as data, whatever the type map holds.
    const byPlan = {
      ...base,
      type: 'restore.execute',
      dedupe: ({ context }: { context: { planId?: string } }) => context.planId ?? null,
    } as unknown as RunTypeOptions;
    expect(dedupeKeyFor(byPlan, 't1', { planId: 'p9' })).toBe('restore.execute:p9');
    expect(dedupeKeyFor(byPlan, 't1', {})).toBeNull();
  });

  it('should lock per tenant, per tenant and type, or globally', () => {
    expect(lockKeyFor(base, 't1')).toBeNull();
    expect(lockKeyFor({ ...base, lock: 'tenant' }, 't1')).toBe('tenant:t1');
    expect(lockKeyFor({ ...base, lock: 'tenant+type' }, 't1')).toBe('tenant:t1:type:inventory.sync');
    expect(lockKeyFor({ ...base, lock: 'global' }, 't1')).toBe('global');
  });
});
