import type {
  OperationRunFilterInput,
  OperationRunOutcome,
  OperationRunStatus,
  RunFieldsFragment,
} from '../../gql/graphql';

export const WINDOWS: Record<string, { label: string; ms: number }> = {
  '1h': { label: 'Last hour', ms: 3_600_000 },
  '24h': { label: 'Last 24 hours', ms: 86_400_000 },
  '7d': { label: 'Last 7 days', ms: 7 * 86_400_000 },
  '30d': { label: 'Last 30 days', ms: 30 * 86_400_000 },
};

/** The run list's filters live in the URL (deep links, back button); this turns them into the API's filter. */
export function filterFromParams(
  params: URLSearchParams,
  meId: string | undefined,
  now = Date.now(),
): OperationRunFilterInput {
  const filter: OperationRunFilterInput = {};
  const tenant = params.get('tenant');
  if (tenant) filter.tenantId = tenant;
  const type = params.get('type');
  if (type) filter.type = type;
  const status = params.get('status');
  if (status) filter.status = status as OperationRunStatus;
  const outcome = params.get('outcome');
  if (outcome) filter.outcome = outcome as OperationRunOutcome;
  const initiator = params.get('initiator');
  if (initiator === 'me' && meId) filter.initiatorUserId = meId;
  else if (initiator && initiator !== 'me') filter.initiatorUserId = initiator;
  const window = params.get('window');
  if (window && WINDOWS[window]) filter.createdAfter = new Date(now - WINDOWS[window].ms).toISOString();
  const from = params.get('from');
  const to = params.get('to');
  if (from) filter.createdAfter = new Date(from).toISOString();
  if (to) filter.createdBefore = new Date(to).toISOString();
  return filter;
}

/** Whether a run (e.g. one that just appeared live) belongs in a list with this filter. */
export function matchesFilter(run: RunFieldsFragment, filter: OperationRunFilterInput): boolean {
  if (filter.tenantId && run.tenantId !== filter.tenantId) return false;
  if (filter.type && run.type !== filter.type) return false;
  if (filter.status && run.status !== filter.status) return false;
  if (filter.outcome && run.outcome !== filter.outcome) return false;
  if (filter.initiatorUserId && run.initiatorUserId !== filter.initiatorUserId) return false;
  const created = new Date(run.createdAt).getTime();
  if (filter.createdAfter && created < new Date(filter.createdAfter).getTime()) return false;
  if (filter.createdBefore && created >= new Date(filter.createdBefore).getTime()) return false;
  return true;
}
