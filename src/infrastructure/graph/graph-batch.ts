/** `$batch` on the wire (graph-facts §2): at most 20 inner requests, answered in any order, each throttled alone. */
import { GraphBatchRequest, GraphBatchResponse } from './graph-client';
import { parseRetryAfterMs } from './graph-error-mapping';
import { GraphBatchInnerFailure, GraphErrorDetails } from './graph-errors';

export const MAX_BATCH_SIZE = 20;
const RETRYABLE_INNER_STATUSES = new Set([429, 503, 504]);

export function toBatchWireRequest(r: GraphBatchRequest) {
  // Graph requires Content-Type on every inner request that has a body.
  const headers = r.body !== undefined ? { 'Content-Type': 'application/json', ...r.headers } : r.headers;
  return {
    id: r.id,
    method: r.method,
    url: r.url,
    ...(headers ? { headers } : {}),
    ...(r.body !== undefined ? { body: r.body } : {}),
  };
}

export function normalizeBatchResponse(r: GraphBatchResponse): GraphBatchResponse {
  const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
  return { id: String(r.id), status: Number(r.status), headers, ...(r.body !== undefined ? { body: r.body } : {}) };
}

/**
 * The inner requests to send again (429/503/504), with the largest of their Retry-Afters; undefined when none.
 * Its status is 429 when any was throttled (the budget pauses), else the first failure's.
 */
export function innerFailureOf(
  responses: readonly GraphBatchResponse[],
  sent: number,
  where: Pick<GraphErrorDetails, 'method' | 'path'>,
): GraphBatchInnerFailure | undefined {
  const failed = responses.filter((r) => RETRYABLE_INNER_STATUSES.has(r.status));
  if (failed.length === 0) return undefined;
  const retryAfters = failed
    .map((r) => parseRetryAfterMs(r.headers['retry-after']))
    .filter((ms): ms is number => ms !== undefined);
  const status = failed.some((r) => r.status === 429) ? 429 : failed[0].status;
  return new GraphBatchInnerFailure(
    failed.map((r) => r.id),
    sent,
    retryAfters.length ? Math.max(...retryAfters) : undefined,
    { status, ...where },
  );
}
