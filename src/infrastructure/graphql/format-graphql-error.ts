import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError, type AppErrorCode } from '../../shared/app-errors';
import { dependencyUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../../shared/dependency-unavailable';
import { errorForLog, wasLogged } from './graphql-error-log.filter';
import { QueryTooComplexError, tooComplexFromParseError } from './query-complexity';

const logger = new Logger('GraphQLError');
const PASS_THROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);
const HTTP_STATUS_CODES: Record<number, AppErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
};

/**
 * Every error leaves with a stable `extensions.code` and a message that is safe to show: domain errors keep theirs,
 * anything unexpected becomes INTERNAL with a generic message (the original is logged, redacted). No stack traces.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof GraphQLError && original.extensions?.code === 'RATE_LIMITED')
    return { message: original.message, locations: formatted.locations, extensions: original.extensions };
  const tooComplex = queryTooComplex(original, formatted.extensions?.code);
  if (tooComplex)
    return { message: tooComplex.message, locations: formatted.locations, extensions: tooComplex.extensions };

  if (original instanceof AppError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...compact(original.details) } };
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    const response = original.getResponse() as { message?: string | string[] } | string;
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray(response.message)
          ? response.message.join('; ')
          : (response.message ?? original.message);
    return {
      ...base,
      message,
      extensions: { code: HTTP_STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_USER_INPUT') },
    };
  }
  const code = formatted.extensions?.code as string | undefined;
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'NOT_FOUND' || code === 'CONFLICT') {
    return { ...base, extensions: { code } };
  }
  if (code && PASS_THROUGH_CODES.has(code)) {
    // Query-shape errors (parse, validation, depth/alias/cost limits): the caller's fault, said plainly.
    return {
      ...base,
      extensions: {
        code:
          code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_REQUEST'
            ? code
            : 'BAD_USER_INPUT',
      },
    };
  }
  if (!(original instanceof Error) || original instanceof GraphQLError) {
    // graphql-js errors without an original error are about the request itself (e.g. variable coercion).
    if (original instanceof GraphQLError && !original.originalError)
      return { ...base, extensions: { code: code ?? 'BAD_USER_INPUT' } };
  }
  const unavailable = dependencyUnavailable(original);
  if (unavailable) {
    // An outage, not a bug: retryable, answered 503 + Retry-After (serviceUnavailablePlugin), logged once as a warning.
    const thrown = (original as { thrownValue?: unknown }).thrownValue; // what the filter saw when a non-Error was thrown
    if (!wasLogged(original) && !wasLogged(thrown))
      logger.warn(`${unavailable} unavailable at ${formatted.path?.join('.') ?? '(root)'}`);
    return {
      ...base,
      message: `Temporarily unavailable: retry after ${UNAVAILABLE_RETRY_AFTER_SECONDS} s`,
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS },
    };
  }
  // Resolver errors were logged by GraphqlErrorLogFilter (with the request id); the rest (e.g. serialization) here.
  if (!wasLogged(original))
    logger.error({ err: errorForLog(original) }, `Unexpected error at ${formatted.path?.join('.') ?? '(root)'}`);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL' },
  };
}

function compact(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined));
}

/** A depth/alias/cost/directive limit (reported during validation) or the token limit (a parse error). */
function queryTooComplex(original: unknown, code: unknown): QueryTooComplexError | null {
  if (original instanceof QueryTooComplexError) return original;
  if (code === 'GRAPHQL_PARSE_FAILED' && original instanceof GraphQLError) return tooComplexFromParseError(original);
  return null;
}
