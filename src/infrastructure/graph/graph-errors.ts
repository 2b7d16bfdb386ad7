import { redactSecrets } from '../../shared/redact';

export interface GraphErrorDetails {
  status: number;
  graphCode?: string;
  requestId?: string;
  clientRequestId?: string;
  method?: string;
  /** Path without query string or host: ids are fine, tokens never travel in paths. */
  path?: string;
}

/** Base of every failure the Graph layer throws; messages are redacted and never hold a token or secret. */
export class GraphError extends Error {
  readonly status: number;
  readonly graphCode?: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly method?: string;
  readonly path?: string;

  constructor(message: string, details: GraphErrorDetails) {
    super(redactSecrets(message));
    this.name = new.target.name;
    this.status = details.status;
    this.graphCode = details.graphCode;
    this.requestId = details.requestId;
    this.clientRequestId = details.clientRequestId;
    this.method = details.method;
    this.path = details.path;
  }
}

export class GraphThrottledError extends GraphError {
  /** Retry-After in milliseconds, when Graph sent one. */
  constructor(
    message: string,
    details: GraphErrorDetails,
    readonly retryAfterMs?: number,
  ) {
    super(message, details);
  }
}

export class GraphPermissionError extends GraphError {}
export class GraphNotFoundError extends GraphError {}
export class GraphValidationError extends GraphError {}

/**
 * 503/504 or a network failure (status 0). `retryAfterMs` when the server said how long to wait. `givenUp`: refused
 * without a call (the tenant's circuit is open, or the run's outage limit passed): never retried.
 */
export class GraphUnavailableError extends GraphError {
  constructor(
    message: string,
    details: GraphErrorDetails,
    readonly retryAfterMs?: number,
    readonly networkError = false,
    readonly givenUp = false,
  ) {
    super(message, details);
  }
}

/**
 * Some inner requests of a `$batch` came back 429/503/504. Thrown inside the retry policy so their resend obeys
 * the rules of any Graph call; it never leaves the client: out of attempts, the failed inner responses stand.
 */
export class GraphBatchInnerFailure extends GraphError {
  constructor(
    /** Ids to resend, alone, in a new batch. */
    readonly failedIds: readonly string[],
    /** Inner requests in the batch that failed. */
    readonly sent: number,
    /** The largest inner Retry-After, when any failed inner response had one. */
    readonly retryAfterMs: number | undefined,
    details: GraphErrorDetails,
  ) {
    super(
      `Graph ${details.status} on ${failedIds.length} of ${sent} inner requests of ${details.method} ${details.path}`,
      details,
    );
  }
}

export type GraphAuthErrorKind =
  'invalid_client' | 'expired_secret' | 'tenant_not_found' | 'consent_required' | 'unauthorized_client' | 'other';

/** Token acquisition failed. Carries the AADSTS code, never the credential. */
export class GraphAuthError extends GraphError {
  constructor(
    message: string,
    readonly kind: GraphAuthErrorKind,
    readonly aadstsCode?: string,
    details: Partial<GraphErrorDetails> = {},
  ) {
    super(message, { status: details.status ?? 401, ...details });
  }
}
