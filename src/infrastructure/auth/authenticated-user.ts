/** The caller, as proven by a validated Entra-style access token. */
export interface AuthenticatedUser {
  /** Stable key for our tables: `${tid}:${oid}`. */
  readonly id: string;
  readonly oid: string;
  readonly tid: string;
  readonly upn: string | null;
  readonly name: string | null;
  readonly scopes: readonly string[];
  readonly appRoles: readonly string[];
  /** When the token expires (epoch ms, its `exp`): a live WebSocket closes then (plus the clock skew). */
  readonly expiresAtMs?: number;
  /** The bearer token itself, kept only for on-behalf-of calls; never serialized, logged or returned. */
  readonly accessToken: string;
}

export function userKey(tid: string, oid: string): string {
  return `${tid}:${oid}`;
}
