import {
  GraphError,
  GraphErrorDetails,
  GraphNotFoundError,
  GraphPermissionError,
  GraphThrottledError,
  GraphUnavailableError,
  GraphValidationError,
} from './graph-errors';

interface GraphErrorBody {
  error?: { code?: unknown; message?: unknown; innerError?: { 'request-id'?: unknown } };
}

/** Retry-After is seconds and may be fractional ("2.128"); an HTTP date is also legal. */
export function parseRetryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface GraphFailedResponse {
  status: number;
  body: unknown;
  retryAfter?: string | null;
  requestId?: string | null;
}

/** Turns a non-2xx Graph response into a typed error; Graph's `message` is kept for humans, never branched on. */
export function graphErrorFromResponse(
  response: GraphFailedResponse,
  context: Omit<GraphErrorDetails, 'status'>,
): GraphError {
  const error = (response.body as GraphErrorBody | undefined)?.error;
  const graphCode = typeof error?.code === 'string' ? error.code : undefined;
  const graphMessage = typeof error?.message === 'string' ? error.message : '';
  const bodyRequestId =
    typeof error?.innerError?.['request-id'] === 'string' ? error.innerError['request-id'] : undefined;
  const details: GraphErrorDetails = {
    ...context,
    status: response.status,
    graphCode,
    requestId: response.requestId ?? bodyRequestId,
  };
  const where = `${context.method ?? ''} ${context.path ?? ''}`.trim();
  const message = `Graph ${response.status}${graphCode ? ` ${graphCode}` : ''} on ${where}${graphMessage ? `: ${graphMessage.slice(0, 500)}` : ''}`;
  const retryAfterMs = parseRetryAfterMs(response.retryAfter);
  switch (response.status) {
    case 429:
      return new GraphThrottledError(message, details, retryAfterMs);
    case 403:
      return new GraphPermissionError(message, details);
    case 404:
      return new GraphNotFoundError(message, details);
    case 400:
      return new GraphValidationError(message, details);
    case 503:
    case 504:
      return new GraphUnavailableError(message, details, retryAfterMs);
    default:
      return new GraphError(message, details);
  }
}
