import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { tracer } from '../tracing';
import { GraphError } from './graph-errors';

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * A Graph path with its ids replaced by `{id}`, for span names and attributes (bounded, no tenant data): a segment is
 * an id when it holds a GUID, is a number, is percent-encoded or quoted, or is a long token with digits (Graph's
 * composite ids). Names of collections, actions and casts (`microsoft.graph.x`) stay.
 */
export function graphPathTemplate(path: string): string {
  return path
    .split('/')
    .map((segment) => (isIdSegment(segment) ? '{id}' : segment))
    .join('/');
}

function isIdSegment(segment: string): boolean {
  if (segment === '' || segment === 'v1.0' || segment === 'beta' || segment === '$batch') return false;
  return (
    GUID.test(segment) ||
    /^\d+$/.test(segment) ||
    /[%'=:]/.test(segment) ||
    (segment.length >= 16 && /\d/.test(segment) && !segment.includes('.'))
  );
}

/**
 * One Graph HTTP request as a client span: method, path template and status (0: no answer). Never the URL's ids or
 * query, the headers or the body: no tokens, no tenant data.
 */
export async function traceGraphRequest<T extends { status: number }>(
  method: string,
  path: string,
  send: () => Promise<T>,
): Promise<T> {
  const template = graphPathTemplate(path);
  const span = tracer.startSpan(`${method} ${template}`, {
    kind: SpanKind.CLIENT,
    attributes: { 'http.request.method': method, 'url.template': template },
  });
  try {
    const response = await send();
    span.setAttribute('http.response.status_code', response.status);
    return response;
  } catch (error) {
    if (error instanceof GraphError) span.setAttribute('http.response.status_code', error.status);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.name ?? 'Error' });
    throw error;
  } finally {
    span.end();
  }
}
