/** Seconds a client is asked to wait (Retry-After) when PostgreSQL or Redis is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

export type UnavailableDependency = 'database' | 'redis' | 'network';

/** A backing service did not answer in time (e.g. a Redis command queued while Redis is down). */
export class DependencyUnavailableError extends Error {
  constructor(
    readonly dependency: UnavailableDependency,
    message: string,
  ) {
    super(message);
    this.name = 'DependencyUnavailableError';
  }
}

/** Rejects with DependencyUnavailableError when `work` takes longer than `ms` (the work itself is not cancelled). */
export async function within<T>(
  work: Promise<T>,
  ms: number,
  dependency: UnavailableDependency,
  what: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DependencyUnavailableError(dependency, `${what}: no answer within ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** SQLSTATE classes/codes that mean "the server is not there right now", not "your statement is wrong". */
const PG_UNAVAILABLE = /^(08|57P0[1-3]|53300)/;
const PG_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Cannot use a pool after calling end on the pool',
  'the database system is starting up',
  'the database system is shutting down',
];
const REDIS_MESSAGES = ['Connection is closed', "Stream isn't writeable", 'Reached the max retries per request limit'];
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Which backing service an error says is unreachable (PostgreSQL, Redis, or a socket to either), or null for any
 * other error. Follows `driverError` (TypeORM) and `cause` chains. Such an error is not a bug: the API answers 503
 * SERVICE_UNAVAILABLE with Retry-After, and a run waits for the database rather than failing.
 */
export function dependencyUnavailable(error: unknown): UnavailableDependency | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if (current instanceof DependencyUnavailableError) return current.dependency;
    const { code, message, name } = current as { code?: unknown; message?: unknown; name?: unknown };
    const text = typeof message === 'string' ? message : '';
    if (typeof code === 'string' && PG_UNAVAILABLE.test(code)) return 'database';
    if (PG_MESSAGES.some((m) => text.includes(m))) return 'database';
    if (name === 'MaxRetriesPerRequestError' || REDIS_MESSAGES.some((m) => text.includes(m))) return 'redis';
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return 'network';
    // TypeORM's driverError, Error.cause, graphql-js's wrapper of a thrown non-Error (pg throws plain objects).
    const next = current as { driverError?: unknown; cause?: unknown; thrownValue?: unknown };
    current = next.driverError ?? next.cause ?? next.thrownValue;
  }
  return null;
}
