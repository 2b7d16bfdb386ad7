import type { RunFailure } from '../../../infrastructure/runs';
import { appendFailure, MAX_FAILURES, sanitizeFailure } from './run-failures';

describe('run failures', () => {
  it('should redact bearer tokens and client secrets from stored failures', () => {
    const failure = sanitizeFailure({
      item: 'policy 1',
      error: new Error('401 for Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln client_secret=hunter2'),
    });
    expect(JSON.stringify(failure)).not.toMatch(/eyJhbGci|hunter2/);
    expect(failure.message).toContain('[REDACTED]');
  });

  it('should cap a failure message at 1 KB', () => {
    expect(sanitizeFailure({ error: 'x'.repeat(5000) }).message.length).toBeLessThanOrEqual(1000);
  });

  it('should keep at most 50 failures', () => {
    const failures: RunFailure[] = [];
    for (let i = 0; i < 60; i++) appendFailure(failures, sanitizeFailure({ error: `e${i}` }));
    expect(failures).toHaveLength(MAX_FAILURES);
  });
});
