import { GraphAuthError, GraphPermissionError, type GraphAuthErrorKind } from '../../../infrastructure/graph';
import { verifyFindingFor } from './verify-outcome';

describe('verify findings', () => {
  const tid = '11111111-2222-3333-4444-555555555555';
  const cases: Array<[GraphAuthErrorKind, string, RegExp]> = [
    ['invalid_client', 'invalid_credentials', /Wrong credential/],
    ['expired_secret', 'expired_secret', /has expired/],
    ['tenant_not_found', 'tenant_not_found', /Unknown tenant/],
    ['consent_required', 'consent_missing', /Admin consent missing/],
    ['unauthorized_client', 'app_not_found', /app registration was not found/],
  ];

  it.each(cases)('a %s token failure says %s', (kind, code, message) => {
    const finding = verifyFindingFor(new GraphAuthError('x', kind, 'AADSTS1'), tid);
    expect(finding.code).toBe(code);
    expect(finding.message).toMatch(message);
  });

  it('gives each failure a distinct message', () => {
    const messages = cases.map(([kind]) => verifyFindingFor(new GraphAuthError('x', kind), tid).message);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('treats a Graph 403 as missing consent', () => {
    expect(verifyFindingFor(new GraphPermissionError('denied', { status: 403 }), tid).code).toBe('consent_missing');
  });
});
