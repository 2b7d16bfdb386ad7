import { randomUUID } from 'node:crypto';
import { badRequest, graphErrorBody } from './graph-errors';
import type { GraphRequest, GraphResponse, Principal } from './graph-context';
import type { GraphPipeline } from './graph-dispatcher';
import type { Query } from './odata-query';

export const MAX_BATCH_REQUESTS = 20;

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

interface BatchResponseItem {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** Rejects a malformed batch as a whole (outer 400), the way Graph does before running anything. */
export function validateBatch(body: unknown): BatchItem[] {
  const requests = (body as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests)) throw badRequest('Invalid batch payload format.');
  if (requests.length === 0) throw badRequest('Invalid batch payload format.');
  if (requests.length > MAX_BATCH_REQUESTS)
    throw badRequest(`The number of batch requests must not exceed ${MAX_BATCH_REQUESTS}.`);
  const ids = new Set<string>();
  for (const r of requests as BatchItem[]) {
    if (!r || typeof r.id !== 'string' || !r.id || typeof r.method !== 'string' || typeof r.url !== 'string')
      throw badRequest('Invalid batch payload format.');
    if (ids.has(r.id)) throw badRequest(`Request Id '${r.id}' must be unique in Batch request.`);
    ids.add(r.id);
    if (r.body !== undefined) {
      const hasType = Object.keys(r.headers ?? {}).some((h) => h.toLowerCase() === 'content-type');
      if (!hasType) throw badRequest(`Write request id : ${r.id} does not contain Content-Type header or body.`);
    }
    if (/\$batch/i.test(r.url)) throw badRequest('Nested batch requests are not supported.');
  }
  for (const r of requests as BatchItem[]) {
    for (const dep of r.dependsOn ?? [])
      if (!ids.has(dep) || dep === r.id) throw badRequest(`Request dependsOn '${dep}' is not a valid request id.`);
  }
  const byId = new Map((requests as BatchItem[]).map((r) => [r.id, r]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') throw badRequest('Batch request dependsOn contains a cycle.');
    state.set(id, 'visiting');
    for (const dep of byId.get(id)?.dependsOn ?? []) visit(dep);
    state.set(id, 'done');
  };
  for (const id of byId.keys()) visit(id);
  return requests as BatchItem[];
}

function toInnerRequest(item: BatchItem, outer: GraphRequest): GraphRequest {
  const url = item.url.replace(/^https?:\/\/[^/]+\/(v1\.0|beta)/i, '');
  const [pathPart, queryPart = ''] = url.split('?');
  const query: Query = {};
  for (const [k, v] of new URLSearchParams(queryPart)) query[k] = v;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(item.headers ?? {})) headers[k.toLowerCase()] = String(v);
  return {
    method: item.method.toUpperCase(),
    version: outer.version,
    path: decodeURIComponent(pathPart.replace(/^\/+/, '')),
    query,
    headers,
    body: item.body,
    baseUrl: outer.baseUrl,
  };
}

/**
 * Runs inner requests concurrently except where `dependsOn` orders them; each goes through the full
 * pipeline (throttling counts each one). A request whose dependency failed gets 424 and is not executed.
 */
export async function runBatch(
  pipeline: GraphPipeline,
  principal: Principal,
  outer: GraphRequest,
): Promise<GraphResponse> {
  const items = validateBatch(outer.body);
  const done = new Map<string, Promise<BatchResponseItem>>();
  const run = (item: BatchItem): Promise<BatchResponseItem> => {
    let p = done.get(item.id);
    if (p) return p;
    p = (async () => {
      const deps = await Promise.all((item.dependsOn ?? []).map((id) => run(items.find((x) => x.id === id)!)));
      if (deps.some((d) => d.status < 200 || d.status >= 300)) {
        const requestId = randomUUID();
        return {
          id: item.id,
          status: 424,
          headers: { 'Content-Type': 'application/json' },
          body: graphErrorBody('FailedDependency', 'Dependent request failed', requestId, undefined),
        };
      }
      const res = await pipeline.execute(toInnerRequest(item, outer), principal);
      const headers: Record<string, string> = { ...res.headers };
      if (res.body !== undefined) headers['Content-Type'] = 'application/json';
      return { id: item.id, status: res.status, headers, body: res.body };
    })();
    done.set(item.id, p);
    return p;
  };
  const responses = await Promise.all(items.map(run));
  return { status: 200, headers: {}, body: { responses } };
}
