import { graphErrorFromResponse, parseRetryAfterMs } from './graph-error-mapping';
import {
  GraphError,
  GraphNotFoundError,
  GraphPermissionError,
  GraphThrottledError,
  GraphUnavailableError,
  GraphValidationError,
} from './graph-errors';

const context = { method: 'GET', path: '/beta/deviceManagement/deviceConfigurations', clientRequestId: 'c-1' };

describe('graph error mapping', () => {
  it('parses fractional Retry-After seconds', () => {
    expect(parseRetryAfterMs('2.128')).toBe(2128);
    expect(parseRetryAfterMs(undefined)).toBeUndefined();
    expect(parseRetryAfterMs('')).toBeUndefined();
  });

  it.each([
    [429, GraphThrottledError],
    [403, GraphPermissionError],
    [404, GraphNotFoundError],
    [400, GraphValidationError],
    [503, GraphUnavailableError],
    [504, GraphUnavailableError],
    [409, GraphError],
  ])('maps status %i to its typed error', (status, type) => {
    expect(graphErrorFromResponse({ status, body: {} }, context)).toBeInstanceOf(type);
  });

  it("keeps Graph's code, the request-id and our client-request-id", () => {
    const error = graphErrorFromResponse(
      {
        status: 400,
        body: { error: { code: 'BadRequest', message: 'bad', innerError: { 'request-id': 'body-id' } } },
        requestId: 'header-id',
      },
      context,
    );
    expect(error).toMatchObject({
      status: 400,
      graphCode: 'BadRequest',
      requestId: 'header-id',
      clientRequestId: 'c-1',
    });
  });

  it('carries Retry-After on throttled and unavailable errors', () => {
    expect(
      (graphErrorFromResponse({ status: 429, body: {}, retryAfter: '1.5' }, context) as GraphThrottledError)
        .retryAfterMs,
    ).toBe(1500);
    expect(
      (graphErrorFromResponse({ status: 503, body: {}, retryAfter: '3' }, context) as GraphUnavailableError)
        .retryAfterMs,
    ).toBe(3000);
  });

  it('redacts a token Graph echoes back in its message', () => {
    const error = graphErrorFromResponse(
      {
        status: 401,
        body: { error: { code: 'InvalidAuthenticationToken', message: 'Bearer eyJhbGciOi.eyJzdWIiOiIx.abcdef' } },
      },
      context,
    );
    expect(error.message).not.toContain('eyJhbGciOi');
  });
});
