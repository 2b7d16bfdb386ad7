import { sanitizeAuditMetadata } from './sanitize-audit-metadata';

describe('sanitizeAuditMetadata', () => {
  it('should not keep a value under a key that names a secret', () => {
    const out = sanitizeAuditMetadata({
      clientSecret: 'S3cr3t!',
      nested: { privateKeyPem: 'x', password: 'p', accessToken: 't' },
      credentialKind: 'secret',
    });
    expect(JSON.stringify(out)).not.toMatch(/S3cr3t|"x"|"p"|"t"/);
    expect(out).toEqual({
      clientSecret: '[REDACTED]',
      nested: { privateKeyPem: '[REDACTED]', password: '[REDACTED]', accessToken: '[REDACTED]' },
      credentialKind: 'secret',
    });
  });

  it('keeps credential metadata (kind, expiry) readable', () => {
    const out = sanitizeAuditMetadata({
      credentialKind: 'secret',
      credentialExpiresAt: '2027-01-01T00:00:00Z',
      clientSecretExpiresAt: '2027-01-01T00:00:00Z',
      clientSecret: 's3cr3t',
      credential: { secret: 'x' },
    });
    expect(out).toMatchObject({
      credentialKind: 'secret',
      credentialExpiresAt: '2027-01-01T00:00:00Z',
      clientSecretExpiresAt: '2027-01-01T00:00:00Z',
    });
    expect(JSON.stringify(out)).not.toContain('s3cr3t');
    expect(JSON.stringify(out)).not.toContain('"x"');
  });

  it('redacts secrets that hide in free text', () => {
    const out = sanitizeAuditMetadata({
      message: 'failed with Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefgh',
    });
    expect(String(out.message)).not.toContain('eyJhbGciOiJSUzI1NiJ9');
  });

  it('caps strings and depth', () => {
    const out = sanitizeAuditMetadata({ long: 'a'.repeat(2000), deep: { a: { b: { c: { d: 1 } } } } });
    expect(String(out.long).length).toBeLessThanOrEqual(500);
    expect(JSON.stringify(out.deep)).toContain('[truncated]');
  });
});
