import type { SimTenant } from './simulator-state';
import type { TokenKind } from './permissions';
import type { Query } from './odata-query';

/** One Graph call, independent of Express so `$batch` can run inner requests through the same pipeline. */
export interface GraphRequest {
  method: string;
  version: 'beta' | 'v1.0';
  /** Path after the version, without leading slash or query, percent-decoded. */
  path: string;
  query: Query;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: unknown;
  /** Scheme + host the client used, for @odata.nextLink / @odata.context. */
  baseUrl: string;
}

export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export interface Principal {
  tenant: SimTenant;
  kind: TokenKind;
  appId: string;
  /** Granted permissions after injected `missingPermissions` were removed. */
  granted: Set<string>;
}

export interface HandlerContext {
  req: GraphRequest;
  principal: Principal;
  tenant: SimTenant;
  pageSize: number;
}

export const isWriteMethod = (method: string): boolean =>
  ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method.toUpperCase());
