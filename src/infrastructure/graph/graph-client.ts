import type { GraphApiVersion, GraphContract } from '../../../config/graph-contracts';

export type GraphMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A contract, or an ad-hoc collection (default version v1.0) for directory reads such as /groups. */
export type GraphTarget = GraphContract | { path: string; version?: GraphApiVersion };

export interface GraphQuery {
  select?: readonly string[];
  expand?: readonly string[];
  filter?: string;
  /** Sent as given; for groups use the quoted form `"displayName:abc"`. */
  search?: string;
  orderby?: string;
  top?: number;
  count?: boolean;
  /** Extra headers, e.g. `ConsistencyLevel: eventual` for $search; re-sent on every page. */
  headers?: Record<string, string>;
}

export interface GraphPage {
  items: Record<string, unknown>[];
  /** `@odata.count`: only on the first page, only when `count: true`. */
  count?: number;
}

export interface GraphBatchRequest {
  id: string;
  method: GraphMethod;
  /** Relative to the version root, e.g. `/deviceManagement/deviceConfigurations/{id}`. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface GraphBatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export interface GraphRequestOptions {
  version?: GraphApiVersion;
  query?: GraphQuery;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The only way to call Microsoft Graph. A second implementation exists for tests; the real one is HttpGraphClient. */
export interface GraphClient {
  /** Pages as they arrive, following `@odata.nextLink`; never a whole collection in memory. */
  list(target: GraphTarget, query?: GraphQuery): AsyncIterable<GraphPage>;
  get(target: GraphTarget, id: string, query?: GraphQuery): Promise<Record<string, unknown>>;
  /** POST to the collection; read-only fields are stripped per contract. */
  create(contract: GraphContract, body: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** PATCH or PUT per contract; 200 (with body) and 204 both accepted. */
  update(contract: GraphContract, id: string, body: Record<string, unknown>): Promise<void | Record<string, unknown>>;
  delete(contract: GraphContract, id: string): Promise<void>;
  /** Replaces the item's whole assignment set, in the contract's write shape. */
  assign(contract: GraphContract, id: string, assignments: unknown[]): Promise<void>;
  /**
   * ≤ 20 per HTTP $batch; throttled/unavailable inner requests are retried alone, under the retry rules of every
   * call. Responses in request order; one still 429/503/504 after the last attempt is returned, not thrown.
   */
  batch(requests: GraphBatchRequest[], opts?: { version?: GraphApiVersion }): Promise<GraphBatchResponse[]>;
  /** Escape hatch for calls no contract describes (/organization, /groups); default version v1.0. */
  request<T = unknown>(method: GraphMethod, path: string, opts?: GraphRequestOptions): Promise<T>;
}
