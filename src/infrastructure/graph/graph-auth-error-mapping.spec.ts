import { ServerError } from '@azure/msal-node';
import { graphAuthErrorFrom } from './graph-auth-error-mapping';

const serverError = (errorCode: string, aadsts: number, description: string) =>
  new ServerError(
    errorCode,
    'corr',
    `Error(s): ${aadsts} - Timestamp: x - Description: ${description}`,
    undefined,
    String(aadsts),
    401,
  );

describe('token acquisition errors', () => {
  it.each([
    ['invalid_client', 7000215, 'invalid_client'],
    ['invalid_client', 7000222, 'expired_secret'],
    ['invalid_request', 90002, 'tenant_not_found'],
    ['invalid_grant', 65001, 'consent_required'],
    ['unauthorized_client', 700016, 'unauthorized_client'],
    ['invalid_request', 1234, 'other'],
  ])('maps %s AADSTS%i to kind %s', (errorCode, code, kind) => {
    const error = graphAuthErrorFrom(serverError(errorCode, code, 'x'));
    expect(error.kind).toBe(kind);
    expect(error.aadstsCode).toBe(`AADSTS${code}`);
  });

  it('reads the AADSTS code from the description when errorNo is missing', () => {
    const error = graphAuthErrorFrom(
      new ServerError('invalid_client', 'corr', 'AADSTS7000222: The provided client secret keys are expired.'),
    );
    expect(error.kind).toBe('expired_secret');
  });

  it('never repeats the server description, which may echo request data', () => {
    const error = graphAuthErrorFrom(serverError('invalid_client', 7000215, 'client_secret=super-secret-value'));
    expect(error.message).not.toContain('super-secret-value');
    expect(error.message).toContain('AADSTS7000215');
  });

  it('redacts a non-MSAL failure', () => {
    const error = graphAuthErrorFrom(new Error('failed with client_secret=abc123'));
    expect(error.kind).toBe('other');
    expect(error.message).not.toContain('abc123');
  });
});
