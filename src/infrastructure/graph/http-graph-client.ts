import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { GraphApiVersion, GraphContract, stripReadOnlyFields } from '../../../config/graph-contracts';
import {
  GraphBatchRequest,
  GraphBatchResponse,
  GraphClient,
  GraphMethod,
  GraphPage,
  GraphQuery,
  GraphRequestOptions,
  GraphTarget,
} from './graph-client';
import { innerFailureOf, MAX_BATCH_SIZE, normalizeBatchResponse, toBatchWireRequest } from './graph-batch';
import { GraphCallStats } from './graph-call-stats';
import type { GraphCircuitBreakers } from './graph-circuit-breakers';
import { graphErrorFromResponse } from './graph-error-mapping';
import { GraphBatchInnerFailure, GraphError, GraphThrottledError, GraphUnavailableError } from './graph-errors';
import { traceGraphRequest } from './graph-request-span';
import { createGraphRetryPolicy } from './graph-retry.policy';
import { GraphSettings } from './graph-settings';
import { BudgetIdentity, GraphThrottleBudget } from './graph-throttle-budget';

export interface HttpGraphClientDeps {
  settings: GraphSettings;
  identity: BudgetIdentity;
  getAccessToken: () => Promise<string>;
  budget: GraphThrottleBudget | null;
  stats: GraphCallStats;
  signal?: AbortSignal;
  logger?: Logger;
  /** The process's per-tenant circuit breakers (absent: every call goes out). */
  breakers?: GraphCircuitBreakers;
  /**
   * The caller's outage limit: once Graph has been unavailable this long without a single answer in between, every
   * further call of this client is refused at once (the run ends instead of waiting out more timeouts).
   */
  outageLimitMs?: number;
}

interface SendOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Safe to repeat after a network failure (nothing may have been written). */
  idempotent: boolean;
  /** Budget slots this HTTP request uses; a $batch uses one per inner request. */
  cost?: { requests: number; writes: number };
  /** False for $batch: its inner responses are counted instead (a failed $batch has none: it is counted). */
  countInStats?: boolean;
}

interface RawResponse {
  status: number;
  body: unknown;
}

const isContract = (target: GraphTarget): target is GraphContract => 'typeKey' in target;

/** The GraphClient over HTTP: contract → budget → token → fetch → retry → typed error. One instance per connection and run. */
export class HttpGraphClient implements GraphClient {
  private readonly logger: Logger;
  /** When Graph last stopped answering for this client (null: it answers). */
  private unavailableSince: number | null = null;

  constructor(private readonly deps: HttpGraphClientDeps) {
    this.logger = deps.logger ?? new Logger('GraphClient');
  }

  async *list(target: GraphTarget, query?: GraphQuery): AsyncIterable<GraphPage> {
    let url: string | undefined = this.url(this.versionOf(target), this.pathOf(target), query);
    let first = true;
    while (url) {
      const { body } = await this.send('GET', url, { headers: query?.headers, idempotent: true });
      const page = (body ?? {}) as {
        value?: Record<string, unknown>[];
        '@odata.count'?: number;
        '@odata.nextLink'?: string;
      };
      yield {
        items: page.value ?? [],
        ...(first && page['@odata.count'] !== undefined ? { count: page['@odata.count'] } : {}),
      };
      first = false;
      url = page['@odata.nextLink'] ? this.checkedNextLink(page['@odata.nextLink']) : undefined;
    }
  }

  async get(target: GraphTarget, id: string, query?: GraphQuery): Promise<Record<string, unknown>> {
    const url = this.url(this.versionOf(target), this.itemPath(target, id), query);
    return (await this.send('GET', url, { headers: query?.headers, idempotent: true })).body as Record<string, unknown>;
  }

  async create(contract: GraphContract, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (!contract.create) throw new Error(`${contract.typeKey} is never created through Graph`);
    const url = this.url(contract.apiVersion, contract.collectionPath);
    const res = await this.send('POST', url, { body: stripReadOnlyFields(contract, body), idempotent: false });
    return res.body as Record<string, unknown>;
  }

