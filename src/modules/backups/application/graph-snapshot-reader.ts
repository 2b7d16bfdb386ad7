import type { GraphBatchRequest, GraphBatchResponse, GraphClient, GraphContract } from '../../../infrastructure/graph';
import { approximateJsonBytes } from '../domain/approximate-json-bytes';
import type { SnapshotInput } from './backup-views';

/** Graph's `$batch` limit. */
const BATCH_SIZE = 20;
/** Batches of one type in flight at once (types run side by side too; the shared budget paces them all). */
const BATCH_CONCURRENCY = 2;

/** The approximate JSON size of a snapshot (payload and assignments): what in-flight snapshots are bounded by. */
export function snapshotBytes(snapshot: SnapshotInput): number {
  return approximateJsonBytes(snapshot.payload) + approximateJsonBytes(snapshot.assignments ?? []);
}

type Json = Record<string, unknown>;

export interface ItemReadFailure {
  sourceId: string;
  status: number;
  code: string;
  message: string;
}

export interface ReadTypeOptions {
  pageSize: number;
  /** Only these Graph object ids (default: all). */
  itemIds?: ReadonlySet<string> | null;
  signal?: AbortSignal;
  onItemFailure: (failure: ItemReadFailure) => void;
}

/** The requests one object costs: one GET by id (`$expand` per contract) plus one per sub-resource collection. */
export function requestsPerObject(contract: GraphContract): number {
  return 1 + contract.backup.subResources.length + (assignmentsInline(contract) || !contract.assignments ? 0 : 1);
}

/**
 * Reads the full payload of every object of one type, page by page: the list (ids only) gives the ids, then a GET by
 * id per object — the only read that returns e.g. `scriptContent` — with the contract's `backup.expand` (settings,
 * apps, compliance actions, assignments), and the contract's `subResources` (admin templates' `definitionValues` with
 * their `definition`, then each value's `presentationValues`), all through `$batch`. Sub-resources are put inline
 * under their key, as `$expand` and the IntuneManagement export layout have them; assignments are split off.
 */
export async function* readTypeSnapshots(
  client: GraphClient,
  contract: GraphContract,
  options: ReadTypeOptions,
): AsyncIterable<SnapshotInput> {
  const select = ['id', contract.nameField];
  const perBatch = Math.max(1, Math.floor(BATCH_SIZE / requestsPerObject(contract)));
  // Batches in flight, oldest first. Each is handed on as soon as it and those before it are read (order kept), so a
  // type holds at most BATCH_CONCURRENCY batches plus the one being handed on, never a whole page of big payloads.
  const inFlight: Array<Promise<SnapshotInput[]>> = [];
  try {
    for await (const page of client.list(contract, { select, top: options.pageSize })) {
      options.signal?.throwIfAborted();
      const ids = page.items.map((o) => String(o.id)).filter((id) => !options.itemIds || options.itemIds.has(id));
      let next = 0;
      const start = () => {
        const read = readChunk(client, contract, ids.slice(next, (next += perBatch)), options);
        // Awaited below (or in `finally`); this only keeps a rejection from counting as unhandled meanwhile.
        read.catch(() => undefined);
        inFlight.push(read);
      };
      while (next < ids.length && inFlight.length < BATCH_CONCURRENCY) start();
      while (inFlight.length) {
        const snapshots = await inFlight[0];
        inFlight.shift();
        if (next < ids.length) start();
        // Handed on one by one and dropped from the array, so the consumer's backpressure frees them as it goes.
        snapshots.reverse();
        while (snapshots.length) yield snapshots.pop()!;
      }
    }
  } finally {
    // The consumer stopped early or a read failed: no read of this type runs on after the caller moved on.
    await Promise.allSettled(inFlight);
  }
}

