import type { RunFieldsFragment } from '../../gql/graphql';
import { filterFromParams, matchesFilter } from './run-filter';

const run = (patch: Partial<RunFieldsFragment>): RunFieldsFragment =>
  ({
    id: 'r1',
    type: 'inventory.sync',
    status: 'RUNNING',
    outcome: null,
    tenantId: 't1',
    initiatorUserId: 'tid:me',
    attempt: 1,
    createdAt: '2026-03-01T10:00:00.000Z',
    version: 1,
    summaryCounts: { total: 0, processed: 0, succeeded: 0, failed: 0, skipped: 0, metrics: {} },
    ...patch,
  }) as RunFieldsFragment;

describe('run list filters', () => {
  it('turns URL parameters into the API filter ("me" is the caller, windows end now)', () => {
    const now = Date.parse('2026-03-02T00:00:00Z');
    const filter = filterFromParams(
      new URLSearchParams('tenant=t1&status=COMPLETED&initiator=me&window=24h'),
      'tid:me',
      now,
    );
    expect(filter).toEqual({
      tenantId: 't1',
      status: 'COMPLETED',
      initiatorUserId: 'tid:me',
      createdAfter: '2026-03-01T00:00:00.000Z',
    });
  });

  it('admits a live run only when it matches every filter', () => {
    const filter = { tenantId: 't1', type: 'inventory.sync', createdAfter: '2026-03-01T00:00:00.000Z' };
    expect(matchesFilter(run({}), filter)).toBe(true);
    expect(matchesFilter(run({ tenantId: 't2' }), filter)).toBe(false);
    expect(matchesFilter(run({ type: 'tenant.verify' }), filter)).toBe(false);
    expect(matchesFilter(run({ createdAt: '2026-02-28T23:59:59.000Z' }), filter)).toBe(false);
    expect(matchesFilter(run({ status: 'COMPLETED', outcome: 'FAILED' }), { outcome: 'SUCCEEDED' })).toBe(false);
  });
});