  async update(
    contract: GraphContract,
    id: string,
    body: Record<string, unknown>,
  ): Promise<void | Record<string, unknown>> {
    if (!contract.update) throw new Error(`${contract.typeKey} is never updated through Graph`);
    const url = this.url(contract.apiVersion, this.itemPath(contract, id));
    // PATCH and PUT replace the same fields each time: repeating one after a network failure is harmless.
    const res = await this.send(contract.update.method, url, {
      body: stripReadOnlyFields(contract, body),
      idempotent: true,
    });
    return res.status === 204 || res.body === undefined ? undefined : (res.body as Record<string, unknown>);
  }

  async delete(contract: GraphContract, id: string): Promise<void> {
    await this.send('DELETE', this.url(contract.apiVersion, this.itemPath(contract, id)), { idempotent: true });
  }

  async assign(contract: GraphContract, id: string, assignments: unknown[]): Promise<void> {
    const shape = contract.assignments?.write;
    if (!shape) throw new Error(`${contract.typeKey} has no assignments`);
    const itemPath = this.itemPath(contract, id);
    if (shape.kind === 'assignAction') {
      // `assign` replaces the whole set, so repeating it is idempotent.
      await this.send('POST', this.url(contract.apiVersion, `${itemPath}/assign`), {
        body: { [shape.bodyKey]: assignments },
        idempotent: true,
      });
      return;
    }
    // Autopilot: no replace-all action; delete what is there, then post each target.
    const readPath = `${itemPath}/${contract.assignments!.readPath}`;
    const existing: string[] = [];
    for await (const page of this.list({ path: readPath, version: contract.apiVersion }))
      existing.push(...page.items.map((a) => String(a.id)));
    for (const assignmentId of existing) {
      await this.send('DELETE', this.url(contract.apiVersion, `${readPath}/${encodeURIComponent(assignmentId)}`), {
        idempotent: true,
      });
    }
    for (const assignment of assignments) {
      await this.send('POST', this.url(contract.apiVersion, readPath), { body: assignment, idempotent: false });
    }
  }

  async request<T = unknown>(method: GraphMethod, path: string, opts: GraphRequestOptions = {}): Promise<T> {
    const url = this.url(opts.version ?? 'v1.0', path, opts.query);
    const headers = { ...opts.query?.headers, ...opts.headers };
    return (await this.send(method, url, { body: opts.body, headers, idempotent: method !== 'POST' })).body as T;
  }

  async batch(requests: GraphBatchRequest[], opts: { version?: GraphApiVersion } = {}): Promise<GraphBatchResponse[]> {
    if (new Set(requests.map((r) => r.id)).size !== requests.length)
      throw new Error('$batch request ids must be unique');
    const results = new Map<string, GraphBatchResponse>();
    for (let i = 0; i < requests.length; i += MAX_BATCH_SIZE) {
      await this.batchChunk(requests.slice(i, i + MAX_BATCH_SIZE), opts.version ?? 'beta', results);
    }
    return requests.map((r) => results.get(r.id)!);
  }

  /**
   * Graph does not retry inside a batch: the throttled/unavailable ids go again, alone, in a new batch, through
   * the retry policy of every call (attempts, Retry-After or backoff, stats, budget). A failed outer POST uses
   * the same attempts. Out of attempts, the failed inner responses are returned as they came.
   */
  private async batchChunk(
    chunk: GraphBatchRequest[],
    version: GraphApiVersion,
    results: Map<string, GraphBatchResponse>,
  ): Promise<void> {
    const url = this.url(version, '/$batch');
    let pending = chunk;
    const policy = this.retryPolicy('POST', url, () => pending.every((r) => r.method === 'GET'));
    try {
      await policy.execute(async () => {
        const failure = await this.batchAttempt(url, pending, results);
        if (!failure) return;
        pending = pending.filter((r) => failure.failedIds.includes(r.id));
        throw failure;
      }, this.deps.signal);
    } catch (error) {
      if (!(error instanceof GraphBatchInnerFailure)) throw error;
    }
  }

