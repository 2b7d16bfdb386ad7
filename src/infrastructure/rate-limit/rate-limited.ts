import type { ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { RateDecision } from './rate-limits';

type Limited = Extract<RateDecision, { limited: true }>;

const message = (decision: Limited) => `Too many requests: retry after ${decision.retryAfterSeconds} s`;
const extensions = (decision: Limited) => ({
  code: 'RATE_LIMITED',
  retryAfterSeconds: decision.retryAfterSeconds,
  limit: decision.limit,
});

/** The GraphQL error of an operation refused over WebSocket: code RATE_LIMITED, when to retry, which limit. */
export function rateLimitedError(decision: Limited): GraphQLError {
  return new GraphQLError(message(decision), { extensions: extensions(decision) });
}

/**
 * 429 with Retry-After; a GraphQL-shaped body on the GraphQL path, so clients read `extensions.code` as usual. Built
 * from plain objects: this runs for every refused request of a flood (no Error, no stack trace to capture).
 */
export function sendRateLimited(res: ServerResponse, decision: Limited, graphql: boolean): void {
  const body = graphql
    ? { errors: [{ message: message(decision), extensions: extensions(decision) }] }
    : { statusCode: 429, error: 'Too Many Requests', message: message(decision) };
  res.writeHead(429, {
    'Retry-After': String(decision.retryAfterSeconds),
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}
