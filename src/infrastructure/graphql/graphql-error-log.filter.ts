import { type ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlArgumentsHost } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { AppError } from '../../shared/app-errors';
import { dependencyUnavailable } from '../../shared/dependency-unavailable';
import { redactSecrets, safeErrorMessage } from '../../shared/redact';
import type { GraphqlContext } from './graphql-context';

const logger = new Logger('GraphQL');
const logged = new WeakSet<object>();

/** True when the filter already logged this error (formatGraphqlError then does not log it again). */
export function wasLogged(error: unknown): boolean {
  return typeof error === 'object' && error !== null && logged.has(error);
}

/** The caller's mistake (a stable 4xx code), as opposed to a failure of ours. */
export function isClientError(error: unknown): boolean {
  if (error instanceof AppError) return error.code !== 'INTERNAL';
  if (error instanceof HttpException) return error.getStatus() < 500;
  return error instanceof GraphQLError && !error.originalError && error.extensions?.code !== 'INTERNAL_SERVER_ERROR';
}

/** An unexpected error for the error log: type, code, redacted message and stack, never a query's parameters. */
export function errorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: safeErrorMessage(error) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.constructor.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: safeErrorMessage(error),
    stack: redactSecrets(error.stack ?? ''),
  };
}

/**
 * Replaces Nest's default for resolvers, which logs every thrown error at `error` with a stack: a client's mistake
 * (BAD_USER_INPUT, NOT_FOUND, FORBIDDEN, …) is logged at debug without one, so nobody floods the error log by
 * sending bad requests; only unexpected errors are logged at `error`, with the stack and the request id.
 * HTTP routes keep Nest's default handling.
 */
@Catch()
export class GraphqlErrorLogFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') return super.catch(exception, host);
    const gql = GqlArgumentsHost.create(host);
    const { requestId } = gql.getContext<GraphqlContext>() ?? {};
    const path = gql.getInfo<{ fieldName?: string } | undefined>()?.fieldName ?? '(root)';
    const unavailable = dependencyUnavailable(exception);
    if (isClientError(exception)) {
      const code = exception instanceof AppError ? exception.code : 'client_error';
      logger.debug({ requestId, path, code }, `${code} at ${path}: ${safeErrorMessage(exception)}`);
    } else if (unavailable) {
      // An outage answers every request the same way: one warning line each, no stack (it is not our bug).
      logger.warn(
        { requestId, path },
        `SERVICE_UNAVAILABLE at ${path}: ${unavailable}: ${safeErrorMessage(exception)}`,
      );
      if (typeof exception === 'object' && exception !== null) logged.add(exception);
    } else {
      logger.error({ requestId, path, err: errorForLog(exception) }, `Unexpected error at ${path}`);
      if (typeof exception === 'object' && exception !== null) logged.add(exception);
    }
    // Rethrown, as Nest's default does: a returned error would become a subscription's event source.
    throw exception;
  }
}