  /** One $batch POST; records each inner response and returns the inner requests that must go again. */
  private async batchAttempt(
    url: string,
    pending: GraphBatchRequest[],
    results: Map<string, GraphBatchResponse>,
  ): Promise<GraphBatchInnerFailure | undefined> {
    const { settings, stats, budget, identity } = this.deps;
    const writes = pending.filter((r) => r.method !== 'GET').length;
    const { body } = await this.attempt('POST', url, {
      body: { requests: pending.map(toBatchWireRequest) },
      idempotent: writes === 0,
      cost: { requests: pending.length, writes },
      countInStats: false,
    });
    const byId = new Map(pending.map((r) => [r.id, r]));
    const responses = ((body as { responses?: GraphBatchResponse[] })?.responses ?? [])
      .map(normalizeBatchResponse)
      .filter((r) => byId.has(r.id));
    for (const response of responses) {
      results.set(response.id, response);
      stats.recordResponse(response.status, byId.get(response.id)!.method !== 'GET');
    }
    const failure = innerFailureOf(responses, pending.length, { method: 'POST', path: pathOf(url) });
    if (failure?.status === 429) {
      const retryAfter = failure.retryAfterMs === undefined ? 'absent' : `${failure.retryAfterMs / 1000}`;
      this.logger.warn(`${failure.message} (largest Retry-After ${retryAfter})`);
      await budget?.pause(identity, failure.retryAfterMs ?? settings.backoffBaseMs);
    }
    return failure;
  }

  private async send(method: GraphMethod, url: string, opts: SendOptions): Promise<RawResponse> {
    return this.retryPolicy(method, url, opts.idempotent).execute(
      () => this.attempt(method, url, opts),
      this.deps.signal,
    );
  }

  private retryPolicy(method: GraphMethod, url: string, idempotent: boolean | (() => boolean)) {
    const { settings, stats } = this.deps;
    return createGraphRetryPolicy(settings, {
      idempotent,
      onRetry: (delayMs, error) => {
        stats.recordRetry(delayMs);
        this.logger.debug(
          error instanceof GraphBatchInnerFailure
            ? `$batch: retrying ${error.failedIds.length} of ${error.sent} inner requests in ${delayMs} ms after ${error.status}`
            : `retrying ${method} ${pathOf(url)} in ${delayMs} ms after ${error instanceof GraphError ? error.status : 'error'}`,
        );
      },
    });
  }

  /** One try, through the outage limit and the tenant's circuit breaker; remembers whether Graph answered. */
  private async attempt(method: GraphMethod, url: string, opts: SendOptions): Promise<RawResponse> {
    const { outageLimitMs, breakers, identity } = this.deps;
    const where = { method, path: pathOf(url) };
    if (this.unavailableSince !== null && outageLimitMs !== undefined) {
      const downMs = Date.now() - this.unavailableSince;
      if (downMs >= outageLimitMs) {
        this.deps.stats.recordRefused();
        throw new GraphUnavailableError(
          `Microsoft Graph has not answered for ${Math.round(downMs / 1000)} s (outage limit ${Math.round(outageLimitMs / 1000)} s); giving up`,
          { status: 0, ...where },
          undefined,
          false,
          true,
        );
      }
    }
    let wentOut = false;
    const exchange = () => {
      wentOut = true;
      return this.exchange(method, url, opts);
    };
    try {
      const response = breakers ? await breakers.execute(identity.entraTenantId, exchange, where) : await exchange();
      this.unavailableSince = null;
      return response;
    } catch (error) {
      if (error instanceof GraphUnavailableError) {
        this.unavailableSince ??= Date.now();
        if (!wentOut) this.deps.stats.recordRefused();
        else if (error.status === 0) this.deps.stats.recordUnreachable();
      } else if (error instanceof GraphError) this.unavailableSince = null; // an answer (4xx, 429): Graph is there
      throw error;
    }
  }

  /** One HTTP request (budget, token, fetch), in its own span when tracing is on. */
  private exchange(method: GraphMethod, url: string, opts: SendOptions): Promise<RawResponse> {
    return traceGraphRequest(method, pathOf(url), () => this.exchangeOnce(method, url, opts));
  }

