/**
 * Graph-shaped error bodies (graph-facts §3). Handlers throw `GraphError`; the dispatcher turns it into the
 * `{ error: { code, message, innerError: { date, request-id, client-request-id } } }` body Graph sends.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface GraphErrorBody {
  error: { code: string; message: string; innerError: Record<string, string> };
}

/** Graph prints innerError.date without fractional seconds or zone. */
export function graphDate(now = new Date()): string {
  return now.toISOString().slice(0, 19);
}

export function graphErrorBody(
  code: string,
  message: string,
  requestId: string,
  clientRequestId: string | undefined,
  status?: number,
): GraphErrorBody {
  const innerError: Record<string, string> = { date: graphDate(), 'request-id': requestId };
  if (clientRequestId) innerError['client-request-id'] = clientRequestId;
  // Throttling responses carry the numeric status inside innerError as well (MGD throttling.md).
  if (status === 429) {
    innerError.code = '429';
    innerError.status = '429';
  }
  return { error: { code, message, innerError } };
}

export const badRequest = (message: string, code = 'BadRequest'): GraphError => new GraphError(400, code, message);
export const notFound = (message: string): GraphError => new GraphError(404, 'ResourceNotFound', message);
export const forbidden = (message: string): GraphError => new GraphError(403, 'Forbidden', message);
