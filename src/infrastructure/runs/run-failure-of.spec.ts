import {
  GraphAuthError,
  GraphError,
  GraphNotFoundError,
  GraphPermissionError,
  GraphThrottledError,
  GraphUnavailableError,
  GraphValidationError,
} from '../graph';
import { isRunFailureCode } from './run-failure-codes';
import { runFailureOf } from './run-failure-of';

describe('runFailureOf', () => {
  const details = { status: 503, method: 'GET', path: '/x' };
  it.each([
    [new GraphUnavailableError('Graph 503 ServiceUnavailable on GET /x', details), 'graph_unavailable'],
    [new GraphThrottledError('Graph 429 on GET /x', { ...details, status: 429 }), 'graph_throttled'],
    [new GraphPermissionError('Graph 403 on GET /x', { ...details, status: 403 }), 'graph_forbidden'],
    [new GraphNotFoundError('Graph 404 on GET /x', { ...details, status: 404 }), 'graph_not_found'],
    [new GraphValidationError('Graph 400 on GET /x', { ...details, status: 400 }), 'graph_rejected'],
    [new GraphError('Graph 500 on GET /x', { ...details, status: 500 }), 'graph_error'],
    [new GraphAuthError('Token acquisition failed: x', 'invalid_client'), 'invalid_credentials'],
    [new GraphAuthError('Token acquisition failed: x', 'other'), 'token_failed'],
    [new TypeError('boom'), 'unexpected_error'],
    ['a string', 'unexpected_error'],
  ])('maps %p to %s, a catalogued code, in words without a class name', (error, code) => {
    const failure = runFailureOf(error);
    expect(failure.code).toBe(code);
    expect(isRunFailureCode(failure.code)).toBe(true);
    expect(failure.message).not.toMatch(/\b[A-Z][A-Za-z]*Error: /);
  });
});