  private async exchangeOnce(method: GraphMethod, url: string, opts: SendOptions): Promise<RawResponse> {
    const { settings, stats, budget, identity } = this.deps;
    const isWrite = method !== 'GET';
    if (budget) {
      const waited = await budget.reserve(
        identity,
        opts.cost ?? { requests: 1, writes: isWrite ? 1 : 0 },
        this.deps.signal,
      );
      if (waited > 0) stats.recordBudgetWait(waited);
    }
    const accessToken = await this.deps.getAccessToken();
    const clientRequestId = randomUUID();
    const path = pathOf(url);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...opts.headers,
      Authorization: `Bearer ${accessToken}`,
      'client-request-id': clientRequestId,
      'return-client-request-id': 'true',
    };
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    const timeout = AbortSignal.timeout(settings.requestTimeoutMs);
    const started = Date.now();
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: this.deps.signal ? AbortSignal.any([timeout, this.deps.signal]) : timeout,
      });
    } catch (error) {
      if (this.deps.signal?.aborted) throw this.deps.signal.reason;
      const reason = timeout.aborted ? `timed out after ${settings.requestTimeoutMs} ms` : (error as Error)?.message;
      throw new GraphUnavailableError(
        `Graph unreachable on ${method} ${path}: ${reason}`,
        { status: 0, clientRequestId, method, path },
        undefined,
        true,
      );
    }
    const requestId = response.headers.get('request-id') ?? undefined;
    const body = await readBody(response);
    if (opts.countInStats !== false || !response.ok) stats.recordResponse(response.status, isWrite);
    this.logger.debug(
      `${method} ${path} → ${response.status} in ${Date.now() - started} ms request-id=${requestId ?? '-'} client-request-id=${clientRequestId}`,
    );
    if (response.ok) return { status: response.status, body };
    const error = graphErrorFromResponse(
      { status: response.status, body, retryAfter: response.headers.get('retry-after'), requestId },
      { clientRequestId, method, path },
    );
    if (error instanceof GraphThrottledError) {
      this.logger.warn(
        `429 on ${method} ${path} (Retry-After ${response.headers.get('retry-after') ?? 'absent'}) request-id=${requestId ?? '-'}`,
      );
      await budget?.pause(identity, error.retryAfterMs ?? settings.backoffBaseMs);
    }
    throw error;
  }

  private checkedNextLink(nextLink: string): string {
    // Never send our bearer token to a host other than the configured Graph host.
    if (new URL(nextLink).origin !== new URL(this.deps.settings.graphBaseUrl).origin) {
      throw new GraphError(`Refusing @odata.nextLink to another host: ${new URL(nextLink).origin}`, { status: 0 });
    }
    return nextLink;
  }

  private versionOf(target: GraphTarget): GraphApiVersion {
    return isContract(target) ? target.apiVersion : (target.version ?? 'v1.0');
  }

  private pathOf(target: GraphTarget): string {
    return isContract(target) ? target.collectionPath : target.path;
  }

  private itemPath(target: GraphTarget, id: string): string {
    return `${this.pathOf(target)}/${encodeURIComponent(id)}`;
  }

  private url(version: GraphApiVersion, path: string, query?: GraphQuery): string {
    const params: string[] = [];
    const add = (name: string, value: string | undefined) =>
      value !== undefined && params.push(`$${name}=${encodeURIComponent(value)}`);
    add('select', query?.select?.length ? query.select.join(',') : undefined);
    add('expand', query?.expand?.length ? query.expand.join(',') : undefined);
    add('filter', query?.filter);
    add('search', query?.search);
    add('orderby', query?.orderby);
    add('top', query?.top !== undefined ? String(query.top) : undefined);
    add('count', query?.count ? 'true' : undefined);
    const [pathOnly, existingQuery] = path.split('?', 2);
    const all = [existingQuery, ...params].filter(Boolean).join('&');
    return `${this.deps.settings.graphBaseUrl}/${version}${pathOnly.startsWith('/') ? '' : '/'}${pathOnly}${all ? `?${all}` : ''}`;
  }
}

function pathOf(url: string): string {
  return new URL(url).pathname;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