async function readChunk(
  client: GraphClient,
  contract: GraphContract,
  ids: string[],
  options: ReadTypeOptions,
): Promise<SnapshotInput[]> {
  const base = contract.collectionPath;
  const expand = contract.backup.expand;
  const requests: GraphBatchRequest[] = [];
  ids.forEach((id, n) => {
    const item = `${base}/${encodeURIComponent(id)}`;
    requests.push({ id: `${n}`, method: 'GET', url: withQuery(item, expand) });
    contract.backup.subResources.forEach((sub, s) =>
      requests.push({ id: `${n}.s${s}`, method: 'GET', url: withQuery(`${item}/${sub.path}`, sub.expand ?? []) }),
    );
    if (contract.assignments && !assignmentsInline(contract))
      requests.push({ id: `${n}.a`, method: 'GET', url: `${item}/${contract.assignments.readPath}` });
  });
  const byId = await batchOrFail(client, contract, requests, ids, options);
  if (!byId) return [];

  const out: SnapshotInput[] = [];
  const failed = (sourceId: string, response: GraphBatchResponse) => {
    const error = ((response.body as Json | undefined)?.error ?? {}) as Json;
    options.onItemFailure({
      sourceId,
      status: response.status,
      code: typeof error.code === 'string' ? error.code : `HTTP_${response.status}`,
      message: typeof error.message === 'string' ? error.message.slice(0, 300) : `HTTP ${response.status}`,
    });
  };
  // Per-item sub-resources (presentation values of each definition value), all in follow-up batches.
  const perItemRequests: GraphBatchRequest[] = [];
  const pending: Array<{ sourceId: string; payload: Json; assignments: Json[]; subFailed: boolean }> = [];
  for (const [n, id] of ids.entries()) {
    const main = byId.get(`${n}`)!;
    // Deleted between the list and the read: not in the tenant any more, so not in the backup.
    if (main.status === 404) continue;
    if (!ok(main)) {
      failed(id, main);
      continue;
    }
    const payload = { ...(main.body as Json) };
    let assignments: Json[] = [];
    if (contract.assignments) {
      const readPath = contract.assignments.readPath;
      if (assignmentsInline(contract)) {
        assignments = Array.isArray(payload[readPath]) ? (payload[readPath] as Json[]) : [];
        for (const key of Object.keys(payload))
          if (key === readPath || key.startsWith(`${readPath}@odata.`)) delete payload[key];
      } else {
        const res = byId.get(`${n}.a`)!;
        if (!ok(res)) {
          failed(id, res);
          continue;
        }
        assignments = await allValues(client, contract, res, `${base}/${encodeURIComponent(id)}/${readPath}`, []);
      }
    }
    let subFailed = false;
    for (const [s, sub] of contract.backup.subResources.entries()) {
      const res = byId.get(`${n}.s${s}`)!;
      if (!ok(res)) {
        failed(id, res);
        subFailed = true;
        break;
      }
      const itemPath = `${base}/${encodeURIComponent(id)}/${sub.path}`;
      const values = await allValues(client, contract, res, itemPath, sub.expand ?? []);
      payload[sub.key] = values;
      if (sub.perItem) {
        for (const [c, child] of values.entries()) {
          perItemRequests.push({
            id: `${n}.s${s}.${c}`,
            method: 'GET',
            url: withQuery(
              `${itemPath}/${encodeURIComponent(String(child.id))}/${sub.perItem.path}`,
              sub.perItem.expand ?? [],
            ),
          });
        }
      }
    }
    if (subFailed) continue;
    pending.push({ sourceId: id, payload, assignments, subFailed: false });
  }

  if (perItemRequests.length) {
    const children = await batchOrFail(
      client,
      contract,
      perItemRequests,
      pending.map((p) => p.sourceId),
      options,
    );
    if (!children) return [];
    for (const entry of pending) {
      const n = ids.indexOf(entry.sourceId);
      for (const [s, sub] of contract.backup.subResources.entries()) {
        if (!sub.perItem) continue;
        const values = entry.payload[sub.key] as Json[];
        for (const [c, child] of values.entries()) {
          const res = children.get(`${n}.s${s}.${c}`)!;
          if (!ok(res)) {
            failed(entry.sourceId, res);
            entry.subFailed = true;
            break;
          }
          const path = `${base}/${encodeURIComponent(entry.sourceId)}/${sub.path}/${encodeURIComponent(String(child.id))}/${sub.perItem.path}`;
          child[sub.perItem.key] = await allValues(client, contract, res, path, sub.perItem.expand ?? []);
        }
        if (entry.subFailed) break;
      }
    }
  }

  for (const entry of pending) {
    if (entry.subFailed) continue;
    const name = entry.payload[contract.nameField];
    const odataType = entry.payload['@odata.type'];
    out.push({
      typeKey: contract.typeKey,
      sourceId: entry.sourceId,
      displayName: typeof name === 'string' && name ? name : entry.sourceId,
      odataType: typeof odataType === 'string' ? odataType : contract.odataType,
      payload: entry.payload,
      assignments: entry.assignments,
    });
  }
  return out;
}

function assignmentsInline(contract: GraphContract): boolean {
  const readPath = contract.assignments?.readPath;
  return !!readPath && contract.backup.expand.some((e) => e.split('(')[0] === readPath);
}

function withQuery(path: string, expand: readonly string[]): string {
  return expand.length ? `${path}?$expand=${expand.map(encodeURIComponent).join(',')}` : path;
}

function ok(response: GraphBatchResponse | undefined): response is GraphBatchResponse {
  return !!response && response.status >= 200 && response.status < 300;
}

/** A `$batch`; when its POST itself fails after the retries, each object of it is a per-item failure (null). */
async function batchOrFail(
  client: GraphClient,
  contract: GraphContract,
  requests: GraphBatchRequest[],
  sourceIds: string[],
  options: ReadTypeOptions,
): Promise<Map<string, GraphBatchResponse> | null> {
  try {
    return byRequestId(await client.batch(requests, { version: contract.apiVersion }));
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const message = error instanceof Error ? error.message.slice(0, 300) : String(error);
    const status = (error as { status?: number }).status ?? 0;
    const code = (error as { graphCode?: string }).graphCode ?? 'BATCH_FAILED';
    for (const sourceId of sourceIds) options.onItemFailure({ sourceId, status, code, message });
    return null;
  }
}

function byRequestId(responses: GraphBatchResponse[]): Map<string, GraphBatchResponse> {
  return new Map(responses.map((r) => [r.id, r]));
}

/** A collection answer's `value`; when Graph paged it (rare for sub-resources), the whole collection read again. */
async function allValues(
  client: GraphClient,
  contract: GraphContract,
  response: GraphBatchResponse,
  path: string,
  expand: readonly string[],
): Promise<Json[]> {
  const body = (response.body ?? {}) as Json;
  const value = Array.isArray(body.value) ? (body.value as Json[]) : [];
  if (typeof body['@odata.nextLink'] !== 'string') return value;
  const all: Json[] = [];
  for await (const page of client.list({ path, version: contract.apiVersion }, { expand })) all.push(...page.items);
  return all;
}

/**
 * One object by id, read exactly as a backup reads it (compare-to-live), without listing its collection. Null when
 * Graph no longer has it (404) or reading it failed (reported through `onItemFailure`).
 */
export async function readObjectSnapshot(
  client: GraphClient,
  contract: GraphContract,
  sourceId: string,
  options: Pick<ReadTypeOptions, 'signal' | 'onItemFailure'>,
): Promise<SnapshotInput | null> {
  const [snapshot] = await readChunk(client, contract, [sourceId], { ...options, pageSize: 1 });
  return snapshot ?? null;
}
